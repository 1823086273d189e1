/**
 * `npm run eval -- fidelity <folder>`: the invariants a fact-checker relies
 * on when they copy what crosscheck shows, checked on every article of a
 * folder (any file the ingest reads, and `.html.gz` pages), with no answer
 * key. Each violation is printed with its article and where it is.
 *
 * - `verbatim`: a quote's display text is its spans' exact text joined by the
 *   elision mark; a figure's number, an event's date and a source's span are
 *   the article's own words.
 * - `future-past`: no date after publication for a clause in the past tense
 *   ("said on Thursday" in a Friday paper is not next Thursday).
 * - `vague-exact`: no vague word ("dozens", "hundreds") read as an exact count.
 * - `lost-block`: every block of the page's body is in the cleaned text or in
 *   the removals, with its rule: nothing disappears unlisted.
 *
 * The checks are written independently of the extractors' rules, so a rule
 * that breaks an invariant is caught here rather than agreeing with itself.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import { gunzip } from 'node:zlib'
import { parseHTML } from 'linkedom'
import { extractClaims } from '../../dist/claims/extract-claims.js'
import { ELISION } from '../../dist/claims/quotes.js'
import type { ArticleClaims } from '../../dist/claims/types.js'
import { InputError } from '../../dist/errors.js'
import { chronoDateFinder } from '../../dist/ingest/date-finder.js'
import { isArticleFileName } from '../../dist/ingest/detect-format.js'
import { type DomDocument, type DomElement, type DomNode, TEXT_NODE, isElement } from '../../dist/ingest/html-dom.js'
import { parseHtmlPage } from '../../dist/ingest/html.js'
import { type PrepareJob, jobSource, runPrepareJob } from '../../dist/ingest/prepare-job.js'
import { readInput } from '../../dist/ingest/read-input.js'
import { parseTextDocument } from '../../dist/ingest/text.js'
import type { Article, Block } from '../../dist/types.js'
import type { EvalResult, EvalTask } from './task.js'

const gunzipAsync = promisify(gunzip)

/** What kind of promise a violation breaks. */
export type ViolationKind = 'verbatim' | 'future-past' | 'vague-exact' | 'lost-block'

export interface Violation {
  readonly kind: ViolationKind
  /** What is wrong, with the words concerned. */
  readonly detail: string
  /** Where in the article's cleaned text, when it has a place there. */
  readonly at: { readonly start: number; readonly end: number } | null
}

// Files beside the articles that describe them: answer keys, annotations, reference outputs.
const NOT_ARTICLES = /^(?:expected|ground-truth|NewsQuant)\.json$|\.(?:ann|tsv|md|txt\.gz)$|readme|licen[cs]e/iu
const SKIPPED_FOLDERS = new Set(['attributions', 'reference-outputs', 'node_modules'])

export const fidelity: EvalTask = async (folder) => {
  const counts = new Map<ViolationKind, number>([
    ['verbatim', 0],
    ['future-past', 0],
    ['vague-exact', 0],
    ['lost-block', 0],
  ])
  const notes: string[] = []
  let articles = 0
  let clean = 0
  let claims = 0
  let unreadable = 0
  for (const path of await articleFiles(folder)) {
    for await (const read of readArticles(path)) {
      if (read === null) {
        unreadable++
        continue
      }
      const { article, blocks } = read
      articles++
      const found = extractClaims(article, { findDates: chronoDateFinder })
      claims += found.quotes.length + found.figures.length + found.events.length
      const violations = [...checkClaims(article, found), ...checkBlocks(article, blocks)]
      if (violations.length === 0) clean++
      const name = `${relative(folder, article.source.location)}${article.source.index === undefined ? '' : `#${article.source.index}`}`
      for (const v of violations) {
        counts.set(v.kind, (counts.get(v.kind) ?? 0) + 1)
        notes.push(`${v.kind} ${name}${v.at === null ? '' : ` @${v.at.start}-${v.at.end}`}: ${v.detail}`)
      }
    }
  }
  const table = [...counts].map(([kind, violations]) => ({ invariant: kind, violations }))
  return {
    table,
    metrics: { clean_articles: articles === 0 ? 1 : clean / articles },
    checks: { passed: clean, failed: articles - clean },
    notes: [
      ...notes,
      `${articles} articles (${unreadable} inputs unreadable, skipped), ${claims} claims checked; ${[...counts.values()].reduce((a, b) => a + b, 0)} violations`,
    ],
  } satisfies EvalResult
}

