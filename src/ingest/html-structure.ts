/**
 * Extraction rules read from a page's structure rather than its words, so
 * they hold for pages in any language:
 *
 * - interactive parts (dialogs and modals, fixed overlays, forms with the
 *   box around them) are taken out before the main-content extractor sees
 *   the page, and kept as removals;
 * - the lead before the first heading belongs to the article: a prose
 *   paragraph the page marks up as part of its article, ahead of the text
 *   the extractor kept, is put back in front of it;
 * - a page that says its article is not free to read (schema.org
 *   `isAccessibleForFree: false`, `article:content_tier` locked) shows a
 *   teaser, which is said in a diagnostic;
 * - when the extractor leaves (nearly) nothing, the best cluster of text
 *   blocks of the page is taken instead;
 * - short lines at either end of the text that are mostly links (a
 *   breadcrumb, "print / close" controls, an attachment) or only a date
 *   line are page furniture.
 */
import type { Block, Diagnostic, RemovalRule } from '../types.js'
import { comparisonForm } from '../text/normalize.js'
import { type DomDocument, type DomElement, TEXT_NODE, isElement } from './html-dom.js'
import { domToBlocks } from './html-blocks.js'

/** A box around a form holding more text than this is not the form's own box (a whole page inside one <form>). */
const FORM_BOX_MAX_CHARS = 600
/** An overlay holding more than this share of the page's text is the page itself, not something over it. */
const OVERLAY_MAX_SHARE = 0.5
/** A dialog may hold more than a fixed element (a long "breaking news" modal over a short article), but not everything. */
const DIALOG_MAX_SHARE = 0.8

const FIXED = /position\s*:\s*(?:fixed|sticky)/iu

/**
 * Removes the page's interactive parts from `doc` and returns their text as
 * blocks marked `interactive`: dialogs and modals (consent prompts, "breaking
 * news" overlays), elements the page fixes on the screen, and forms with
 * the small box around them (a subscription prompt's heading and pitch, a
 * poll's question, a comment form's title). A reader acts on these; they are
 * not the article, and left in they can outweigh a short one.
 */
export function takeInteractive(doc: DomDocument): Block[] {
  const body = doc.body
  if (body === null) return []
  const pageLength = textLength(body)
  const taken: DomElement[] = []
  // One walk over the elements (selectors with attribute tests cost a pass each on deep pages); a taken overlay's inside is not walked.
  const stack: DomElement[] = [body]
  while (stack.length > 0) {
    const el = stack.pop() as DomElement
    if (el !== body && isOverlayOverPage(el, pageLength)) {
      taken.push(el)
      continue
    }
    if (el.localName === 'form') {
      const box = formBox(el)
      if (box !== null) taken.push(box)
      continue
    }
    // linkedom builds `children` afresh on each read: read it once.
    const children = el.children
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomElement)
  }
  const outermost = taken.filter((el, i) => taken.indexOf(el) === i && !taken.some((other) => other !== el && contains(other, el)))
  const blocks: Block[] = []
  for (const el of outermost) {
    for (const block of domToBlocks(el)) blocks.push({ ...block, hint: 'interactive' })
    el.remove()
  }
  return blocks
}

/**
 * A dialog or modal, or an element the page fixes on the screen over its content. A fixed or sticky element
 * with most of the page's text is the page's own frame (a sticky layout column), and a dialog holding the
 * page's article or nearly all its text is an article shown in a lightbox: neither is over the page.
 */
function isOverlayOverPage(el: DomElement, pageLength: number): boolean {
  const role = el.getAttribute('role')
  const dialog = el.localName === 'dialog' || role === 'dialog' || role === 'alertdialog' || el.getAttribute('aria-modal') === 'true'
  if (dialog) return textLength(el) <= DIALOG_MAX_SHARE * pageLength && el.querySelector('article, main') === null
  return FIXED.test(el.getAttribute('style') ?? '') && textLength(el) <= OVERLAY_MAX_SHARE * pageLength
}

