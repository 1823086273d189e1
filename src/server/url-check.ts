/**
 * Vetting a URL a client asks the server to fetch, before queueing any work:
 * a URL to a private address is refused at once with the reason. The fetcher
 * checks again at every redirect and at connect time (DNS can change).
 */
import { lookup } from 'node:dns/promises'
import { FetchError } from '../errors.js'
import { addressRange, checkLiteralHost } from '../ingest/address-guard.js'

export interface CheckUrlOpts {
  /** @default false */
  readonly allowPrivateAddresses?: boolean
  /** The resolver; tests pass their own. @default dns.promises.lookup with all: true */
  readonly resolve?: (hostname: string) => Promise<ReadonlyArray<{ readonly address: string }>>
}

/**
 * The URL, normalised, when it may be fetched.
 *
 * @throws FetchError `FETCH_BAD_URL` (not an absolute http(s) URL, credentials
 *   in it) or `FETCH_BLOCKED_ADDRESS` (it names or resolves to a private address).
 * @example
 * await checkFetchableUrl('http://127.0.0.1/admin') // throws "refused: 127.0.0.1 is a loopback address"
 */
export async function checkFetchableUrl(url: string, opts?: CheckUrlOpts): Promise<string> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new FetchError('FETCH_BAD_URL', `not an absolute URL: ${url}`, { input: url })
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError('FETCH_BAD_URL', `only http and https URLs can be fetched, not ${parsed.protocol}`, { input: url })
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new FetchError('FETCH_BAD_URL', 'URLs with a user name or password are refused', { input: url })
  }
  if (opts?.allowPrivateAddresses === true) return parsed.href
  const literal = checkLiteralHost(parsed.hostname)
  if (literal !== null) throw literal
  const host = parsed.hostname.startsWith('[') ? parsed.hostname.slice(1, -1) : parsed.hostname
  if (/^[\d.]+$|:/u.test(host)) return parsed.href // a public IP literal
  // `localhost` and friends resolve to loopback; any private answer refuses the URL.
  const resolve = opts?.resolve ?? ((name: string) => lookup(name, { all: true }))
  let addresses: ReadonlyArray<{ readonly address: string }>
  try {
    addresses = await resolve(host)
  } catch {
    // Unresolvable now: let the fetch report it as a fetch failure.
    return parsed.href
  }
  for (const { address } of addresses) {
    const why = addressRange(address)
    if (why !== null) throw new FetchError('FETCH_BLOCKED_ADDRESS', `refused: ${host} resolves to ${address}, ${why}`, { input: url })
  }
  return parsed.href
}
