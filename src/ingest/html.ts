/**
 * HTML adapter: a news page (or an HTML snippet from a feed) → `RawDocument`.
 * Metadata is read from the untouched DOM first, because Readability rewrites
 * the document it scores; the main text then comes from Readability, with a
 * densest-container fallback for pages it cannot read.
 */
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { Block, Diagnostic, RawDocument, SourceRef } from '../types.js'
import { comparisonForm } from '../text/normalize.js'
import { type DomDocument, type DomElement, type DomNode, TEXT_NODE, isElement } from './html-dom.js'
import { BLOCK_TAGS, domToBlocks, elementHint, HEADING_TAGS, markFurniture, SKIP_TAGS } from './html-blocks.js'
import { readPageMetadata } from './html-metadata.js'
import {
  bestTextCluster,
  leadBefore,
  letterForm,
  linkLabels,
  pageSummaries,
  paywallDiagnostic,
  takeInteractive,
  templateLines,
  trimEnds,
} from './html-structure.js'
import { DEFAULT_MAX_DEPTH, READABILITY_WORK_BUDGET, capMarkupDepth, tooDeep, treeShape } from './budgets.js'
import { sourceLabel } from './source-label.js'

/** Options for `parseHtmlPage`. */
export interface ParseHtmlPageOpts {
  /** Where the page was fetched from; the URL when the page states none, and the base for relative ones. */
  readonly url?: string
  /** Deepest element nesting read; a deeper page fails with `INPUT_TOO_DEEP`. @default DEFAULT_MAX_DEPTH */
  readonly maxDepth?: number
}

// Less body text than this from Readability means it picked a fragment (a
// teaser, a cookie box), so the fallback gets a chance to do better.
const MIN_BODY_CHARS = 250

/**
 * Reads a full news page: stated metadata plus the main text as blocks.
 *
 * @example
 * parseHtmlPage('<html lang="en-GB"><head><meta property="og:title" content="Dam opens"></head>' +
 *   '<body><article><h1>Dam opens</h1><p>The new dam opened on Monday …</p></article></body></html>',
 *   { kind: 'file', location: 'dam.html' })
 * // => { format: 'html', metadata: { title: 'Dam opens', language: 'en' },
 * //      blocks: [{ kind: 'text', text: 'The new dam opened on Monday …' }], … }
 */
