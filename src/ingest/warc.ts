/**
 * Web archives (WARC 1.0/1.1, plain or gzipped per record) → the HTML pages
 * they captured. Built on warcio's parser, with the checks warcio leaves out
 * for untrusted files: a size cap per record, and detection of a file cut
 * short (warcio ends quietly, or spins forever when asked to skip the rest).
 */

import type { Transform } from 'node:stream'
import zlib from 'node:zlib'
import { AsyncIterReader, LimitReader, WARCParser } from 'warcio'
import type { WARCRecord } from 'warcio'
import { InputError } from '../errors.js'
import { DEFAULT_MAX_BYTES } from '../limits.js'

/** One captured HTML page. */
export interface WarcPage {
  /** 0-based index of the record in the file (all record types counted). */
  readonly index: number
  readonly targetUri: string
  /** WARC-Date as written in the record. */
  readonly date: string | null
  /** The HTTP Content-Type (for `resource` records the record's own). */
  readonly contentType: string | null
  /** The HTTP payload: de-chunked and decompressed, not yet decoded to text. */
  readonly bytes: Uint8Array
}

/** A record {@link readWarc} passed over for a reason worth telling the user. */
export interface WarcSkip {
  readonly index: number
  readonly targetUri: string | null
  readonly reason: string
}

/** Options of {@link readWarc}. */
export interface ReadWarcOpts {
  /** Name of the input (path, URL) for error messages. */
  readonly name: string
  /**
   * Largest record read, both as stored and as decompressed payload; bigger
   * ones are skipped and reported through `onSkip`.
   * @default 16 MiB
   */
  readonly maxRecordBytes?: number
  /**
   * Told about each page skipped for its size (stored, or once
   * decompressed). Records that are not HTML pages, and response records
   * without a target URI, are passed over silently.
   */
  readonly onSkip?: (skip: WarcSkip) => void
  /**
   * Largest head of one record (its WARC and HTTP header lines), as
   * decompressed. Headers are a few hundred bytes; warcio buffers a header
   * line until its end, so a gzip member inflating to gigabytes without a
   * line break would otherwise be held in memory whole.
   * @default 1 MiB
   */
  readonly maxHeaderBytes?: number
}

const DEFAULT_MAX_HEADER_BYTES = 1024 * 1024

/**
 * warcio's reader with a budget on the bytes read while a record's headers
 * are parsed: from {@link HeaderBudgetReader.startHeaders} to
 * {@link HeaderBudgetReader.endHeaders}, reading more than the budget throws
 * before the next chunk is buffered. Payloads are read outside the window
 * (and bounded by the record size limit instead).
 */
class HeaderBudgetReader extends AsyncIterReader {
  #from = -1
  readonly #budget: number

  constructor(source: AsyncIterable<Uint8Array>, budget: number) {
    super(source)
    this.#budget = budget
  }

  startHeaders(): void {
    this.#from = this.getReadOffset()
  }

  endHeaders(): void {
    this.#from = -1
  }

  override async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, unknown> {
    for await (const chunk of super[Symbol.asyncIterator]()) {
      // The read offset already counts this chunk (and un-counts any the parser put back).
      if (this.#from >= 0 && this.getReadOffset() - this.#from > this.#budget) {
        throw new Error(`its headers run past the ${formatBytes(this.#budget)} limit for a record's headers (maxHeaderBytes)`)
      }
      yield chunk
    }
  }
}
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml'])

/**
 * Yields the HTML pages of a WARC file: `response` records with a 2xx HTTP
 * status and an HTML content type, and `resource` records of an HTML type.
 * Redirects, error pages, requests, metadata and non-HTML payloads are
 * passed over.
 *
 * @throws InputError `INPUT_EMPTY` for an empty stream; `PARSE_FAILED`,
 *   naming the file and record index, when the file is not a WARC or is
 *   truncated or corrupt (after the pages before the damage were yielded).
 *
 * @example
 * ```ts
 * for await (const page of readWarc(fs.createReadStream('crawl.warc.gz'), { name: 'crawl.warc.gz' })) {
 *   decodeBytes(page.bytes, { name: page.targetUri, contentType: page.contentType ?? undefined, kind: 'html' })
 * }
 * ```
 */
