/**
 * One input → its raw documents. A container (JSON Lines, a feed, a WARC)
 * yields one document per record; a record that cannot be read is yielded as
 * an `InputError` naming it, and the records after it are still read.
 */
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { CrosscheckError, InputError, describeError } from '../errors.js'
import type { RawDocument, SourceRef } from '../types.js'
import { DEFAULT_MAX_DEPTH, jsonDepth, tooDeep } from './budgets.js'
import { decodeBytes } from './decode.js'
import { decodedLines } from './lines.js'
import { type ReadAs, formatFromContentType, formatFromName, sniffFormat } from './detect-format.js'
import { normalizeStatedDate } from './date-parser.js'
import { type ParsedFeed, type FeedItem, parseFeed } from './feed.js'
import { fetchUrl } from './fetch.js'
import { htmlFragmentToBlocks } from './html.js'
import type { Input } from './inputs.js'
import { isArticleRecord, jsonRecordToDocument, jsonRecords } from './json.js'
import { normalizeLanguageTag } from './language.js'
import { unsafeLinkDiagnostic, unsafeScheme } from './link-scheme.js'
import { sourceLabel } from './source-label.js'
import type { PrepareJob } from './prepare-job.js'
import { type WarcSkip, readWarc } from './warc.js'
import { DEFAULT_MAX_BYTES } from '../limits.js'

export interface ReadOpts {
  /** Largest single document (a file, a page, a JSON line, a WARC record), in bytes. @default 16 MiB */
  readonly maxBytes?: number
  /** Fetch the page each feed item links to instead of using the feed's own text. @default false */
  readonly followLinks?: boolean
  /** Let URLs reach loopback and private networks (a newsroom's intranet). @default false */
  readonly allowPrivateAddresses?: boolean
  /** Time limit for one fetch, in milliseconds. @default 15000 */
  readonly timeoutMs?: number
  /** Deepest nesting of a JSON record, a feed or a page (see `DEFAULT_MAX_DEPTH`). @default 256 */
  readonly maxDepth?: number
  /** Standard input, for `-` (tests pass their own). @default process.stdin */
  readonly stdin?: AsyncIterable<Uint8Array>
}

/** A unit of CPU work (parse + prepare) for the pool, or the error that stopped a record. */
export type ReadItem = PrepareJob | InputError

/** Every document of one input, or the errors that stopped them. */
export async function* readInput(input: Input, opts: ReadOpts = {}): AsyncGenerator<ReadItem> {
  try {
    if (input.kind === 'url') yield* readUrl(input.url, opts)
    else if (input.kind === 'stdin') yield* readStdin(opts)
    else yield* readFile(input.path, input.size, input.fromDirectory, opts)
  } catch (error) {
    yield asInputError(error, input.kind === 'file' ? input.path : input.kind === 'url' ? input.url : '-')
  }
}

async function* readFile(path: string, size: number, fromDirectory: boolean, opts: ReadOpts): AsyncGenerator<ReadItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  const source: SourceRef = { kind: 'file', location: path }
  const named = formatFromName(path)
  // Containers are streamed: their size is not one document's size.
  if (named === 'warc') return yield* readWarcFile(path, maxBytes, depthLimit(opts))
  if (named === 'jsonl') return yield* readJsonLinesFile(path, maxBytes, depthLimit(opts))
  if (size === 0) throw new InputError('INPUT_EMPTY', 'the file is empty', { input: path })
  if (size > maxBytes) {
    throw new InputError('INPUT_TOO_LARGE', `the file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit for one document (--max-bytes)`, {
      input: path,
    })
  }
  const bytes = await readWhole(path, size)
  if (named === null && startsWith(bytes, 'WARC/')) return yield* readWarcFile(path, maxBytes, depthLimit(opts))
  const kind = named === 'html' ? 'html' : named === 'feed' || /\.xml$/iu.test(path) ? 'xml' : 'text'
  const decoded = decodeBytes(bytes, { name: path, kind })
  const format = named ?? sniffFormat(decoded.text)
  yield* readDecoded(decoded.text, format, source, decoded.diagnostics, opts, fromDirectory)
}

