import assert from 'node:assert/strict'
import { test } from 'node:test'
import { InputError } from '../errors.js'
import { binaryFormat, charsetParam, countInvalidUtf8, decodeBytes, looksBinary } from './decode.js'

/** windows-1256 bytes of the Arabic letters used below, from the code page's published table. */
const CP1256: Readonly<Record<string, number>> = {
  ا: 0xc7,
  ب: 0xc8,
  ة: 0xc9,
  ج: 0xcc,
  خ: 0xce,
  ر: 0xd1,
  ع: 0xda,
  ل: 0xe1,
  ي: 0xed,
}

/** Encodes ASCII plus the letters in CP1256 as windows-1256 bytes. */
function cp1256(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0) ?? 0
    if (code < 0x80) return code
    const byte = CP1256[ch]
    if (byte === undefined) throw new Error(`no windows-1256 byte for ${ch} in the test table`)
    return byte
  })
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

function assertInputError(fn: () => unknown, code: string, pattern?: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof InputError, 'an InputError')
    assert.equal(error.code, code)
    assert.equal(error.input, 'sample.bin')
    if (pattern !== undefined) assert.match(error.message, pattern)
    return true
  })
}

test('plain UTF-8 decodes with no diagnostics', () => {
  const result = decodeBytes(utf8('Reuters — café, 東京'), { name: 'a.txt' })
  assert.equal(result.text, 'Reuters — café, 東京')
  assert.equal(result.charset, 'utf-8')
  assert.deepEqual(result.diagnostics, [])
})

test('a UTF-8 byte order mark is honoured and stripped', () => {
  const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Hello')])
  const result = decodeBytes(bytes, { name: 'bom.txt', contentType: 'text/plain; charset=windows-1252' })
  assert.equal(result.text, 'Hello')
  assert.equal(result.charset, 'utf-8')
})

test('a UTF-16LE byte order mark wins over the header, and its NUL high bytes are not binary', () => {
  const body = 'Breaking: ثلاثة'
  const bytes = new Uint8Array(2 + body.length * 2)
  bytes.set([0xff, 0xfe])
  for (let i = 0; i < body.length; i++) {
    const unit = body.charCodeAt(i)
    bytes[2 + 2 * i] = unit & 0xff
    bytes[3 + 2 * i] = unit >> 8
  }
  const result = decodeBytes(bytes, { name: 'u16.txt', contentType: 'text/plain; charset=utf-8' })
  assert.equal(result.text, body)
  assert.equal(result.charset, 'utf-16le')
})

test('a windows-1256 <meta charset> decodes Arabic text correctly', () => {
  const html = '<!doctype html><html><head><meta charset="windows-1256"><title>خبر</title></head><body><p>العربية عاجل</p></body></html>'
  const result = decodeBytes(cp1256(html), { name: 'ar.html', kind: 'html' })
  assert.equal(result.charset, 'windows-1256')
  assert.equal(result.text, html)
  assert.ok(result.text.includes('العربية'))
  assert.deepEqual(result.diagnostics, [])
})

test('a windows-1256 http-equiv meta is found too', () => {
  const html = '<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1256"></head><body>عاجل</body></html>'
  const result = decodeBytes(cp1256(html), { name: 'ar.html', contentType: 'text/html' })
  assert.equal(result.charset, 'windows-1256')
  assert.ok(result.text.endsWith('<body>عاجل</body></html>'))
})

test('the Content-Type charset wins over the meta declaration', () => {
  const html = '<meta charset="utf-8"><p>خبر</p>'
  const result = decodeBytes(cp1256(html), { name: 'ar.html', contentType: 'text/html; charset="windows-1256"', kind: 'html' })
  assert.equal(result.charset, 'windows-1256')
  assert.ok(result.text.includes('خبر'))
})