/** A form with the small box around it (its heading and pitch), or the form alone; null for a form wrapping the page. */
function formBox(form: DomElement): DomElement | null {
  const parent = form.parentElement
  const box =
    parent !== null && !['body', 'html', 'main', 'article'].includes(parent.localName) && textLength(parent) <= FORM_BOX_MAX_CHARS
      ? parent
      : textLength(form) <= FORM_BOX_MAX_CHARS
        ? form
        : null
  return box !== null && box.querySelector('article, main') === null ? box : null
}

/** The shortest paragraph taken for a lead: a headline, a kicker or a byline is shorter. */
const LEAD_MIN_CHARS = 80
// Sentence-final punctuation of many scripts, optionally followed by a closing quote or bracket.
const ENDS_SENTENCE = /[.!?。！？؟…][”"’»)）」』]?$/u

/**
 * When the extractor kept a sub-section of the article (the text from a
 * heading on) and lost what comes before that heading: the prose paragraphs
 * the page marks up as its article (`markedUp`, in page order) between the
 * article's top and that heading, which it left out. That is the article's
 * lead, returned unhinted, in page order, to go in front of the kept text.
 * Only when the kept text starts at a heading: a standfirst in the article's
 * header (hinted `title`) above a body that was kept from its first
 * paragraph is a summary, not lost text. The headline, kickers, bylines and
 * datelines are short or unpunctuated and stay out.
 */
export function leadBefore(markedUp: readonly Block[], kept: readonly Block[], headlines: readonly string[], summaries: readonly string[] = []): Block[] {
  const visible = kept.filter((block) => block.hint === undefined)
  if (visible.length === 0) return []
  const keptText = comparisonForm(visible.map((block) => block.text).join('\n'))
  const isKept = (block: Block): boolean => {
    const form = comparisonForm(block.text)
    return form !== '' && keptText.includes(form)
  }
  const first = markedUp.findIndex((block) => block.kind === 'text' && comparisonForm(block.text).length >= 20 && isKept(block))
  if (first <= 0) return []
  // The heading the kept text starts from: the nearest block before the first kept paragraph that is not furniture.
  let heading = first - 1
  while (heading >= 0 && (markedUp[heading] as Block).hint !== undefined && (markedUp[heading] as Block).kind !== 'heading') heading--
  if (heading <= 0 || (markedUp[heading] as Block).kind !== 'heading') return []
  // The headline and the summary the page states for itself (its description) are metadata, not lost text.
  const titles = new Set([...headlines, ...summaries].map(comparisonForm))
  const lead: Block[] = []
  for (const block of markedUp.slice(0, heading)) {
    const form = comparisonForm(block.text)
    if (block.kind !== 'text' || isKept(block) || titles.has(form)) continue
    if (block.hint !== undefined && block.hint !== 'extractor') continue
    if (block.text.length < LEAD_MIN_CHARS || !ENDS_SENTENCE.test(block.text.trim())) continue
    lead.push({ kind: 'text', text: block.text })
  }
  return lead
}

/** The summaries a page states of itself (its description for search engines and link previews). */
export function pageSummaries(doc: DomDocument): string[] {
  const found: string[] = []
  for (const selector of ['meta[name="description"]', 'meta[property="og:description"]', 'meta[name="twitter:description"]']) {
    const content = doc.querySelector(selector)?.getAttribute('content')?.replace(/\s+/gu, ' ').trim()
    if (content !== undefined && content !== '') found.push(content)
  }
  return found
}

/**
 * A diagnostic when the page states that its article is not free to read:
 * schema.org's `isAccessibleForFree: false` (on the article or a part of it)
 * in its JSON-LD, or `article:content_tier` set to `locked`. What the page
 * shows is then a teaser cut by a paywall, not the whole article. Read
 * before extraction, which drops scripts.
 */
export function paywallDiagnostic(doc: DomDocument): Diagnostic | null {
  const tier = doc.querySelector('meta[property="article:content_tier"]')?.getAttribute('content')?.trim().toLowerCase()
  let locked = tier === 'locked'
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]')
  for (let i = 0; i < scripts.length && !locked; i++) {
    try {
      locked = statesNotFree(JSON.parse(scripts[i]?.textContent ?? '') as unknown, 0)
    } catch {
      // A page's broken JSON-LD says nothing either way.
    }
  }
  if (!locked) return null
  return {
    ruleId: 'html/paywall-teaser',
    severity: 'warning',
    message: 'the page states that its article is not free to read (paywall): the text is the teaser the page shows, not the whole article',
  }
}