export function parseHtmlPage(html: string, source: SourceRef, opts?: ParseHtmlPageOpts): RawDocument {
  const diagnostics: Diagnostic[] = []
  const maxDepth = opts?.maxDepth ?? DEFAULT_MAX_DEPTH
  const { doc, shape } = parseDocument(html, maxDepth, sourceLabel(source))
  // Before Readability: it removes scripts (JSON-LD) and rewrites the tree.
  const page = readPageMetadata(doc, opts?.url)
  diagnostics.push(...page.diagnostics)
  const paywall = paywallDiagnostic(doc)
  if (paywall !== null) diagnostics.push(paywall)
  // Read before Readability, which turns some links (javascript: ones) into plain text.
  const links = linkLabels(doc)
  const summaries = pageSummaries(doc)
  const templates = templateLines(doc)
  // Dialogs, overlays and forms leave the page before anything scores it; their text is kept as removals.
  const interactive = takeInteractive(doc)

  // What the page itself marks up as its article, read before Readability rewrites the tree: whatever of it
  // the extractor leaves out is kept as a removal (rule 'extractor'), so no block of the article disappears silently.
  const articleRoot = doc.querySelector('article') ?? doc.querySelector('main')
  const markedUp = articleRoot === null ? [] : articleTextBlocks(articleRoot)

  let blocks: Block[] = []
  try {
    if (shape.elements * shape.depth ** 2 <= READABILITY_WORK_BUDGET) blocks = readableBlocks(doc)
    else {
      diagnostics.push({
        ruleId: 'html/readability-skipped',
        severity: 'info',
        message: `the page has ${shape.elements} elements nested ${shape.depth} deep, too much work for Readability (READABILITY_WORK_BUDGET); read by the container extractor`,
      })
    }
  } catch (error) {
    // Readability is a heuristic over arbitrary markup; one odd page must not stop a run.
    diagnostics.push({
      ruleId: 'html/readability-failed',
      severity: 'warning',
      message: `Readability failed on this page: ${error instanceof Error ? error.message : String(error)}`,
    })
  }
  if (visibleLength(blocks) < MIN_BODY_CHARS) {
    // Readability gave up or kept a scrap: score containers on a fresh parse,
    // since Readability has already pruned this one.
    const fresh = (): DomDocument => {
      const parsed = parseDocument(html, maxDepth, sourceLabel(source)).doc
      takeInteractive(parsed)
      return parsed
    }
    const fallback = densestContainerBlocks(fresh())
    if (visibleLength(fallback) > visibleLength(blocks)) {
      blocks = fallback
      diagnostics.push({
        ruleId: 'html/no-main-content',
        severity: 'warning',
        message: 'Readability found no main content; used the container with the most paragraph text',
      })
    }
    // Still (nearly) nothing visible: class names marked the story's own blocks as furniture (a CMS's
    // "text-image" component). The page's best cluster of text blocks, read without class hints, is the article.
    if (visibleLength(blocks) < MIN_BODY_CHARS) {
      const cluster = bestTextCluster(fresh())
      if (visibleLength(cluster) > visibleLength(blocks)) {
        blocks = cluster
        diagnostics.push({
          ruleId: 'html/text-cluster',
          severity: 'warning',
          message: 'the extractors left almost no text; used the page’s best cluster of text blocks, read without class-name hints',
        })
      }
    }
  }
  if (blocks.length === 0) {
    diagnostics.push({ ruleId: 'html/empty-body', severity: 'warning', message: 'the page has no body text' })
  } else {
    const lead = leadBefore(markedUp, blocks, page.headlines, summaries)
    if (lead.length > 0) {
      diagnostics.push({
        ruleId: 'html/lead-restored',
        severity: 'info',
        message: `the extractor left out the article's lead before its body; put back ${lead.length} paragraph(s)`,
      })
    }
    blocks = trimEnds([...lead, ...blocks], links).map((block) =>
      // A template's meta line repeated around every item (a forum post's author panel and date) is the author's, not text.
      block.hint === undefined && templates.has(letterForm(block.text)) ? { ...block, hint: 'contributor' } : block,
    )
    blocks = [...blocks, ...leftOut(markedUp, blocks, page.headlines), ...interactive]
  }
  return {
    source,
    format: 'html',
    blocks: dropHeadline(blocks, page.headlines),
    metadata: page.metadata,
    raw: html,
    diagnostics,
  }
}

/**
 * Where a block of the article's text starts: the block extractor's block and
 * heading elements, plus table cells and the labels of controls, whose text a
 * reader sees on its own. Text directly in any other element belongs to the
 * nearest of these above it.
 */
const TEXT_BLOCK_TAGS: ReadonlySet<string> = new Set([...BLOCK_TAGS, ...HEADING_TAGS, 'td', 'th', 'button', 'label'])
/** Elements whose text is never page text: the block extractor's, but a button's label, which a reader does see. */
const NO_TEXT_TAGS: ReadonlySet<string> = new Set([...SKIP_TAGS].filter((tag) => tag !== 'button'))

/**
 * Every piece of text of the page's article element, block by block (text
 * nodes grouped under the nearest element that starts a block), each with
 * the furniture rule its markup implies, if any. Walked with an explicit
 * stack: the depth is the page's.
 */