test('a meta tag inside a comment or past 4 KB is ignored', () => {
  const commented = decodeBytes(utf8('<!-- <meta charset="windows-1256"> --><p>x</p>'), { name: 'c.html', kind: 'html' })
  assert.equal(commented.charset, 'utf-8')
  const late = decodeBytes(utf8(`<p>${'a'.repeat(5000)}</p><meta charset="windows-1256">`), { name: 'l.html', kind: 'html' })
  assert.equal(late.charset, 'utf-8')
})

test('the XML declaration sets the charset of xml, but not of html', () => {
  const xml = '<?xml version="1.0" encoding="windows-1256"?><rss><channel><title>خبر</title></channel></rss>'
  const asXml = decodeBytes(cp1256(xml), { name: 'feed.xml', kind: 'xml' })
  assert.equal(asXml.charset, 'windows-1256')
  assert.ok(asXml.text.includes('<title>خبر</title>'))
  const asText = decodeBytes(utf8('<?xml version="1.0" encoding="windows-1256"?><p/>'), { name: 'x.html', kind: 'html' })
  assert.equal(asText.charset, 'utf-8')
})

test('the kind is inferred from the Content-Type when not given', () => {
  const xml = '<?xml version="1.0" encoding="windows-1256"?><feed>خبر</feed>'
  assert.equal(decodeBytes(cp1256(xml), { name: 'f', contentType: 'application/atom+xml' }).charset, 'windows-1256')
})

test('an unknown charset label falls back to UTF-8 with a warning', () => {
  const result = decodeBytes(utf8('<meta charset="klingon-8"><p>ok</p>'), { name: 'k.html', kind: 'html' })
  assert.equal(result.charset, 'utf-8')
  assert.equal(result.diagnostics.length, 1)
  assert.equal(result.diagnostics[0]?.ruleId, 'decode/unknown-charset')
  assert.equal(result.diagnostics[0]?.severity, 'warning')
  assert.match(result.diagnostics[0]?.message ?? '', /klingon-8/)
})

test('invalid UTF-8 becomes U+FFFD with a warning that counts the bad bytes', () => {
  // "caf" + a lone Latin-1 é (0xE9) + "s " + a truncated 3-byte sequence (2 bytes) + "ok".
  const bytes = Uint8Array.from([...utf8('caf'), 0xe9, ...utf8('s '), 0xe2, 0x80, ...utf8('ok')])
  const result = decodeBytes(bytes, { name: 'bad.txt' })
  assert.equal(result.text, 'caf\uFFFDs \uFFFDok')
  assert.equal(result.diagnostics.length, 1)
  assert.equal(result.diagnostics[0]?.ruleId, 'decode/invalid-utf8')
  assert.equal(result.diagnostics[0]?.severity, 'warning')
  assert.match(result.diagnostics[0]?.message ?? '', /^3 bytes were not valid UTF-8/)
})

test('countInvalidUtf8 follows the WHATWG decoder', () => {
  const cases: ReadonlyArray<readonly [number[], number]> = [
    [[0x41, 0x42], 0],
    [[0xc3, 0xa9], 0], // é
    [[0xe9], 1],
    [[0xc0, 0x80], 2], // overlong NUL: two bad lead bytes
    [[0xed, 0xa0, 0x80], 3], // a surrogate
    [[0xf0, 0x9f, 0x98], 3], // emoji cut short
    [[0xf0, 0x9f, 0x98, 0x80], 0], // the whole emoji
    [[0xe2, 0x82, 0x41], 2], // sequence broken by ASCII, which survives
  ]
  for (const [bytes, expected] of cases) assert.equal(countInvalidUtf8(Uint8Array.from(bytes)), expected, bytes.join(' '))
})

test('zero bytes and whitespace-only inputs are INPUT_EMPTY', () => {
  assertInputError(() => decodeBytes(new Uint8Array(0), { name: 'sample.bin' }), 'INPUT_EMPTY', /empty/)
  assertInputError(() => decodeBytes(utf8(' \n\t\r\n  '), { name: 'sample.bin' }), 'INPUT_EMPTY', /whitespace/)
  assertInputError(() => decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x20]), { name: 'sample.bin' }), 'INPUT_EMPTY')
})