/** Whether a JSON-LD value says `isAccessibleForFree: false` anywhere (nested parts and graphs included; depth-bounded). */
function statesNotFree(value: unknown, depth: number): boolean {
  if (depth > 6 || value === null || typeof value !== 'object') return false
  if (Array.isArray(value)) return value.some((item) => statesNotFree(item, depth + 1))
  const record = value as Record<string, unknown>
  const free = record['isAccessibleForFree']
  if (free === false || (typeof free === 'string' && free.trim().toLowerCase() === 'false')) return true
  return Object.values(record).some((item) => statesNotFree(item, depth + 1))
}

/** A paragraph of prose in the cluster search: at least this long, few of its characters in links. */
const PROSE_MIN_CHARS = 60

/**
 * The page's best cluster of text blocks, for a page the extractor read as
 * (nearly) empty: the blocks of the whole body, read without the class-name
 * hints that emptied it, and the run of them with the most prose, where a
 * block of prose counts for its length and any other block against it. A
 * heading is neutral: it may sit inside the article.
 */
export function bestTextCluster(doc: DomDocument): Block[] {
  if (doc.body === null) return []
  const blocks = domToBlocks(doc.body, { classHints: false })
  let best = { start: 0, end: 0, score: 0 }
  let start = 0
  let score = 0
  blocks.forEach((block, i) => {
    const value = block.kind === 'heading' ? 0 : block.hint === undefined && block.text.length >= PROSE_MIN_CHARS ? block.text.length : -block.text.length
    if (score + value <= 0) {
      start = i + 1
      score = 0
      return
    }
    score += value
    if (score > best.score) best = { start, end: i + 1, score }
  })
  return blocks
    .slice(best.start, best.end)
    .map((block) => (block.kind === 'heading' || block.hint !== undefined ? block : { kind: block.kind, text: block.text }))
}

/** A line at the ends of the text this short, and at least this much links, is navigation. */
const END_LINE_MAX_CHARS = 120
const END_LINE_LINKED_SHARE = 0.5
/** A date line at the top: short, and a numeric date in it (2026-09-01, 01.09.2026, 2026年9月1日). */
const TOP_DATE_MAX_CHARS = 80
const NUMERIC_DATE = /\d{4}\s*[-./年]\s*\d{1,2}(?:\s*[-./月]\s*\d{1,2})?|\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*\d{2,4}/u

/**
 * Marks the furniture at the two ends of the visible text: short lines made
 * mostly of the page's link and button labels (`linkTexts`, read before
 * extraction turned some links into plain text) become `navigation`, and a
 * short numeric date line before the first paragraph becomes `dateline`.
 * It stops at the first line of text from each end; hinted blocks are
 * passed over.
 */
export function trimEnds(blocks: readonly Block[], linkTexts: ReadonlySet<string>): Block[] {
  const out = [...blocks]
  const visible = out.flatMap((block, i) => (block.hint === undefined ? [i] : []))
  // Never trim the text away: at least one visible block stays.
  let trimmed = 0
  const mark = (i: number, hint: RemovalRule): void => {
    out[i] = { ...(out[i] as Block), hint }
    trimmed++
  }
  for (const i of visible) {
    if (trimmed >= visible.length - 1) break
    const block = out[i] as Block
    if (mostlyLinks(block.text, linkTexts)) mark(i, 'navigation')
    else if (block.kind === 'text' && block.text.length <= TOP_DATE_MAX_CHARS && NUMERIC_DATE.test(block.text) && !ENDS_SENTENCE.test(block.text))
      mark(i, 'dateline')
    else break
  }
  for (const i of [...visible].reverse()) {
    if (trimmed >= visible.length - 1 || out[i]?.hint !== undefined) break
    if (mostlyLinks((out[i] as Block).text, linkTexts)) mark(i, 'navigation')
    else break
  }
  return out
}

