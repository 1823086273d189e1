/**
 * Fetches one URL for ingestion, treating the network as hostile: private
 * addresses are refused (at every redirect hop and at connect time), the
 * whole fetch has one deadline, and the body is bounded after decompression
 * so neither a huge page nor a gzip bomb can exhaust memory.
 *
 * Built on node:http/node:https rather than global fetch because only they
 * let us hook the DNS lookup (see address-guard.ts) and count decompressed
 * bytes as they stream.
 */

import http from 'node:http'
import https from 'node:https'
import { pipeline } from 'node:stream'
import zlib from 'node:zlib'
import type { Transform } from 'node:stream'
import { FetchError } from '../errors.js'
import { checkLiteralHost, createGuardedLookup } from './address-guard.js'
import { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_BYTES } from '../limits.js'

/** Options of {@link fetchUrl}. */
export interface FetchOpts {
  /**
   * Deadline for the whole fetch: connecting, every redirect, the body.
   * @default 15000
   */
  readonly timeoutMs?: number
  /**
   * Deadline for each TCP connection to be established.
   * @default timeoutMs
   */
  readonly connectTimeoutMs?: number
  /**
   * Largest body accepted, counted after decompression.
   * @default 16 MiB
   */
  readonly maxBytes?: number
  /**
   * Redirects followed before giving up.
   * @default 5
   */
  readonly maxRedirects?: number
  /**
   * Allow loopback, private, link-local and other non-public addresses.
   * Off by default so a URL from an untrusted list cannot reach the
   * machine's own network or the cloud metadata endpoint.
   * @default false
   */
  readonly allowPrivateAddresses?: boolean
  /** Non-public addresses allowed even when `allowPrivateAddresses` is false, e.g. one known intranet mirror. */
  readonly allowAddresses?: readonly string[]
  /** @default 'crosscheck/0.1 (news analysis)' */
  readonly userAgent?: string
  /** Extra request headers, e.g. `If-None-Match` / `If-Modified-Since` for a conditional request. */
  readonly headers?: Readonly<Record<string, string>>
  /** Cancels the fetch; it then fails with `FETCH_FAILED`. */
  readonly signal?: AbortSignal
}

/** A fetched URL. */
export interface FetchedResource {
  /** The URL finally answered, after redirects. */
  readonly url: string
  /** The URL asked for. */
  readonly requestedUrl: string
  readonly status: number
  /** True for a 304 answer to a conditional request; `bytes` is then empty. */
  readonly notModified: boolean
  readonly contentType: string | null
  /** Response headers, names in lower case, repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>
  /** The body, decompressed. */
  readonly bytes: Uint8Array
  readonly etag?: string
  readonly lastModified?: string
}

const DEFAULT_MAX_REDIRECTS = 5
const DEFAULT_USER_AGENT = 'crosscheck/0.1 (news analysis)'
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
/** Headers that carry the user's identity and must not follow a redirect to another origin. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization']

/**
 * Fetches a URL with GET and returns its decompressed body.
 *
 * @throws FetchError with `input` = `url`: `FETCH_BAD_URL` (not http(s), or
 *   credentials in the URL), `FETCH_BLOCKED_ADDRESS`, `FETCH_TIMEOUT`,
 *   `FETCH_TOO_LARGE`, `FETCH_TOO_MANY_REDIRECTS`, `FETCH_HTTP_STATUS` (any
 *   non-2xx but 304), `FETCH_FAILED` (DNS, connection, TLS, decompression,
 *   cancelled).
 *
 * @example
 * ```ts
 * const page = await fetchUrl('https://example.com/news/1', { timeoutMs: 5000 })
 * decodeBytes(page.bytes, { name: page.url, contentType: page.contentType ?? undefined })
 * ```
 */
