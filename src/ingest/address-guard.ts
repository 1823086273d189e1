/**
 * Keeps URL fetching away from the machine's own network (SSRF): loopback,
 * private ranges, link-local (the cloud metadata endpoint 169.254.169.254
 * lives there), and every other address that is not the public internet.
 *
 * The check has to happen on the address a socket actually connects to, not
 * on the one a URL's host resolved to a moment earlier, or a DNS server that
 * answers differently the second time (DNS rebinding) walks straight past it.
 * {@link createGuardedLookup} is therefore a `lookup` hook for `net`/`http`:
 * the address it approves is the address used.
 */

import dns from 'node:dns'
import net from 'node:net'
import type { LookupFunction } from 'node:net'
import { FetchError } from '../errors.js'

interface Ipv4Range {
  readonly base: number
  readonly bits: number
  readonly what: string
}

/** IANA special-purpose IPv4 ranges (RFC 6890 and successors) that are not the public internet. */
const IPV4_RANGES: readonly Ipv4Range[] = [
  range4('0.0.0.0', 8, 'a "this network" address'),
  range4('10.0.0.0', 8, 'a private address'),
  range4('100.64.0.0', 10, 'a carrier-grade NAT address'),
  range4('127.0.0.0', 8, 'a loopback address'),
  range4('169.254.169.254', 32, 'a link-local address (the cloud metadata endpoint)'),
  range4('169.254.0.0', 16, 'a link-local address'),
  range4('172.16.0.0', 12, 'a private address'),
  range4('192.0.0.0', 24, 'an IETF protocol address'),
  range4('192.0.2.0', 24, 'a documentation address'),
  range4('192.88.99.0', 24, 'a 6to4 relay address'),
  range4('192.168.0.0', 16, 'a private address'),
  range4('198.18.0.0', 15, 'a benchmarking address'),
  range4('198.51.100.0', 24, 'a documentation address'),
  range4('203.0.113.0', 24, 'a documentation address'),
  range4('224.0.0.0', 4, 'a multicast address'),
  range4('255.255.255.255', 32, 'the broadcast address'),
  range4('240.0.0.0', 4, 'a reserved address'),
]

/**
 * Why an IP address is not a public internet address (`'a loopback
 * address'`), or null when it is public. Text that is not an IP address gets
 * `'not an IP address'`: unknown means refused.
 */
export function addressRange(ip: string): string | null {
  const plain = stripZone(ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip)
  const version = net.isIP(plain)
  if (version === 4) return ipv4Range(parseIpv4(plain))
  if (version === 6) return ipv6Range(parseIpv6(plain))
  return 'not an IP address'
}

/**
 * True when an IP address (v4 or v6, brackets and zone ids allowed) is not on
 * the public internet: loopback, private, link-local, CGNAT, multicast,
 * broadcast, documentation, reserved, IPv6 ULA and link-local, and IPv4
 * addresses embedded in IPv6 (`::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`) judged
 * as IPv4. Fails closed: anything unparsable is private.
 */
export function isPrivateAddress(ip: string): boolean {
  return addressRange(ip) !== null
}

/** Options of {@link createGuardedLookup}. */
export interface GuardedLookupOpts {
  /**
   * Let every address through (for tests and trusted intranet use).
   * @default false
   */
  readonly allowPrivateAddresses?: boolean
  /** Private addresses let through even when `allowPrivateAddresses` is false, e.g. `['127.0.0.1']`. */
  readonly allowAddresses?: readonly string[]
  /**
   * The resolver, a `dns.lookup` look-alike; replaceable so tests can play a
   * rebinding DNS server.
   * @default dns.lookup
   */
  readonly resolve?: (
    hostname: string,
    options: dns.LookupAllOptions,
    callback: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
  ) => void
}

/**
 * Builds a `lookup` function for `net.connect` / `http.request` that resolves
 * with `dns.lookup` and fails with a `FetchError` `FETCH_BLOCKED_ADDRESS`
 * (`input` = the hostname) when ANY resolved address is private: an attacker
 * who controls a name can list a public address first and a private one second.
 */
export function createGuardedLookup(opts?: GuardedLookupOpts): LookupFunction {
  const allowAll = opts?.allowPrivateAddresses ?? false
  const allowed = new Set((opts?.allowAddresses ?? []).map(normalizeAddress))
  const resolve = opts?.resolve ?? dns.lookup
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err !== null) {
        callback(err, '', 4)
        return
      }
      if (!allowAll) {
        for (const { address } of addresses) {
          const why = allowed.has(normalizeAddress(address)) ? null : addressRange(address)
          if (why !== null) {
            callback(blockedError(hostname, address, why), '', 4)
            return
          }
        }
      }
      if (options.all === true) {
        callback(null, addresses)
        return
      }
      const first = addresses[0]
      if (first === undefined) {
        const notFound: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
        callback(notFound, '', 4)
        return
      }
      callback(null, first.address, first.family)
    })
  }
}

/** A `lookup` hook that refuses every private address. */
export const guardedLookup: LookupFunction = createGuardedLookup()

/**
 * Checks a URL host that is an IP literal before any connection is made: Node
 * does not call the `lookup` hook for literals, so this is their only check.
 * Returns the `FetchError` to throw, or null for hostnames and allowed
 * addresses.
 */
