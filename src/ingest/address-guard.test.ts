import assert from 'node:assert/strict'
import type { LookupAddress } from 'node:dns'
import { test } from 'node:test'
import { FetchError } from '../errors.js'
import { addressRange, checkLiteralHost, createGuardedLookup, isPrivateAddress } from './address-guard.js'

const PRIVATE: readonly string[] = [
  '0.0.0.0',
  '0.1.2.3',
  '10.0.0.1',
  '10.255.255.255',
  '100.64.0.1',
  '100.127.255.254',
  '127.0.0.1',
  '127.8.9.10',
  '169.254.0.1',
  '169.254.169.254',
  '172.16.0.1',
  '172.31.255.255',
  '192.0.0.8',
  '192.0.2.10',
  '192.168.1.1',
  '198.18.0.1',
  '198.51.100.7',
  '203.0.113.9',
  '224.0.0.1',
  '239.255.255.250',
  '240.0.0.1',
  '255.255.255.255',
  '::',
  '::1',
  '[::1]',
  '0:0:0:0:0:0:0:1',
  'fc00::1',
  'fd12:3456:789a::1',
  'fe80::1',
  'fe80::1%eth0',
  'febf::1',
  'fec0::1',
  'ff02::1',
  '::ffff:127.0.0.1',
  '::ffff:7f00:1',
  '::ffff:169.254.169.254',
  '::ffff:10.1.2.3',
  '64:ff9b::127.0.0.1',
  '64:ff9b::a9fe:a9fe',
  '64:ff9b:1::1',
  '::127.0.0.1',
  '100::1',
  '2001:db8::1',
  '2001::1',
  '2002:7f00:1::1',
  '3fff::1',
  'not-an-ip',
  '',
]

const PUBLIC: readonly string[] = [
  '1.1.1.1',
  '8.8.8.8',
  '93.184.216.34',
  '100.63.255.255',
  '100.128.0.0',
  '172.15.255.255',
  '172.32.0.0',
  '169.253.255.255',
  '192.169.0.1',
  '198.20.0.1',
  '223.255.255.255',
  '2606:4700:4700::1111',
  '2a00:1450:4001:81b::200e',
  '::ffff:8.8.8.8',
  '64:ff9b::8.8.8.8',
  '2001:4860:4860::8888',
]

test('private, local and reserved addresses are private', () => {
  for (const ip of PRIVATE) assert.equal(isPrivateAddress(ip), true, ip)
})

test('public internet addresses are not private', () => {
  for (const ip of PUBLIC) assert.equal(isPrivateAddress(ip), false, ip)
})

test('addressRange explains why, naming the metadata endpoint and the embedded IPv4 address', () => {
  assert.equal(addressRange('169.254.169.254'), 'a link-local address (the cloud metadata endpoint)')
  assert.equal(addressRange('10.0.0.1'), 'a private address')
  assert.equal(addressRange('::ffff:127.0.0.1'), 'an IPv4-mapped form of a loopback address')
  assert.equal(addressRange('64:ff9b::a9fe:a9fe'), 'a NAT64 form of a link-local address (the cloud metadata endpoint)')
  assert.equal(addressRange('8.8.8.8'), null)
})

test('checkLiteralHost refuses private literals and lets hostnames through to the lookup', () => {
  const refused = checkLiteralHost('169.254.169.254')
  assert.ok(refused instanceof FetchError)
  assert.equal(refused.code, 'FETCH_BLOCKED_ADDRESS')
  assert.equal(refused.message, 'refused: 169.254.169.254 is a link-local address (the cloud metadata endpoint)')
  assert.equal(checkLiteralHost('[::1]')?.code, 'FETCH_BLOCKED_ADDRESS')
  assert.equal(checkLiteralHost('news.example'), null)
  assert.equal(checkLiteralHost('8.8.8.8'), null)
  assert.equal(checkLiteralHost('127.0.0.1', { allowPrivateAddresses: true }), null)
  assert.equal(checkLiteralHost('127.0.0.1', { allowAddresses: ['127.0.0.1'] }), null)
  assert.equal(checkLiteralHost('[::1]', { allowAddresses: ['0:0::1'] }), null)
})

/** A fake resolver answering from a table, standing in for a hostile DNS server. */
function fakeDns(table: Readonly<Record<string, readonly LookupAddress[]>>) {
  return (hostname: string, _options: unknown, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void): void => {
    const answer = table[hostname]
    if (answer === undefined) callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), [])
    else callback(null, [...answer])
  }
}

function lookupOnce(
  lookup: ReturnType<typeof createGuardedLookup>,
  hostname: string,
  all: boolean,
): Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family: unknown }> {
  return new Promise((resolve) => {
    lookup(hostname, { all }, (err, address, family) => resolve({ err, address, family }))
  })
}

test('the lookup hook refuses a name when any of its addresses is private (rebinding, mixed answers)', async () => {
  const lookup = createGuardedLookup({
    resolve: fakeDns({
      'rebind.example': [{ address: '169.254.169.254', family: 4 }],
      'mixed.example': [
        { address: '93.184.216.34', family: 4 },
        { address: '10.0.0.5', family: 4 },
      ],
      'public.example': [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 },
      ],
    }),
  })

  const rebind = await lookupOnce(lookup, 'rebind.example', false)
  assert.ok(rebind.err instanceof FetchError)
  assert.equal(rebind.err.code, 'FETCH_BLOCKED_ADDRESS')
  assert.equal(rebind.err.message, 'refused: rebind.example resolves to 169.254.169.254, a link-local address (the cloud metadata endpoint)')

  const mixed = await lookupOnce(lookup, 'mixed.example', true)
  assert.equal((mixed.err as FetchError | null)?.code, 'FETCH_BLOCKED_ADDRESS')
  assert.match(mixed.err?.message ?? '', /10\.0\.0\.5, a private address/)

  const one = await lookupOnce(lookup, 'public.example', false)
  assert.equal(one.err, null)
  assert.equal(one.address, '93.184.216.34')
  assert.equal(one.family, 4)

  const all = await lookupOnce(lookup, 'public.example', true)
  assert.equal(all.err, null)
  assert.deepEqual(all.address, [
    { address: '93.184.216.34', family: 4 },
    { address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 },
  ])

  const missing = await lookupOnce(lookup, 'nowhere.example', false)
  assert.equal(missing.err?.code, 'ENOTFOUND')
})

test('the lookup hook lets private addresses through when allowed', async () => {
  const table = { 'intranet.example': [{ address: '10.0.0.5', family: 4 }] }
  const all = await lookupOnce(createGuardedLookup({ allowPrivateAddresses: true, resolve: fakeDns(table) }), 'intranet.example', false)
  assert.equal(all.err, null)
  assert.equal(all.address, '10.0.0.5')
  const listed = await lookupOnce(createGuardedLookup({ allowAddresses: ['10.0.0.5'], resolve: fakeDns(table) }), 'intranet.example', false)
  assert.equal(listed.err, null)
})