export async function fetchUrl(url: string, opts?: FetchOpts): Promise<FetchedResource> {
  const timeoutMs = opts?.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS
  const connectTimeoutMs = opts?.connectTimeoutMs ?? timeoutMs
  const maxBytes = opts?.maxBytes ?? DEFAULT_MAX_BYTES
  const maxRedirects = opts?.maxRedirects ?? DEFAULT_MAX_REDIRECTS
  const guard = { allowPrivateAddresses: opts?.allowPrivateAddresses ?? false, allowAddresses: opts?.allowAddresses ?? [] }
  const lookup = createGuardedLookup(guard)
  let headers = requestHeaders(opts)

  let target = checkUrl(url, url)
  const deadline = new AbortController()
  const timer = setTimeout(() => deadline.abort(new FetchError('FETCH_TIMEOUT', `timed out after ${formatMs(timeoutMs)}`, { input: url })), timeoutMs)
  const userSignal = opts?.signal
  const onUserAbort = (): void => deadline.abort(new FetchError('FETCH_FAILED', 'the fetch was cancelled', { input: url, cause: userSignal?.reason }))
  if (userSignal?.aborted === true) onUserAbort()
  else userSignal?.addEventListener('abort', onUserAbort, { once: true })

  try {
    for (let redirects = 0; ; redirects++) {
      // Node skips the lookup hook for IP literals, so they are checked here, before connecting.
      const blocked = checkLiteralHost(target.hostname, guard)
      if (blocked !== null) throw blocked
      deadline.signal.throwIfAborted()
      const res = await request(target, headers, lookup, deadline.signal, connectTimeoutMs)
      const status = res.statusCode ?? 0
      const location = res.headers.location

      if (REDIRECT_STATUSES.has(status) && location !== undefined) {
        res.destroy()
        if (redirects >= maxRedirects) {
          throw new FetchError('FETCH_TOO_MANY_REDIRECTS', `more than ${maxRedirects} redirect${maxRedirects === 1 ? '' : 's'} (last to ${location})`, {
            input: url,
          })
        }
        const next = resolveRedirect(location, target, url)
        if (next.origin !== target.origin) headers = withoutCredentials(headers)
        target = next
        continue
      }

      const base = responseBase(url, target, status, res)
      if (status === 304) {
        res.destroy()
        return { ...base, notModified: true, bytes: new Uint8Array(0) }
      }
      if (status < 200 || status > 299) {
        res.destroy()
        const text = res.statusMessage === undefined || res.statusMessage === '' ? '' : ` ${res.statusMessage}`
        throw new FetchError('FETCH_HTTP_STATUS', `HTTP ${status}${text} from ${target.href}`, { input: url })
      }
      const bytes = await readBody(res, maxBytes, deadline.signal, url)
      return { ...base, notModified: false, bytes }
    }
  } catch (error) {
    throw toFetchError(deadline.signal.aborted ? deadline.signal.reason : error, url, target)
  } finally {
    clearTimeout(timer)
    userSignal?.removeEventListener('abort', onUserAbort)
  }
}

/** Parses and vets a URL (the first or a redirect target). */
function checkUrl(href: string, input: string): URL {
  let parsed: URL
  try {
    parsed = new URL(href)
  } catch {
    throw new FetchError('FETCH_BAD_URL', `not a valid URL: ${href}`, { input })
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError('FETCH_BAD_URL', `only http and https URLs can be fetched, not ${parsed.protocol} (${href})`, { input })
  }
  // Credentials in a URL are a phishing trick or a leak waiting to happen; refuse rather than send them.
  if (parsed.username !== '' || parsed.password !== '') {
    throw new FetchError('FETCH_BAD_URL', 'URLs with a user name or password are refused', { input })
  }
  return parsed
}

function resolveRedirect(location: string, from: URL, input: string): URL {
  let next: string
  try {
    next = new URL(location, from).href
  } catch {
    throw new FetchError('FETCH_BAD_URL', `redirect to an invalid URL: ${location}`, { input })
  }
  return checkUrl(next, input)
}

function requestHeaders(opts: FetchOpts | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': opts?.userAgent ?? DEFAULT_USER_AGENT,
    accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8',
    'accept-encoding': 'gzip, deflate, br',
  }
  for (const [name, value] of Object.entries(opts?.headers ?? {})) headers[name.toLowerCase()] = value
  return headers
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.includes(name)))
}

