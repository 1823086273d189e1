/**
 * Who may write, and from where. A write needs the server's token, sent
 * either as `Authorization: Bearer <token>` (scripts) or in the session
 * cookie the sign-in page sets (browsers). A browser sends that cookie by
 * itself, so a cookie-borne write must also prove it came from one of our
 * own pages: the request must not come from another site (Origin and
 * Sec-Fetch-Site, which a page cannot forge) and must carry the session's
 * CSRF token, which only our pages can read and embed. Bearer writes need
 * no CSRF token (a browser never adds that header by itself) but are
 * refused from a foreign origin all the same.
 *
 * The cookie is `<session id>.<token>`: HttpOnly (no script reads it),
 * SameSite=Strict (no other site's request carries it). The session id
 * makes the CSRF token differ per sign-in: it is an HMAC of the id keyed
 * by the token, so the server keeps no session table and a restart with
 * the same token keeps everyone signed in.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context } from 'hono'

export const SESSION_COOKIE = 'crosscheck_session'
/** How long a sign-in lasts: a working week. */
const SESSION_SECONDS = 7 * 24 * 60 * 60
const SESSION_ID = /^[A-Za-z0-9_-]{16,64}$/u

/** How a request proved it may write (or read, on a private server). */
export type Credential = { readonly kind: 'bearer' } | { readonly kind: 'cookie'; readonly sessionId: string } | { readonly kind: 'none' }

export interface WebAuth {
  /** What the request carries: a valid bearer token, a valid session cookie, or neither. */
  credential(c: Context): Credential
  /** The CSRF token forms of this session carry. */
  csrfToken(sessionId: string): string
  /** True when `given` is this session's CSRF token. */
  checkCsrf(sessionId: string, given: string | undefined): boolean
  /** A new session for the given token: the Set-Cookie value and its id; null when the token is wrong. */
  signIn(given: string): { readonly cookie: string; readonly sessionId: string } | null
  /** The Set-Cookie value that ends a session. */
  readonly signOutCookie: string
}

/**
 * @example
 * const auth = createWebAuth('s3cret')
 * auth.signIn('s3cret')?.cookie // => 'crosscheck_session=…; HttpOnly; SameSite=Strict; Path=/; Max-Age=604800'
 */
export function createWebAuth(token: string): WebAuth {
  const expected = digest(token)
  // Compared over digests in constant time, so neither content nor length leaks.
  const isToken = (given: string): boolean => timingSafeEqual(digest(given), expected)
  const csrfToken = (sessionId: string): string => createHmac('sha256', token).update(`csrf:${sessionId}`).digest('base64url')
  return {
    credential(c) {
      const header = c.req.header('authorization')
      if (header !== undefined) {
        const match = /^Bearer\s+(\S+)\s*$/iu.exec(header)
        return match !== null && isToken(match[1] as string) ? { kind: 'bearer' } : { kind: 'none' }
      }
      const cookie = readCookie(c.req.header('cookie') ?? '', SESSION_COOKIE)
      if (cookie === null) return { kind: 'none' }
      const dot = cookie.indexOf('.')
      const sessionId = cookie.slice(0, dot)
      if (dot < 0 || !SESSION_ID.test(sessionId) || !isToken(cookie.slice(dot + 1))) return { kind: 'none' }
      return { kind: 'cookie', sessionId }
    },
    csrfToken,
    checkCsrf(sessionId, given) {
      if (given === undefined || given === '') return false
      return timingSafeEqual(digest(given), digest(csrfToken(sessionId)))
    },
    signIn(given) {
      if (!isToken(given.trim())) return null
      const sessionId = randomBytes(16).toString('base64url')
      return { sessionId, cookie: `${SESSION_COOKIE}=${sessionId}.${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_SECONDS}` }
    },
    signOutCookie: `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`,
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}

/** One cookie's value from a Cookie header, or null. */
export function readCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue
    try {
      return decodeURIComponent(part.slice(eq + 1).trim())
    } catch {
      return null
    }
  }
  return null
}

/**
 * Why a request must be refused as coming from another site, or null when
 * it may go on. Browsers send `Sec-Fetch-Site` and `Origin` on every
 * unsafe request and a page cannot set them; clients that are not
 * browsers (curl, scripts) send neither and are judged by their token alone.
 *
 * @param allowedOrigins Origins trusted besides this server's own (the `--cors` origin).
 * @example
 * foreignOrigin({ host: '127.0.0.1:8080', origin: 'https://evil.example', fetchSite: 'cross-site' }) // => "the request came from https://evil.example, another site"
 */
export function foreignOrigin(request: {
  readonly host: string | undefined
  readonly origin: string | undefined
  readonly fetchSite: string | undefined
  readonly allowedOrigins?: readonly string[]
}): string | null {
  const { origin, fetchSite } = request
  if (origin !== undefined && (request.allowedOrigins ?? []).includes(origin)) return null
  const originHost = hostOf(origin)
  if (origin !== undefined && origin !== 'null' && originHost === null) return `the request's Origin ${JSON.stringify(origin.slice(0, 100))} is not a URL`
  if (originHost !== null && (request.host === undefined || originHost !== request.host.toLowerCase()))
    return `the request came from ${(origin ?? '').slice(0, 100)}, another site`
  if (fetchSite !== undefined) {
    // same-site is refused too: another port or subdomain is another application.
    return fetchSite === 'same-origin' || fetchSite === 'none' ? null : `the browser marked the request ${fetchSite}`
  }
  // A browser that says nothing of the site sends "null" from a sandboxed page or a file; ours send a
  // null Origin only under Referrer-Policy: no-referrer, and then also Sec-Fetch-Site, judged above.
  if (origin === 'null') return 'the request came from an opaque origin (a sandboxed page or a file)'
  return null
}

function hostOf(origin: string | undefined): string | null {
  if (origin === undefined || origin === 'null') return null
  try {
    return new URL(origin).host.toLowerCase()
  } catch {
    return null
  }
}

/** A local path to go back to after signing in; anything else (another host, `//evil`) becomes `/`. */
export function localPath(raw: string | undefined): string {
  if (raw === undefined || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || /[\r\n]/u.test(raw)) return '/'
  return raw.slice(0, 2000)
}