/** Every file under `folder` the ingest reads, plus gzipped HTML pages, sorted. */
async function articleFiles(folder: string): Promise<string[]> {
  const files: string[] = []
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(path)
      } else if (!NOT_ARTICLES.test(entry.name) && (isArticleFileName(entry.name) || /\.html?\.gz$/iu.test(entry.name))) files.push(path)
    }
  }
  await walk(folder)
  return files
}

interface ReadArticle {
  readonly article: Article
  /** The body as the input presented it, before cleaning. */
  readonly blocks: readonly Block[]
}

/** The articles of one file, prepared as `crosscheck ingest` prepares them, with their raw blocks; null for one that cannot be read. */
async function* readArticles(path: string): AsyncGenerator<ReadArticle | null> {
  if (/\.gz$/iu.test(path)) {
    const html = (await gunzipAsync(await readFile(path))).toString('utf8')
    yield prepared({ kind: 'html', html, source: { kind: 'file', location: path }, diagnostics: [] })
    return
  }
  const input = { kind: 'file' as const, path, size: (await stat(path)).size, fromDirectory: true }
  for await (const item of readInput(input)) yield item instanceof InputError ? null : prepared(item)
}

function prepared(job: PrepareJob): ReadArticle | null {
  const result = runPrepareJob(job)
  if (!result.ok) return null
  const blocks =
    job.kind === 'document'
      ? job.doc.blocks
      : job.kind === 'text'
        ? parseTextDocument(job.text, jobSource(job)).blocks
        : [...parseHtmlPage(job.html, jobSource(job), job.url === undefined ? {} : { url: job.url }).blocks, ...markedUpBlocks(job.html)]
  return { article: result.article, blocks }
}

/** The DOM members read here (linkedom has `closest`; the shared structural type does not declare it). */
type MarkedElement = DomElement & { closest(selector: string): DomElement | null }

// Elements that hold one block of text; the innermost ones are read.
const BLOCK_ELEMENTS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre, dd, dt'
// Page furniture inside an article element, which a page marks as such: not the story's content.
const FURNITURE = 'nav, aside, footer, form, script, style, noscript, template, [aria-hidden="true"], [hidden]'

// Elements whose content a browser never shows as text: code, styles, and the fallback inside embedded frames and
// media (an <iframe>'s content is raw text, shown only by browsers without frames, so often escaped markup).
const NEVER_RENDERED = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'video', 'audio', 'canvas', 'svg', 'math'])

/** The text of an element as a reader sees it: its text nodes, without those inside never-rendered elements. */
function renderedText(element: DomElement): string {
  let text = ''
  const stack: DomNode[] = [element]
  while (stack.length > 0) {
    const node = stack.pop() as DomNode
    if (node.nodeType === TEXT_NODE) text += node.nodeValue ?? ''
    else if (isElement(node) && !NEVER_RENDERED.has(node.localName)) {
      const children = node.childNodes
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode)
    }
  }
  return text
}

/**
 * The blocks a page marks up as its article (`<article>`, else `<main>`),
 * read from the HTML independently of the extractor: what the page itself
 * says is content, so a block the extractor drops without a word is caught.
 * Empty when the page marks up no article.
 */