function articleTextBlocks(root: DomElement): Block[] {
  const blocks: Block[] = []
  let current: { text: string; hint: Block['hint']; kind: Block['kind'] } | null = null
  const flush = (): void => {
    const text = current?.text.replace(/\s+/gu, ' ').trim() ?? ''
    if (current !== null && text !== '')
      blocks.push(current.hint === undefined ? { kind: current.kind, text } : { kind: current.kind, text, hint: current.hint })
    current = null
  }
  type Entry = { node: DomNode; hint: Block['hint']; kind: Block['kind']; exit?: true }
  const stack: Entry[] = [{ node: root, hint: elementHint(root), kind: 'text' }]
  while (stack.length > 0) {
    const { node, hint, kind, exit } = stack.pop() as Entry
    if (exit === true) {
      flush()
      continue
    }
    if (node.nodeType === TEXT_NODE) {
      current ??= { text: '', hint, kind }
      current.text += node.nodeValue ?? ''
      continue
    }
    // Hidden text (screen-reader labels, collapsed widgets) is listed too: it is in the page's article, and the
    // extractor leaves it out of the body; what never is page text (scripts, styles) is not.
    if (!isElement(node)) continue
    // An icon's <title> is its accessible name ("Email", "Twitter"): text a screen reader reads, kept as a block of its own.
    if (node.localName === 'svg') {
      const label = node.querySelector('title')?.textContent?.replace(/\s+/gu, ' ').trim() ?? ''
      if (label !== '') {
        flush()
        const own = elementHint(node) ?? hint
        blocks.push(own === undefined ? { kind: 'text', text: label } : { kind: 'text', text: label, hint: own })
      }
      continue
    }
    if (NO_TEXT_TAGS.has(node.localName)) continue
    const own = elementHint(node) ?? hint
    const startsBlock = TEXT_BLOCK_TAGS.has(node.localName)
    const ownKind = HEADING_TAGS.has(node.localName) ? 'heading' : startsBlock ? 'text' : kind
    if (startsBlock) {
      flush()
      stack.push({ node, hint: own, kind: ownKind, exit: true })
    }
    const children = node.childNodes
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as DomNode, hint: own, kind: ownKind })
  }
  flush()
  return blocks
}

/**
 * The blocks of the page's marked-up article that are not in what the
 * extractor kept (compared in comparison form, so spacing and quote styles
 * do not matter), marked to be removed: furniture keeps its own rule, the
 * headline gets `title` (it is the article's title), the rest `extractor`.
 */
function leftOut(markedUp: readonly Block[], kept: readonly Block[], headlines: readonly string[]): Block[] {
  const keptText = comparisonForm(kept.map((block) => block.text).join('\n'))
  const titles = new Set(headlines.map(comparisonForm))
  return markedUp
    .filter((block) => {
      const form = comparisonForm(block.text)
      return form !== '' && !keptText.includes(form)
    })
    .map((block) => ({ ...block, hint: block.hint ?? (titles.has(comparisonForm(block.text)) ? 'title' : 'extractor') }))
}

/**
 * Converts an HTML snippet (a feed item's content, a JSON field) to blocks,
 * with the same paragraph and hint rules as full pages but no Readability.
 *
 * @example
 * htmlFragmentToBlocks('<p>First.</p><p>Second<br>line.</p>')
 * // => [{ kind: 'text', text: 'First.' }, { kind: 'text', text: 'Second' }, { kind: 'text', text: 'line.' }]
 */
export function htmlFragmentToBlocks(fragment: string, opts?: { readonly maxDepth?: number; readonly input?: string }): Block[] {
  const { doc } = parseDocument(`<!doctype html><html><head></head><body>${fragment}</body></html>`, opts?.maxDepth ?? DEFAULT_MAX_DEPTH, opts?.input ?? '')
  return doc.body === null ? [] : domToBlocks(doc.body)
}

/**
 * Parses a page and checks its nesting against the depth budget: the
 * extractors below walk the tree recursively, and Readability's time grows
 * steeply with depth. (linkedom itself builds the tree without recursion.)
 */
function parseDocument(html: string, maxDepth: number, input: string): { doc: DomDocument; shape: { depth: number; elements: number } } {
  // linkedom's typings refer to the browser DOM, which this project does not load.
  const doc = (parseHTML(withBody(capMarkupDepth(html, maxDepth, 'html'))) as unknown as { document: DomDocument }).document
  const root = doc.documentElement
  const shape = root === null ? { depth: 0, elements: 0 } : treeShape(root, (el) => el.children, maxDepth)
  if (shape.depth > maxDepth) throw tooDeep('the page', maxDepth, input)
  return { doc, shape }
}

/**
 * The page with explicit <html> and <body> elements. Browsers imply them;
 * linkedom does not, and leaves content outside an unwritten <body> out of
 * `document.body` (or has no document element at all for bare text).
 */
function withBody(html: string): string {
  const hasHtml = /<html[\s>]/i.test(html)
  if (/<body[\s>]/i.test(html)) return hasHtml ? html : `<html>${html}</html>`
  if (!hasHtml) return `<!doctype html><html><head></head><body>${html}</body></html>`
  const headEnd = /<\/head\s*>/i.exec(html)
  const open = headEnd ?? /<html[^>]*>/i.exec(html)
  if (open === null) return html
  const at = open.index + open[0].length
  const rest = html.slice(at)
  const close = /<\/html\s*>/i.exec(rest)
  const body = close === null ? rest : rest.slice(0, close.index)
  return `${html.slice(0, at)}<body>${body}</body></html>`
}