test('a PNG is INPUT_BINARY and the message says it is a PNG', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
  assertInputError(() => decodeBytes(png, { name: 'sample.bin', contentType: 'text/html' }), 'INPUT_BINARY', /PNG image/)
})

test('known binary formats are named', () => {
  const cases: ReadonlyArray<readonly [string | number[], RegExp]> = [
    ['%PDF-1.7\n', /PDF/],
    [[0x50, 0x4b, 0x03, 0x04, 0x14, 0], /ZIP/],
    [[0xff, 0xd8, 0xff, 0xe0], /JPEG/],
    ['GIF89a....', /GIF/],
    [[0x1f, 0x8b, 0x08, 0], /gzip/],
  ]
  for (const [start, name] of cases) {
    const bytes = typeof start === 'string' ? utf8(start) : Uint8Array.from(start)
    assert.match(binaryFormat(bytes) ?? '', name)
    assertInputError(() => decodeBytes(bytes, { name: 'sample.bin' }), 'INPUT_BINARY', name)
  }
  assert.equal(binaryFormat(utf8('<html>')), null)
})

test('NUL bytes make text binary', () => {
  const bytes = Uint8Array.from([...utf8('looks like text'), 0, ...utf8('but is not')])
  assertInputError(() => decodeBytes(bytes, { name: 'sample.bin' }), 'INPUT_BINARY', /NUL/)
  assert.equal(looksBinary(bytes), true)
})

test('a high share of control characters is binary; a few form feeds are not', () => {
  const noisy = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x61))
  assertInputError(() => decodeBytes(noisy, { name: 'sample.bin' }), 'INPUT_BINARY', /control characters/)
  const report = utf8('Page one.\fPage two.\fPage three.\n')
  assert.equal(looksBinary(report), false)
  assert.equal(decodeBytes(report, { name: 'r.txt' }).text, 'Page one.\fPage two.\fPage three.\n')
})

test('charsetParam reads quoted and unquoted parameters', () => {
  assert.equal(charsetParam('text/html; charset=UTF-8'), 'UTF-8')
  assert.equal(charsetParam('text/html;charset="windows-1256"'), 'windows-1256')
  assert.equal(charsetParam('text/html'), null)
  assert.equal(charsetParam('text/html; charset='), null)
})

test('a declared charset the bytes do not fit is overridden, with a diagnostic', () => {
  const page = '<!doctype html><meta charset="windows-1252"><p>Zürich café — “quoted”</p>'
  const lying = decodeBytes(utf8(page), { name: 'lies.html', kind: 'html' })
  assert.equal(lying.charset, 'utf-8')
  assert.equal(lying.text, page)
  assert.equal(lying.diagnostics[0]?.ruleId, 'decode/charset-mismatch')
  // ASCII markup served as UTF-16 would decode to CJK and leave "no article text".
  const ascii = decodeBytes(utf8('<html><body><p>Plain words.</p></body></html>'), { name: 'a.html', contentType: 'text/html; charset=utf-16' })
  assert.equal(ascii.text, '<html><body><p>Plain words.</p></body></html>')
  // Declared UTF-8, but the letters are windows-1252: kept as letters, not U+FFFD.
  const latin = decodeBytes(Uint8Array.from([...utf8('<meta charset="utf-8"><p>caf'), 0xe9, ...utf8(' cr'), 0xe8, ...utf8('me</p>')]), {
    name: 'l.html',
    kind: 'html',
  })
  assert.equal(latin.text, '<meta charset="utf-8"><p>café crème</p>')
})

test('UTF-16 without a byte order mark is recognised by its zero bytes', () => {
  const text = '{"text": "Ferries sail again."}\n'
  const le = decodeBytes(Buffer.from(text, 'utf16le'), { name: 'a.jsonl' })
  assert.equal(le.text, text)
  const be = Buffer.from(text, 'utf16le').swap16()
  assert.equal(decodeBytes(be, { name: 'b.jsonl' }).text, text)
})