export function markedUpBlocks(html: string): Block[] {
  const { document } = parseHTML(html) as unknown as { document: DomDocument }
  const root = (document.querySelector('article') ?? document.querySelector('main')) as MarkedElement | null
  if (root === null) return []
  const blocks: Block[] = []
  for (const element of Array.from(root.querySelectorAll(BLOCK_ELEMENTS)) as MarkedElement[]) {
    if (element.querySelector(BLOCK_ELEMENTS) !== null || element.closest(FURNITURE) !== null) continue
    const text = renderedText(element).replace(/\s+/gu, ' ').trim()
    if (text !== '') blocks.push({ kind: /^H\d$/u.test(element.tagName) ? 'heading' : 'text', text })
  }
  return blocks
}

// ---------------------------------------------------------------------------
// The invariants

/** Every violation of the claims invariants in one article. */
export function checkClaims(article: Pick<Article, 'text' | 'sentences' | 'published'>, claims: ArticleClaims): Violation[] {
  const { text } = article
  const out: Violation[] = []
  const within = (span: { start: number; end: number }): boolean => span.start >= 0 && span.end <= text.length && span.start < span.end
  for (const quote of claims.quotes) {
    const spans = quote.textSpans
    if (spans === undefined) {
      // A quote stored before quotes had their own spans: its text must at least be the article's words as they stand.
      if (quote.text === '' || !text.includes(quote.text))
        out.push({ kind: 'verbatim', detail: `${quote.kind} quote “${clip(quote.text)}” is not in the text as displayed`, at: quote.spans[0] ?? null })
    } else {
      const rebuilt = spans.every(within) ? spans.map((span) => text.slice(span.start, span.end)).join(ELISION) : null
      if (spans.length === 0 || rebuilt !== quote.text) {
        out.push({
          kind: 'verbatim',
          detail: `${quote.kind} quote “${clip(quote.text)}” is not its spans' text (${rebuilt === null ? 'spans outside the text' : `“${clip(rebuilt)}”`})`,
          at: spans[0] ?? null,
        })
      }
    }
    if (quote.speakerSpan !== null && !within(quote.speakerSpan))
      out.push({ kind: 'verbatim', detail: `speaker span of “${clip(quote.text)}” is outside the text`, at: null })
  }
  for (const figure of claims.figures) {
    if (!within(figure.span) || !text.slice(figure.span.start, figure.span.end).includes(figure.text)) {
      out.push({ kind: 'verbatim', detail: `figure “${figure.text}” is not the text at its span`, at: figure.span })
    }
    if (
      figure.sourceSpan !== null &&
      (!within(figure.sourceSpan) ||
        (figure.sourceWritten !== undefined && text.slice(figure.sourceSpan.start, figure.sourceSpan.end) !== figure.sourceWritten))
    ) {
      out.push({ kind: 'verbatim', detail: `the source of figure “${figure.text}” is not the text at its span`, at: figure.sourceSpan })
    }
    if (VAGUE_WORD.test(figure.text) && !/\d/u.test(figure.text) && (!figure.vague || figure.range === undefined)) {
      out.push({
        kind: 'vague-exact',
        detail: `“${figure.text}” read as ${figure.vague ? 'vague without a range' : `the exact count ${figure.value}`}`,
        at: figure.span,
      })
    }
    const day = article.published?.slice(0, 10) ?? null
    if (day !== null && figure.whenDate !== null && figure.whenDate > day && figure.when !== null && !/\d{4}/u.test(figure.when)) {
      if (inThePast(text, article.sentences[figure.sentence] ?? null, figure.span.start)) {
        out.push({ kind: 'future-past', detail: `figure “${figure.text}” ${figure.when} dated ${figure.whenDate}, after publication ${day}`, at: figure.span })
      }
    }
  }
  const day = article.published?.slice(0, 10) ?? null
  for (const event of claims.events) {
    if (!within(event.dateSpan) || text.slice(event.dateSpan.start, event.dateSpan.end) !== event.dateText) {
      out.push({ kind: 'verbatim', detail: `date “${event.dateText}” is not the text at its span`, at: event.dateSpan })
    }
    // A date the text gives with its year is the article's claim; only dates resolved against a reference are judged.
    if (day === null || event.date === null || event.date <= day || /\d{4}/u.test(event.dateText)) continue
    if (inThePast(text, article.sentences[event.sentence] ?? null, event.dateSpan.start)) {
      out.push({
        kind: 'future-past',
        detail: `“${event.dateText}” dated ${event.date}, after publication ${day}, in “${clip(event.event)}”`,
        at: event.dateSpan,
      })
    }
  }
  return out
}