/** Documents from text whose format is known. */
async function* readDecoded(
  text: string,
  format: ReadAs,
  source: SourceRef,
  diagnostics: RawDocument['diagnostics'],
  opts: ReadOpts,
  lenient = false,
): AsyncGenerator<ReadItem> {
  const withDiagnostics = (doc: RawDocument): RawDocument => (diagnostics.length === 0 ? doc : { ...doc, diagnostics: [...diagnostics, ...doc.diagnostics] })
  switch (format) {
    case 'text':
      yield { kind: 'text', text, source, diagnostics }
      return
    case 'html':
      yield { kind: 'html', html: text, source, diagnostics, maxDepth: depthLimit(opts), ...(source.kind === 'url' ? { url: source.location } : {}) }
      return
    case 'feed':
      yield* readFeed(parseFeed(text, { name: sourceLabel(source), maxDepth: depthLimit(opts) }), source, opts)
      return
    case 'jsonl':
      yield* readJsonLines(text.split('\n'), source, depthLimit(opts))
      return
    case 'json': {
      let value: unknown
      const maxDepth = depthLimit(opts)
      try {
        if (jsonDepth(text, maxDepth) > maxDepth) throw tooDeep('the JSON', maxDepth, sourceLabel(source))
        value = JSON.parse(text)
      } catch (error) {
        // Files named .json often hold JSON Lines.
        const lines = text.split('\n').filter((line) => line.trim() !== '')
        if (lines.length > 1 && lines.every(isJson)) return yield* readJsonLines(text.split('\n'), source, maxDepth)
        if (error instanceof InputError) throw error
        throw new InputError('PARSE_FAILED', `not valid JSON: ${describeError(error)}`, { input: sourceLabel(source) })
      }
      const records = jsonRecords(value)
      // A directory walk meets JSON that is not articles (configs, answer keys): pass over it quietly.
      if (lenient && !records.some(isArticleRecord)) {
        throw new InputError('INPUT_UNSUPPORTED', 'JSON without article records (no text, body or html field); skipped', {
          input: sourceLabel(source),
        })
      }
      for (const [index, record] of records.entries()) {
        const at: SourceRef = records.length === 1 ? source : { ...source, index }
        yield attempt(() => withDiagnostics(jsonRecordToDocument(record, at, 'json', JSON.stringify(record), { maxDepth })), at)
      }
      return
    }
    case 'warc':
      throw new InputError('INPUT_UNSUPPORTED', 'a WARC archive must be read from a file, not from standard input or a URL', {
        input: sourceLabel(source),
      })
  }
}

function* readJsonLines(lines: readonly string[], source: SourceRef, maxDepth: number): Generator<ReadItem> {
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue
    yield jsonLine(line, { ...source, index }, maxDepth)
  }
}

async function* readJsonLinesFile(path: string, maxBytes: number, maxDepth: number): AsyncGenerator<ReadItem> {
  // Decoded here rather than by the stream: a BOM or UTF-16 would otherwise cost lines (or all of them).
  const lines = decodedLines(createReadStream(path), maxBytes)
  let index = -1
  let any = false
  for await (const line of lines) {
    index++
    if (!line.tooLong && line.text.trim() === '') continue
    any = true
    const at: SourceRef = { kind: 'file', location: path, index }
    if (line.tooLong) {
      yield new InputError('INPUT_TOO_LARGE', `line ${index + 1} is over the ${formatBytes(maxBytes)} limit for one document`, {
        input: sourceLabel(at),
      })
      continue
    }
    yield jsonLine(line.text, at, maxDepth)
  }
  if (!any) yield new InputError('INPUT_EMPTY', 'the file has no JSON lines', { input: path })
}

