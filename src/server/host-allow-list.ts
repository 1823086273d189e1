/**
 * The Host allow-list, against DNS rebinding: a web page on attacker.example
 * can make its own name resolve to 127.0.0.1 and then read this server
 * through the analyst's browser, same-origin as far as the browser knows.
 * What gives it away is the Host header, which still says attacker.example.
 * So requests are answered only when they name this server: a loopback name
 * or address, an IP address literal (no name was resolved, so nothing was
 * rebound), or a name the operator lists (`--host-name`, for a server
 * reached by its public name).
 */
import type { MiddlewareHandler } from 'hono'
import { errorBody } from './http-errors.js'

/** Names that always mean this machine. */
const LOOPBACK_NAMES = new Set(['localhost', 'localhost.'])

export interface HostAllowListOpts {
  /** Host names answered besides loopback ones and IP literals (case-insensitive, without port). @default none */
  readonly names?: readonly string[]
}

/**
 * Refuses (400) any request whose Host is not allowed; the page a rebinding
 * attack loads gets an error instead of the store.
 *
 * @example
 * app.use('*', hostAllowList({ names: ['news-desk.example.org'] }))
 */
export function hostAllowList(opts: HostAllowListOpts = {}): MiddlewareHandler {
  const names = new Set((opts.names ?? []).map((name) => name.trim().toLowerCase().replace(/\.$/u, '')).filter((name) => name !== ''))
  return async (c, next) => {
    // The node adapter builds the URL from the Host header; app.request() in tests has no header and means localhost.
    const host = requestHost(c.req.header('host') ?? new URL(c.req.url).host)
    if (host === null || !(isAllowedByDefault(host) || names.has(host.replace(/\.$/u, '')))) {
      const shown = JSON.stringify((c.req.header('host') ?? '').slice(0, 100))
      return c.json(
        errorBody('BAD_REQUEST', `this server does not answer to the Host ${shown}: only loopback names, IP addresses and names given with --host-name`),
        400,
      )
    }
    await next()
  }
}

/** The host part of a Host header value, lower case, without port or IPv6 brackets; null when malformed. */
export function requestHost(header: string): string | null {
  const value = header.trim().toLowerCase()
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/u.exec(value)
  if (bracketed !== null) return bracketed[1] as string
  const plain = /^([a-z0-9.-]+)(?::\d{1,5})?$/u.exec(value)
  return plain === null ? null : (plain[1] as string)
}

function isAllowedByDefault(host: string): boolean {
  if (LOOPBACK_NAMES.has(host)) return true
  // An IPv4 literal: four numbers. A name like 127.0.0.1.attacker.example has letters and fails here.
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/u.test(host)) return true
  return host.includes(':') // an IPv6 literal (only bracketed ones reach here)
}