export async function* readWarc(stream: AsyncIterable<Uint8Array>, opts: ReadWarcOpts): AsyncGenerator<WarcPage> {
  const maxRecordBytes = opts.maxRecordBytes ?? DEFAULT_MAX_BYTES
  const counted = countBytes(stream)
  // warcio detects gzip per member and falls back to plain text, so .warc and .warc.gz take the same path.
  const reader = new HeaderBudgetReader(counted.stream, opts.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES)
  const parser = new WARCParser(reader)
  const fail = (index: number, problem: string, cause?: unknown): InputError =>
    new InputError('PARSE_FAILED', `${opts.name}: record ${index} ${problem}`, cause === undefined ? { input: opts.name } : { input: opts.name, cause })

  let index = 0
  for (;;) {
    let record: WARCRecord | null
    try {
      reader.startHeaders()
      record = await parser.parse()
      reader.endHeaders()
    } catch (error) {
      throw fail(index, `could not be read (${describe(error)})`, error)
    }
    if (record === null) break
    const version = record.warcHeaders.protocol ?? ''
    if (!/^WARC\/\d/.test(version)) {
      if (index === 0 && counted.total() === 0) throw new InputError('INPUT_EMPTY', `${opts.name} is empty`, { input: opts.name })
      const what = index === 0 ? 'is not a WARC file' : 'is corrupt'
      throw fail(index, `${what}: expected a "WARC/1.x" header, found "${clip(record.warcHeaders.statusline)}"`)
    }

    const wanted = await readWanted(record, maxRecordBytes).catch((error: unknown) => {
      throw fail(index, `could not be read (${describe(error)})`, error)
    })
    if (wanted.truncated) throw fail(index, `is truncated: the file ends ${wanted.missing} bytes before the record does`)
    if (wanted.skip !== null) opts.onSkip?.({ index, targetUri: record.warcTargetURI ?? null, reason: wanted.skip })
    if (wanted.page !== null) yield { index, ...wanted.page }
    index++
  }
  // A gzip member cut short yields nothing at all (the inflater holds back partial output), so the
  // only trace is compressed input that never completed a member.
  if (reader.compressed !== null && reader.getRawOffset() < counted.total()) {
    throw fail(index, 'is truncated: the file ends inside its gzip data')
  }
  if (index === 0 && counted.total() === 0) throw new InputError('INPUT_EMPTY', `${opts.name} is empty`, { input: opts.name })
  if (index === 0) throw new InputError('PARSE_FAILED', `${opts.name} contains no WARC records`, { input: opts.name })
}

interface RecordOutcome {
  readonly page: Omit<WarcPage, 'index'> | null
  /** Why an otherwise wanted record was skipped. */
  readonly skip: string | null
  readonly truncated: boolean
  readonly missing: number
}

/**
 * Reads one record to its end (always: warcio's own skipping loops forever
 * on a truncated file) and returns its page when it is one.
 */