function depthLimit(opts: ReadOpts): number {
  return opts.maxDepth ?? DEFAULT_MAX_DEPTH
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

function jsonLine(line: string, at: SourceRef, maxDepth: number): ReadItem {
  let value: unknown
  // Checked before parsing: every step after it (field reading, serializing) walks the value.
  if (jsonDepth(line, maxDepth) > maxDepth) return tooDeep(`line ${(at.index ?? 0) + 1}`, maxDepth, sourceLabel(at))
  try {
    value = JSON.parse(line)
  } catch (error) {
    return new InputError('PARSE_FAILED', `line ${(at.index ?? 0) + 1} is not valid JSON: ${describeError(error)}`, { input: sourceLabel(at) })
  }
  return attempt(() => jsonRecordToDocument(value, at, 'jsonl', line, { maxDepth }), at)
}

/** Feed items: the linked page when following links, else the feed's own text. */
async function* readFeed(feed: ParsedFeed, source: SourceRef, opts: ReadOpts): AsyncGenerator<ReadItem> {
  for (const item of feed.items) {
    const at: SourceRef = { ...source, index: item.index }
    if (item.tooDeep === true) {
      yield tooDeep('the feed item', depthLimit(opts), sourceLabel(at))
      continue
    }
    if (opts.followLinks === true && item.link !== null) {
      try {
        const page = await fetchPage(item.link, opts)
        if (page !== null) {
          yield {
            kind: 'html',
            html: page.html,
            source: at,
            url: page.url,
            fallback: feedItemMetadata(item, feed),
            diagnostics: page.diagnostics,
            maxDepth: depthLimit(opts),
          }
          continue
        }
      } catch (error) {
        yield asInputError(error, `${sourceLabel(at)} (${item.link})`)
        continue
      }
    }
    yield attempt(() => feedItemToDocument(item, feed, at, depthLimit(opts)), at)
  }
}

function feedItemToDocument(item: FeedItem, feed: ParsedFeed, source: SourceRef, maxDepth: number): RawDocument {
  const html = item.contentHtml ?? item.summary
  if (html === null || html.trim() === '') {
    throw new InputError('NO_CONTENT', 'the feed item has no text (use --follow-links to fetch the linked page)', {
      input: sourceLabel(source),
    })
  }
  return {
    source,
    format: feed.kind,
    blocks: htmlFragmentToBlocks(html, { maxDepth, input: sourceLabel(source) }),
    metadata: feedItemMetadata(item, feed),
    raw: html,
    diagnostics: item.unsafeLink === undefined ? [] : [unsafeLinkDiagnostic(item.unsafeLink, unsafeScheme(item.unsafeLink) ?? 'unsafe')],
  }
}

/** What a feed says about one of its items; the linked page's own metadata wins over it. */
export function feedItemMetadata(item: FeedItem, feed: ParsedFeed): RawDocument['metadata'] {
  const language = normalizeLanguageTag(feed.language)
  const published = normalizeStatedDate(item.published)
  // An item that names its publisher (an aggregator's feed) is that outlet's, not the feed's.
  const outlet = item.publisher ?? feed.title
  return {
    ...(item.title === null ? {} : { title: item.title }),
    ...(item.link === null ? {} : { url: item.link }),
    ...(published === null ? {} : { published }),
    ...(item.author === null ? {} : { byline: item.author }),
    ...(outlet === null ? {} : { outlet }),
    ...(language === undefined ? {} : { language }),
  }
}

async function* readWarcFile(path: string, maxBytes: number, maxDepth: number): AsyncGenerator<ReadItem> {
  const skipped: WarcSkip[] = []
  const pages = readWarc(createReadStream(path), {
    name: path,
    maxRecordBytes: maxBytes,
    onSkip: (skip) => void skipped.push(skip),
  })
  let any = false
  for await (const page of pages) {
    any = true
    const at: SourceRef = { kind: 'file', location: path, index: page.index }
    try {
      const decoded = decodeBytes(page.bytes, { name: sourceLabel(at), kind: 'html', ...(page.contentType === null ? {} : { contentType: page.contentType }) })
      yield { kind: 'html', html: decoded.text, source: at, url: page.targetUri, diagnostics: decoded.diagnostics, maxDepth }
    } catch (error) {
      yield asInputError(error, `${sourceLabel(at)} (${page.targetUri})`)
    }
  }
  for (const skip of skipped) {
    yield new InputError('INPUT_TOO_LARGE', skip.reason, { input: `${path}#${skip.index}${skip.targetUri === null ? '' : ` (${skip.targetUri})`}` })
  }
  if (!any && skipped.length === 0) yield new InputError('NO_CONTENT', 'the archive holds no HTML responses', { input: path })
}

async function* readUrl(url: string, opts: ReadOpts): AsyncGenerator<ReadItem> {
  const source: SourceRef = { kind: 'url', location: url }
  const resource = await fetchUrl(url, fetchOpts(opts))
  const format = formatFromContentType(resource.contentType)
  const kind = format === 'html' ? 'html' : format === 'feed' ? 'xml' : 'text'
  const decoded = decodeBytes(resource.bytes, {
    name: url,
    kind: format === null ? 'html' : kind,
    ...(resource.contentType === null ? {} : { contentType: resource.contentType }),
  })
  const at: SourceRef = resource.url === url ? source : { kind: 'url', location: resource.url }
  yield* readDecoded(decoded.text, format ?? sniffFormat(decoded.text), at, decoded.diagnostics, opts)
}

/** A linked HTML page, fetched through the same guard as any URL; null when it is not HTML. */
async function fetchPage(url: string, opts: ReadOpts): Promise<{ html: string; url: string; diagnostics: RawDocument['diagnostics'] } | null> {
  const resource = await fetchUrl(url, fetchOpts(opts))
  if (formatFromContentType(resource.contentType) !== 'html') return null
  const decoded = decodeBytes(resource.bytes, {
    name: url,
    kind: 'html',
    ...(resource.contentType === null ? {} : { contentType: resource.contentType }),
  })
  return { html: decoded.text, url: resource.url, diagnostics: decoded.diagnostics }
}

async function* readStdin(opts: ReadOpts): AsyncGenerator<ReadItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const chunk of opts.stdin ?? (process.stdin as AsyncIterable<Uint8Array>)) {
    total += chunk.length
    if (total > maxBytes) {
      throw new InputError('INPUT_TOO_LARGE', `standard input is over the ${formatBytes(maxBytes)} limit (--max-bytes)`, { input: '-' })
    }
    chunks.push(chunk)
  }
  const bytes = Buffer.concat(chunks)
  const decoded = decodeBytes(bytes, { name: 'standard input' })
  const format = sniffFormat(decoded.text)
  yield* readDecoded(decoded.text, format, { kind: 'stdin', location: '-' }, decoded.diagnostics, opts)
}

function fetchOpts(opts: ReadOpts): Parameters<typeof fetchUrl>[1] {
  return {
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    allowPrivateAddresses: opts.allowPrivateAddresses ?? false,
    ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
  }
}

function attempt(build: () => RawDocument, at: SourceRef): ReadItem {
  try {
    return { kind: 'document', doc: build() }
  } catch (error) {
    return asInputError(error, sourceLabel(at))
  }
}

/** Any failure while reading one input, as an `InputError` naming that input. */
export function asInputError(error: unknown, input: string): InputError {
  if (error instanceof InputError) return error
  if (error instanceof CrosscheckError) return new InputError(error.code, error.message, { input: error.input ?? input, cause: error })
  return new InputError('INPUT_UNREADABLE', describeError(error), { input, cause: error })
}

async function readWhole(path: string, size: number): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(size)
    const { bytesRead } = await handle.read(buffer, 0, size, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

function startsWith(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.subarray(0, text.length)).toString('latin1') === text
}

/** `16 MiB`, `512 KiB`, `12 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB`
  return `${bytes} bytes`
}