const VAGUE_WORD = /\b(?:dozens|scores|hundreds|thousands|millions|billions|tens of)\b/iu
// Words that put a clause in the future or name a coming day. Kept apart from the extractors' own lists on purpose.
const FUTURE_CUE =
  /\b(?:will|won['’]t|would|shall|expects?|expected|forecasts?|due|scheduled|set to|plans?|planned|going to|intends?|to be held|next|coming|upcoming|tomorrow|until|by)\b/iu

// A verb in the past tense: said, told, was, an -ed form ("arrested", not "hundred" or "need").
const PAST_CUE =
  /\b(?:said|told|was|were|had|did|fled|fell|left|went|came|made|took|gave|met|held|struck|broke|began|spoke|wrote|saw|sent|found|lost|won|led|(?!(?:hundred|need|indeed|speed|seed|feed|proceed|succeed|exceed)\b)[a-z]{2,}[^e\W]ed)\b/iu

/**
 * Whether the sentence puts the date in the past: a verb in the past tense in
 * the words around it (quotations left out: they keep the speaker's tense)
 * and no word of the future. Present-tense announcements ("tickets go on sale
 * Friday") are neither, and are not judged.
 */
function inThePast(text: string, sentence: { start: number; end: number } | null, at: number): boolean {
  const from = sentence === null ? Math.max(0, at - 200) : sentence.start
  const to = sentence === null ? Math.min(text.length, at + 100) : sentence.end
  const words = text.slice(from, to).replace(/“[^”]*(?:”|$)|"[^"]*(?:"|$)/gu, ' ')
  return PAST_CUE.test(words) && !FUTURE_CUE.test(words)
}

/** Blocks of the body that are neither in the cleaned text nor among the removals. */
export function checkBlocks(article: Pick<Article, 'text' | 'title' | 'removed' | 'byline' | 'published'>, blocks: readonly Block[]): Violation[] {
  const kept = squash(article.text)
  const removed = article.removed.map((r) => squash(r.text)).filter((r) => r !== '')
  const metadata = [article.title, article.byline].filter((m): m is string => m !== null).map(squash)
  const out: Violation[] = []
  for (const block of blocks) {
    const words = squash(block.text)
    if (words === '' || kept.includes(words)) continue
    // The headline, the byline and a dateline that only gives the publication time: kept as metadata.
    if (metadata.some((m) => m === words) || (article.published !== null && words.length <= 40 && DATE_ONLY.test(words))) continue
    // A block removed whole, or in pieces (a fragment cut from it and the rest kept).
    if (removed.some((r) => r.includes(words) || words.includes(r))) continue
    out.push({ kind: 'lost-block', detail: `“${clip(block.text)}” is neither in the text nor in the removals`, at: null })
  }
  return out
}

/** A squashed block made only of a date and a time ("april1520269920amgmt2"). */
const DATE_ONLY =
  /^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|\d+|am|pm|gmt|utc|bst|cet|cest|est|edt|pst|pdt|updated|published|posted|at|on)+$/u

/**
 * Letters and digits only, lower case: blocks and text compared by their words' letters, so cleaning that
 * re-joins a word broken across a line ("news- paper") does not count as losing the block.
 */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