async function readWanted(record: WARCRecord, maxRecordBytes: number): Promise<RecordOutcome> {
  const type = record.warcType
  const statusCode = Number(record.httpHeaders?.statusCode)
  const status = Number.isInteger(statusCode) ? statusCode : null
  const contentType = type === 'response' ? (record.httpHeaders?.headers.get('Content-Type') ?? null) : (record.warcContentType ?? null)
  const targetUri = record.warcTargetURI ?? null
  const candidate =
    (type === 'response' && status !== null && status >= 200 && status <= 299) || type === 'resource'
      ? contentType === null || HTML_TYPES.has(mediaType(contentType))
      : false

  const tooBig = record.warcContentLength > maxRecordBytes
  if (!candidate || tooBig) {
    await drain(record)
    const truncation = remaining(record)
    const skip = candidate ? `the record is ${formatBytes(record.warcContentLength)}, over the ${formatBytes(maxRecordBytes)} limit` : null
    return { page: null, skip, truncated: truncation > 0, missing: truncation }
  }

  const raw = await record.readFully(false)
  const missing = remaining(record)
  if (missing > 0) return { page: null, skip: null, truncated: true, missing }

  let bytes: Uint8Array | null = raw
  if (record.httpHeaders !== null) bytes = await decodePayload(record, raw, maxRecordBytes)
  if (bytes === null) {
    return { page: null, skip: `the page decompresses to more than the ${formatBytes(maxRecordBytes)} limit`, truncated: false, missing: 0 }
  }
  if (contentType === null && !sniffHtml(bytes)) return { page: null, skip: null, truncated: false, missing: 0 }
  if (targetUri === null) return { page: null, skip: null, truncated: false, missing: 0 }
  return {
    page: { targetUri, date: record.warcDate ?? null, contentType, bytes },
    skip: null,
    truncated: false,
    missing: 0,
  }
}

/**
 * Undoes chunked transfer and content encoding. Decompression goes through
 * node:zlib streams rather than warcio, whose inflater expands a whole input
 * chunk at once: counted chunk by chunk, a gzip bomb stops at the cap.
 * Returns null past `maxBytes`.
 */
async function decodePayload(record: WARCRecord, raw: Uint8Array, maxBytes: number): Promise<Uint8Array | null> {
  const headers = record.httpHeaders?.headers
  const contentEncoding = headers?.get('Content-Encoding')?.trim().toLowerCase() ?? ''
  const chunked = (headers?.get('Transfer-Encoding')?.trim().toLowerCase() ?? '') === 'chunked'
  // De-chunking never makes the body larger, so it needs no cap of its own.
  const body = chunked ? await new AsyncIterReader([raw], null, true).readFully() : raw
  const inflater = decompressor(contentEncoding, body)
  if (inflater === null) return body

  const chunks: Buffer[] = []
  let total = 0
  try {
    inflater.end(body)
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length
      if (total > maxBytes) {
        inflater.destroy()
        return null
      }
      chunks.push(chunk)
    }
  } catch {
    // Some crawlers store the body already decoded but keep the header; like warcio, fall back to the bytes as stored.
    if (total === 0) return body
  }
  const out = Buffer.concat(chunks, total)
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
}

/** A zlib stream for a Content-Encoding, or null for none or one we cannot undo (the bytes are then kept as stored). */
function decompressor(encoding: string, body: Uint8Array): Transform | null {
  // Sync flush keeps what a cut-short stream did hold instead of failing on it.
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH }
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(flush)
    case 'deflate': {
      // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
      const [b0 = 0, b1 = 0] = body
      const wrapped = (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0
      return wrapped ? zlib.createInflate(flush) : zlib.createInflateRaw(flush)
    }
    case 'br':
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH })
    default:
      return null
  }
}

/** Reads a record's remaining raw bytes without keeping them. */
async function drain(record: WARCRecord): Promise<void> {
  for await (const chunk of record.reader) void chunk
  // Marks the record consumed so warcio does not try (and loop) to skip it again.
  record.consumed = 'skipped'
}

/** Bytes the record still expected when its reader ran dry: more than 0 means the file was cut short. */
function remaining(record: WARCRecord): number {
  const reader = record._reader
  return reader instanceof LimitReader && reader.limit > 0 ? reader.limit : 0
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase()
}

function sniffHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase()
  return head.startsWith('<!doctype html') || head.startsWith('<html')
}

function countBytes(stream: AsyncIterable<Uint8Array>): { stream: AsyncIterable<Uint8Array>; total: () => number } {
  let total = 0
  return {
    stream: (async function* () {
      for await (const chunk of stream) {
        total += chunk.byteLength
        yield chunk
      }
    })(),
    total: () => total,
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MiB`
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`
  return `${bytes} bytes`
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}