export function checkLiteralHost(hostname: string, opts?: Omit<GuardedLookupOpts, 'resolve'>): FetchError | null {
  const plain = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname
  if (net.isIP(stripZone(plain)) === 0) return null
  if (opts?.allowPrivateAddresses === true) return null
  if ((opts?.allowAddresses ?? []).map(normalizeAddress).includes(normalizeAddress(plain))) return null
  const why = addressRange(plain)
  return why === null ? null : blockedError(null, plain, why)
}

function blockedError(hostname: string | null, address: string, why: string): FetchError {
  const message = hostname === null || hostname === address ? `refused: ${address} is ${why}` : `refused: ${hostname} resolves to ${address}, ${why}`
  return new FetchError('FETCH_BLOCKED_ADDRESS', message, { input: hostname ?? address })
}

function ipv4Range(value: number): string | null {
  for (const r of IPV4_RANGES) {
    if (inRange4(value, r.base, r.bits)) return r.what
  }
  return null
}

function ipv6Range(b: Uint8Array): string | null {
  const word = (i: number): number => ((b[2 * i] ?? 0) << 8) | (b[2 * i + 1] ?? 0)
  const embedded = (): number => (((b[12] ?? 0) << 24) | ((b[13] ?? 0) << 16) | ((b[14] ?? 0) << 8) | (b[15] ?? 0)) >>> 0
  const zeroWords = (from: number, to: number): boolean => {
    for (let i = from; i < to; i++) if (word(i) !== 0) return false
    return true
  }

  if (zeroWords(0, 8)) return 'the unspecified address'
  if (zeroWords(0, 7) && word(7) === 1) return 'a loopback address'
  // These carry an IPv4 address that is where the packets really go.
  if (zeroWords(0, 5) && word(5) === 0xffff) return prefixed('an IPv4-mapped', ipv4Range(embedded()))
  if (zeroWords(0, 4) && word(4) === 0xffff && word(5) === 0) return prefixed('an IPv4-translated', ipv4Range(embedded()))
  if (word(0) === 0x64 && word(1) === 0xff9b && zeroWords(2, 6)) return prefixed('a NAT64', ipv4Range(embedded()))
  if (zeroWords(0, 6)) return 'an IPv4-compatible address (deprecated)'

  const first = word(0)
  // Only 2000::/3 is global unicast; the rest is ULA, link-local, multicast or unassigned.
  if ((first & 0xfe00) === 0xfc00) return 'a unique local (private) IPv6 address'
  if ((first & 0xffc0) === 0xfe80) return 'a link-local IPv6 address'
  if ((first & 0xffc0) === 0xfec0) return 'a site-local IPv6 address (deprecated)'
  if ((first & 0xff00) === 0xff00) return 'a multicast IPv6 address'
  if ((first & 0xe000) !== 0x2000) return 'a reserved IPv6 address'
  if (first === 0x2001 && word(1) === 0x0db8) return 'a documentation IPv6 address'
  // 2001::/23 holds Teredo, ORCHID, benchmarking and other special purposes.
  if (first === 0x2001 && word(1) < 0x0200) return 'a special-purpose IPv6 address'
  // 6to4 tunnels to an embedded IPv4 address through relays; dead on the real internet.
  if (first === 0x2002) return 'a 6to4 IPv6 address'
  if (first === 0x3fff && word(1) < 0x1000) return 'a documentation IPv6 address'
  return null
}

function prefixed(kind: string, ipv4: string | null): string | null {
  return ipv4 === null ? null : `${kind} form of ${ipv4}`
}

function range4(base: string, bits: number, what: string): Ipv4Range {
  return { base: parseIpv4(base), bits, what }
}

function inRange4(value: number, base: number, bits: number): boolean {
  if (bits === 0) return true
  const mask = bits === 32 ? 0xffffffff : (~0 << (32 - bits)) >>> 0
  return (value & mask) >>> 0 === (base & mask) >>> 0
}

function parseIpv4(ip: string): number {
  return ip.split('.').reduce((acc, part) => ((acc << 8) | Number(part)) >>> 0, 0)
}

/** Parses an IPv6 address already validated by `net.isIP` into 16 bytes. */
function parseIpv6(ip: string): Uint8Array {
  let text = ip.toLowerCase()
  const words: number[] = []
  // A dotted IPv4 tail becomes the last two words.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (v4?.[1] !== undefined) {
    const value = parseIpv4(v4[1])
    text = `${text.slice(0, -v4[1].length)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const headWords = head === '' ? [] : head.split(':')
  const tailWords = tail === undefined || tail === '' ? [] : tail.split(':')
  words.push(...headWords.map((w) => parseInt(w, 16)))
  if (tail !== undefined) for (let i = headWords.length + tailWords.length; i < 8; i++) words.push(0)
  words.push(...tailWords.map((w) => parseInt(w, 16)))
  const bytes = new Uint8Array(16)
  words.forEach((w, i) => {
    bytes[2 * i] = w >> 8
    bytes[2 * i + 1] = w & 0xff
  })
  return bytes
}

function stripZone(ip: string): string {
  const percent = ip.indexOf('%')
  return percent < 0 ? ip : ip.slice(0, percent)
}

/** One spelling per address, so `::1`, `[::1]` and `0:0::1` compare equal in allow lists. */
function normalizeAddress(ip: string): string {
  const plain = stripZone(ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip)
  if (net.isIP(plain) !== 6) return plain
  return Array.from(parseIpv6(plain)).join('.')
}