// A bare address is a source the text cites, not a link away from it.
const LOOKS_LIKE_ADDRESS = /^(?:https?:\/\/|www\.)\S+$/iu

function mostlyLinks(text: string, linkTexts: ReadonlySet<string>): boolean {
  // A sentence (a linked first line that is the story's own statement) or a cited address is text, whatever links it.
  if (text.length > END_LINE_MAX_CHARS || ENDS_SENTENCE.test(text.trim()) || LOOKS_LIKE_ADDRESS.test(text.trim())) return false
  const letters = (t: string): number => t.replace(/[\s\p{P}\p{S}]/gu, '').length
  const total = letters(text)
  if (total === 0) return false
  let rest = text
  for (const link of linkTexts) if (link.length >= 2 && rest.includes(link)) rest = rest.split(link).join(' ')
  return 1 - letters(rest) / total >= END_LINE_LINKED_SHARE
}

/** A class repeated this often, each time on a short line with a number, is a template's meta line. */
const TEMPLATE_MIN_REPEATS = 3
const TEMPLATE_MAX_CHARS = 80
/** Elements with more children than this hold content, not one meta line; their text is not read. */
const TEMPLATE_MAX_CHILDREN = 8

/**
 * The lines a page repeats from one template around each of its items: a
 * forum's panel beside every post (name, join date, post count), the date
 * line above it. Found by structure: an element class (with its tag) used at
 * least three times, every time on a short line that holds a number and is
 * not a sentence. Returned in `letterForm`, to match blocks by.
 */
export function templateLines(doc: DomDocument): Set<string> {
  const byClass = new Map<string, string[]>()
  const body = doc.body
  if (body === null) return new Set()
  const stack: DomElement[] = [body]
  while (stack.length > 0) {
    const el = stack.pop() as DomElement
    const children = el.children
    const cls = el.getAttribute('class')?.trim() ?? ''
    if (cls !== '' && children.length <= TEMPLATE_MAX_CHILDREN && !/^h\d$/u.test(el.localName)) {
      const key = `${el.localName}.${cls}`
      const texts = byClass.get(key) ?? []
      texts.push((el.textContent ?? '').replace(/\s+/gu, ' ').trim())
      byClass.set(key, texts)
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomElement)
  }
  const lines = new Set<string>()
  for (const texts of byClass.values()) {
    if (texts.length < TEMPLATE_MIN_REPEATS) continue
    if (!texts.every((t) => t !== '' && t.length <= TEMPLATE_MAX_CHARS && /\p{N}/u.test(t) && !ENDS_SENTENCE.test(t))) continue
    for (const t of texts) lines.add(letterForm(t))
  }
  return lines
}

/** Letters and digits only, lower case: a line compared whatever its spacing and punctuation. */
export function letterForm(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

/** The collapsed text of every link and button of the page, for `trimEnds`. */
export function linkLabels(doc: DomDocument): Set<string> {
  const labels = new Set<string>()
  const links = doc.querySelectorAll('a, button')
  for (let i = 0; i < links.length; i++) {
    const text = (links[i]?.textContent ?? '').replace(/\s+/gu, ' ').trim()
    if (text !== '') labels.add(text)
  }
  return labels
}

function textLength(el: DomElement): number {
  let length = 0
  const stack = [el as DomElement | { nodeType: number; nodeValue: string | null }]
  while (stack.length > 0) {
    const node = stack.pop() as DomElement
    if (node.nodeType === TEXT_NODE) length += (node.nodeValue ?? '').replace(/\s+/gu, '').length
    else if (isElement(node) && node.localName !== 'script' && node.localName !== 'style') {
      const children = node.childNodes
      for (let i = 0; i < children.length; i++) stack.push(children[i] as DomElement)
    }
  }
  return length
}

function contains(outer: DomElement, inner: DomElement): boolean {
  for (let el: DomElement | null = inner.parentElement; el !== null; el = el.parentElement) if (el === outer) return true
  return false
}