/** One GET, resolving when the response head arrives. */
function request(
  target: URL,
  headers: Record<string, string>,
  lookup: ReturnType<typeof createGuardedLookup>,
  signal: AbortSignal,
  connectTimeoutMs: number,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = target.protocol === 'https:' ? https : http
    const host = target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname
    const req = client.request({
      protocol: target.protocol,
      hostname: host,
      port: target.port === '' ? undefined : Number(target.port),
      path: `${target.pathname}${target.search}`,
      method: 'GET',
      headers,
      lookup,
      // No pooling: a pooled socket would skip the lookup hook and outlive the fetch.
      agent: false,
    })
    const connectTimer = setTimeout(() => {
      req.destroy(new FetchError('FETCH_TIMEOUT', `could not connect to ${target.host} within ${formatMs(connectTimeoutMs)}`))
    }, connectTimeoutMs)
    const onAbort = (): void => {
      req.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'))
    }
    const settle = (): void => {
      clearTimeout(connectTimer)
      signal.removeEventListener('abort', onAbort)
    }
    signal.addEventListener('abort', onAbort, { once: true })
    req.on('socket', (socket) => socket.once('connect', () => clearTimeout(connectTimer)))
    req.on('response', (res) => {
      settle()
      resolve(res)
    })
    req.on('error', (error) => {
      settle()
      reject(error)
    })
    req.end()
  })
}

function responseBase(requestedUrl: string, target: URL, status: number, res: http.IncomingMessage): Omit<FetchedResource, 'notModified' | 'bytes'> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return {
    url: target.href,
    requestedUrl,
    status,
    contentType: headers['content-type'] ?? null,
    headers,
    ...(headers.etag === undefined ? {} : { etag: headers.etag }),
    ...(headers['last-modified'] === undefined ? {} : { lastModified: headers['last-modified'] }),
  }
}

/** Reads and decompresses the body, stopping as soon as it passes `maxBytes`. */
async function readBody(res: http.IncomingMessage, maxBytes: number, signal: AbortSignal, input: string): Promise<Uint8Array> {
  const tooLarge = (): FetchError => new FetchError('FETCH_TOO_LARGE', `the response is larger than ${formatBytes(maxBytes)}`, { input })
  const encodings = (res.headers['content-encoding'] ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '' && e !== 'identity')
  // Encodings are listed in the order applied, so they are undone in reverse.
  const decoders = encodings.reverse().map((encoding) => decompressor(encoding, input))
  const declared = Number(res.headers['content-length'])
  if (decoders.length === 0 && Number.isFinite(declared) && declared > maxBytes) {
    res.destroy()
    throw tooLarge()
  }

  const last = decoders.at(-1)
  const source = last ?? res
  if (last !== undefined) pipeline([res, ...decoders], () => {})
  const onAbort = (): void => {
    source.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'))
  }
  signal.addEventListener('abort', onAbort, { once: true })
  const chunks: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      total += chunk.length
      // Counted on the decompressed stream, chunk by chunk, so a bomb stops at maxBytes.
      if (total > maxBytes) throw tooLarge()
      chunks.push(chunk)
    }
  } finally {
    signal.removeEventListener('abort', onAbort)
    res.destroy()
  }
  const body = Buffer.concat(chunks, total)
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
}

function decompressor(encoding: string, input: string): Transform {
  // Sync flush accepts a compressed stream cut short at its end, as browsers do; a cut connection is caught separately.
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH })
    case 'deflate':
      return zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH })
    case 'br':
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH })
    default:
      throw new FetchError('FETCH_FAILED', `the server used an unsupported content encoding: ${encoding}`, { input })
  }
}

/** Maps whatever went wrong to a `FetchError` about `input`, in words a user understands. */
function toFetchError(error: unknown, input: string, target: URL): FetchError {
  if (error instanceof FetchError) {
    return error.input === input ? error : new FetchError(error.code, error.message, { input, cause: error })
  }
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  const detail = error instanceof Error ? error.message : String(error)
  const fail = (message: string): FetchError => new FetchError('FETCH_FAILED', message, { input, cause: error })
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return fail(`could not resolve host ${target.hostname}`)
  if (code === 'ECONNREFUSED') return fail(`connection refused by ${target.host}`)
  if (code === 'ECONNRESET' || code === 'EPIPE') return fail(`${target.host} closed the connection unexpectedly`)
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return fail(`${target.host} is unreachable`)
  if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR_FORMAT_PADDING_1') {
    return fail(`could not decompress the response body: ${detail}`)
  }
  if (code.includes('CERT') || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code === 'EPROTO') {
    return fail(`TLS problem with ${target.host}: ${detail}`)
  }
  return fail(`fetching ${target.href} failed: ${detail}`)
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MiB`
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`
  return `${bytes} bytes`
}