/** Main content by Readability, kept as a DOM element (classes kept) so block hints can read the markup. */
function readableBlocks(doc: DomDocument): Block[] {
  keepEmbeddedPosts(doc)
  const marks = doc.body === null ? undefined : markFurniture(doc.body)
  const reader = new Readability(doc as never, { keepClasses: true, serializer: (node) => node })
  const article = reader.parse()
  const content = article?.content as unknown as DomElement | null | undefined
  if (content === null || content === undefined) return []
  return domToBlocks(content, marks === undefined ? {} : { marks })
}

// The markup the big platforms' embed codes use for a quoted post.
const EMBEDDED_POST = 'blockquote.twitter-tweet, blockquote.twitter-video, blockquote.instagram-media, blockquote.tiktok-embed'

/**
 * An embedded post (a tweet the story quotes) is part of the story, but its
 * wrapper is usually called something like `social-embed`, which both
 * Readability and our share-bar hints read as a share widget. The wrappers
 * that hold nothing but the post lose their class and id, and the post's
 * links become plain text.
 */
function keepEmbeddedPosts(doc: DomDocument): void {
  const posts = doc.querySelectorAll(EMBEDDED_POST)
  for (let i = 0; i < posts.length; i++) {
    const post = posts[i]
    if (post === undefined) continue
    // Its links (handles, hashtags, t.co addresses) would make Readability
    // drop it as a link farm; the words are what the story quotes.
    const links = post.querySelectorAll('a')
    for (let j = 0; j < links.length; j++) links[j]?.replaceWith(links[j]?.textContent ?? '')
    let el: DomElement | null | undefined = post
    while (el !== null && el !== undefined && el.localName !== 'body') {
      el.removeAttribute('class')
      el.removeAttribute('id')
      const parent: DomElement | null = el.parentElement
      if (parent === null || !onlyWraps(parent, el)) break
      el = parent
    }
  }
}

/** True when `parent` holds nothing but `child` (and the embed's script). */
function onlyWraps(parent: DomElement, child: DomElement): boolean {
  const nodes = parent.childNodes
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]
    if (node === undefined || node === child) continue
    if (node.nodeType === TEXT_NODE && (node.nodeValue ?? '').trim() === '') continue
    if (isElement(node) && ['script', 'noscript', 'style'].includes(node.localName)) continue
    return false
  }
  return true
}

/**
 * The fallback extractor: the element whose direct paragraph children hold
 * the most text (an <article>, <main> or the story's wrapper div), else <body>.
 */
function densestContainerBlocks(doc: DomDocument): Block[] {
  const scores = new Map<DomElement, number>()
  const paragraphs = doc.querySelectorAll('p, pre, blockquote, li')
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]
    const parent = p?.parentElement
    if (p === undefined || parent === null || parent === undefined) continue
    const length = (p.textContent ?? '').replace(/\s+/g, ' ').trim().length
    scores.set(parent, (scores.get(parent) ?? 0) + length)
  }
  let best: DomElement | null = null
  let bestScore = 0
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el
      bestScore = score
    }
  }
  const root = best ?? doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body
  return root === null ? [] : domToBlocks(root)
}

function visibleLength(blocks: readonly Block[]): number {
  return blocks.reduce((sum, b) => sum + (b.hint === undefined ? b.text.length : 0), 0)
}

// The headline, when the body repeats it, sits before the first paragraphs.
const HEADLINE_WINDOW = 4

/**
 * Marks leading blocks that repeat one of the page's headlines as the title: metadata, not body. They are
 * marked rather than dropped because the headline shown on the page (an <h1>) may differ from the one the
 * article keeps as its title (og:title), and a block that is in neither the text nor the removals is lost silently.
 */
function dropHeadline(blocks: readonly Block[], headlines: readonly string[]): Block[] {
  const known = new Set(headlines.map(comparisonForm))
  return blocks.map((b, i) => (i < HEADLINE_WINDOW && b.hint === undefined && known.has(comparisonForm(b.text)) ? { ...b, hint: 'title' } : b))
}
