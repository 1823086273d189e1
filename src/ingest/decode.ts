/**
 * Bytes → text for every input crosscheck reads (files, fetched pages, WARC
 * payloads). Picks the charset the way a browser would (BOM, then transport
 * header, then in-document declaration), refuses binary and empty inputs, and
 * reports broken UTF-8 as a diagnostic instead of failing.
 */

import { TextDecoder } from 'node:util'
import { InputError } from '../errors.js'
import type { Diagnostic } from '../types.js'

/** Options of {@link decodeBytes}. */
export interface DecodeOpts {
  /** Name of the input (path, URL) for error messages. */
  readonly name: string
  /** The transport's Content-Type header, e.g. `text/html; charset=windows-1256`. */
  readonly contentType?: string
  /**
   * What the bytes are, which decides the in-document declaration looked at:
   * `<meta charset>` for html, `<?xml encoding?>` for xml, none for text.
   * @default inferred from `contentType`, else `'text'`
   */
  readonly kind?: 'html' | 'xml' | 'text'
}

/** What {@link decodeBytes} returns. */
export interface DecodedText {
  /** The decoded text, without a byte order mark. */
  readonly text: string
  /** Canonical WHATWG name of the encoding used, e.g. `utf-8`, `windows-1256`. */
  readonly charset: string
  readonly diagnostics: Diagnostic[]
}

/** Where the chosen charset came from; used in diagnostics. */
type CharsetSource = 'bom' | 'utf-16-pattern' | 'content-type' | 'meta' | 'xml-declaration' | 'default'

/** How far into an HTML document a `<meta charset>` counts, as in the HTML spec's prescan (1024) with slack for long heads. */
const META_SCAN_BYTES = 4096
/** Binary sniffing looks at the start only, like git's 8000-byte heuristic: a text file starts as text. */
const SNIFF_CHARS = 8000
/** Share of C0 control characters (other than tab, newlines, form feed) above which content is binary. */
const MAX_CONTROL_SHARE = 0.1

/** Signatures of binary formats people plausibly feed a news tool by mistake. */
const MAGIC_NUMBERS: ReadonlyArray<{ readonly name: string; readonly bytes: readonly number[]; readonly offset?: number }> = [
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { name: 'a ZIP archive (or DOCX/EPUB/ODT)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF8
  { name: 'gzip-compressed data', bytes: [0x1f, 0x8b] },
  { name: 'a WebP image', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { name: 'bzip2-compressed data', bytes: [0x42, 0x5a, 0x68] }, // BZh
  { name: 'xz-compressed data', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'zstd-compressed data', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'an OLE document (old Word/Excel)', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'an SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74] },
  { name: 'an ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a WebAssembly module', bytes: [0x00, 0x61, 0x73, 0x6d] },
]

/**
 * Decodes an input's bytes to text.
 *
 * The charset is taken from, in order: a byte order mark; the `charset` of
 * `opts.contentType`; for html an early `<meta charset>` or
 * `<meta http-equiv="Content-Type">`; for xml the `<?xml encoding?>`
 * declaration; else UTF-8. An unknown label falls back to UTF-8 with a
 * `decode/unknown-charset` warning. Invalid UTF-8 is replaced with U+FFFD and
 * reported as `decode/invalid-utf8`.
 *
 * @throws InputError `INPUT_BINARY` when the bytes are a known binary format
 *   or look binary (NUL or many control characters near the start);
 *   `INPUT_EMPTY` when there is nothing but whitespace.
 *
 * @example
 * ```ts
 * decodeBytes(bytes, { name: 'a.html', contentType: 'text/html; charset=windows-1256' })
 * // { text: '…', charset: 'windows-1256', diagnostics: [] }
 * ```
 */
export function decodeBytes(bytes: Uint8Array, opts: DecodeOpts): DecodedText {
  if (bytes.length === 0) throw new InputError('INPUT_EMPTY', `${opts.name} is empty (0 bytes)`, { input: opts.name })
  // Magic numbers first: a PNG is a PNG whatever its Content-Type says.
  const magic = binaryFormat(bytes)
  if (magic !== null) throw new InputError('INPUT_BINARY', `${opts.name} is ${magic}, not text`, { input: opts.name })

  const diagnostics: Diagnostic[] = []
  const kind = opts.kind ?? kindFromContentType(opts.contentType)
  const declared = chooseCharset(bytes, opts.contentType, kind)
  const chosen = fitCharset(bytes, declared)
  if (chosen !== declared) {
    diagnostics.push({
      ruleId: 'decode/charset-mismatch',
      severity: 'warning',
      message: `the ${describeSource(declared.source)} declares ${declared.label}, but the bytes do not fit it; decoded as ${chosen.label}`,
    })
  }
  let decoder = makeDecoder(chosen.label)
  if (decoder === null) {
    diagnostics.push({
      ruleId: 'decode/unknown-charset',
      severity: 'warning',
      message: `unknown charset "${chosen.label}" (from the ${describeSource(chosen.source)}); decoded as UTF-8`,
    })
    decoder = new TextDecoder('utf-8')
  }

  const text = decodeReporting(bytes, decoder.encoding, diagnostics)

  // Checked on the decoded text so UTF-16 (all those NUL high bytes) is judged by its characters.
  const binary = binaryReason(text)
  if (binary !== null) throw new InputError('INPUT_BINARY', `${opts.name} looks binary (${binary}), not text`, { input: opts.name })
  if (text.trim() === '') throw new InputError('INPUT_EMPTY', `${opts.name} contains only whitespace`, { input: opts.name })

  return { text, charset: decoder.encoding, diagnostics }
}

/**
 * True when the bytes are a known binary format or look binary in their first
 * 8000 bytes (a NUL, or more than 10 % control characters). Assumes an
 * ASCII-compatible encoding, except that a UTF-16 byte order mark is honoured.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (binaryFormat(bytes) !== null) return true
  const bom = sniffBom(bytes) ?? sniffUtf16(bytes)
  const sample = bytes.subarray(0, SNIFF_CHARS * (bom?.startsWith('utf-16') === true ? 2 : 1))
  return binaryReason(new TextDecoder(bom ?? 'windows-1252').decode(sample)) !== null
}

/** Names the binary format the bytes start with (`'a PNG image'`), or null. */
export function binaryFormat(bytes: Uint8Array): string | null {
  for (const magic of MAGIC_NUMBERS) {
    const offset = magic.offset ?? 0
    if (bytes.length < offset + magic.bytes.length) continue
    if (magic.bytes.every((b, i) => bytes[offset + i] === b)) return magic.name
  }
  return null
}

/** Why the start of a decoded text looks binary, or null when it looks like text. */
function binaryReason(text: string): string | null {
  const sampleLength = Math.min(text.length, SNIFF_CHARS)
  let controls = 0
  for (let i = 0; i < sampleLength; i++) {
    const c = text.charCodeAt(i)
    if (c === 0) return 'it contains NUL bytes'
    // Tab, LF, VT, FF and CR occur in real text files; the other C0 controls do not.
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f) controls++
  }
  if (sampleLength > 0 && controls / sampleLength > MAX_CONTROL_SHARE) {
    return `${Math.round((100 * controls) / sampleLength)} % control characters`
  }
  return null
}

function kindFromContentType(contentType: string | undefined): 'html' | 'xml' | 'text' {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return 'html'
  if (mediaType.endsWith('/xml') || mediaType.endsWith('+xml')) return 'xml'
  return 'text'
}

function chooseCharset(bytes: Uint8Array, contentType: string | undefined, kind: 'html' | 'xml' | 'text'): { label: string; source: CharsetSource } {
  const bom = sniffBom(bytes)
  if (bom !== null) return { label: bom, source: 'bom' }
  // UTF-16 without a BOM shows as ASCII with a zero byte beside every character; no header can make that UTF-8.
  const utf16 = sniffUtf16(bytes)
  if (utf16 !== null) return { label: utf16, source: 'utf-16-pattern' }
  const fromHeader = contentType === undefined ? null : charsetParam(contentType)
  if (fromHeader !== null) return { label: fromHeader, source: 'content-type' }
  if (kind === 'html') {
    const fromMeta = metaCharset(latin1(bytes.subarray(0, META_SCAN_BYTES)))
    if (fromMeta !== null) return { label: fromMeta, source: 'meta' }
  }
  if (kind === 'xml') {
    const fromDecl = xmlDeclarationEncoding(latin1(bytes.subarray(0, 1024)))
    if (fromDecl !== null) return { label: fromDecl, source: 'xml-declaration' }
  }
  return { label: 'utf-8', source: 'default' }
}

function sniffBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  return null
}

/**
 * The declared charset, or the one the bytes show when the declaration lies:
 * UTF-16 declared for bytes without its zero bytes (ASCII markup read as
 * UTF-16 is all CJK, and the page "has no text"); a legacy charset declared
 * for bytes that are valid UTF-8 with multi-byte characters (which a legacy
 * text almost never is by chance); UTF-8 declared for bytes most of whose
 * non-ASCII bytes are not UTF-8 (windows-1252 then keeps Latin letters that
 * U+FFFD would erase). A BOM and the default are not declarations.
 */
function fitCharset(bytes: Uint8Array, chosen: { label: string; source: CharsetSource }): { label: string; source: CharsetSource } {
  if (chosen.source === 'bom' || chosen.source === 'utf-16-pattern' || chosen.source === 'default') return chosen
  const encoding = makeDecoder(chosen.label)?.encoding
  if (encoding === undefined) return chosen
  const nonAscii = countNonAscii(bytes)
  // UTF-16 text has zero bytes (its spaces, newlines and markup); text without any in its first 4 KB is not UTF-16.
  if (encoding.startsWith('utf-16')) return bytes.subarray(0, 4096).includes(0) ? chosen : { label: 'utf-8', source: chosen.source }
  if (encoding !== 'utf-8') {
    if (nonAscii > 0 && isValidUtf8(bytes)) return { label: 'utf-8', source: chosen.source }
    return chosen
  }
  if (nonAscii > 0 && countInvalidUtf8(bytes) > nonAscii / 2) return { label: 'windows-1252', source: chosen.source }
  return chosen
}

function countNonAscii(bytes: Uint8Array): number {
  let count = 0
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) count++
  return count
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** UTF-16 without a BOM: the first characters are ASCII, so every other byte of the first eight is zero. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 8) return null
  const ascii = (b: number | undefined): boolean => b !== undefined && ((b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d)
  const even = [0, 2, 4, 6].map((i) => bytes[i])
  const odd = [1, 3, 5, 7].map((i) => bytes[i])
  if (even.every(ascii) && odd.every((b) => b === 0)) return 'utf-16le'
  if (odd.every(ascii) && even.every((b) => b === 0)) return 'utf-16be'
  return null
}

/** The `charset` parameter of a Content-Type value, unquoted, or null. */
export function charsetParam(contentType: string): string | null {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType)
  const label = (match?.[1] ?? match?.[2] ?? '').trim()
  return label === '' ? null : label
}

/**
 * The charset an HTML document declares in a `<meta>` tag, following the
 * spirit of the HTML spec's prescan: the first meta that declares one wins.
 */
function metaCharset(head: string): string | null {
  // Comments may contain stale or commented-out meta tags.
  const source = head.replace(/<!--[\s\S]*?(?:-->|$)/g, '')
  for (const tag of source.matchAll(/<meta\b([^>]*)>?/gi)) {
    const attrs = parseAttributes(tag[1] ?? '')
    let label = attrs.get('charset') ?? null
    if (label === null && attrs.get('http-equiv')?.toLowerCase() === 'content-type') {
      label = charsetParam(attrs.get('content') ?? '')
    }
    if (label === null || label.trim() === '') continue
    // The spec's rule: an ASCII-readable meta cannot be telling the truth about UTF-16.
    if (/^utf-?16/i.test(label.trim())) return 'utf-8'
    return label.trim()
  }
  return null
}

function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>()
  for (const m of source.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = (m[1] ?? '').toLowerCase()
    if (!attrs.has(name)) attrs.set(name, m[2] ?? m[3] ?? m[4] ?? '')
  }
  return attrs
}

function xmlDeclarationEncoding(head: string): string | null {
  const match = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(head)
  const label = (match?.[1] ?? match?.[2] ?? '').trim()
  return label === '' ? null : label
}

function makeDecoder(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label)
  } catch {
    return null
  }
}

/** Decodes, adding `decode/invalid-utf8` when UTF-8 bytes are broken. */
function decodeReporting(bytes: Uint8Array, encoding: string, diagnostics: Diagnostic[]): string {
  if (encoding !== 'utf-8') return new TextDecoder(encoding).decode(bytes)
  try {
    // The strict decoder is the fast path: almost all input is valid.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const invalid = countInvalidUtf8(bytes)
    diagnostics.push({
      ruleId: 'decode/invalid-utf8',
      severity: 'warning',
      message: `${invalid} byte${invalid === 1 ? ' was' : 's were'} not valid UTF-8 and became U+FFFD (the input may use another charset)`,
    })
    return new TextDecoder('utf-8').decode(bytes)
  }
}

/**
 * Counts the bytes a UTF-8 decoder has to replace, following the WHATWG
 * decoder: a byte that breaks a sequence is not counted but starts over.
 */
export function countInvalidUtf8(bytes: Uint8Array): number {
  let invalid = 0
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0
    if (lead < 0x80) {
      i++
      continue
    }
    let need: number
    let lower = 0x80
    let upper = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) need = 1
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2
      if (lead === 0xe0) lower = 0xa0 // overlong
      if (lead === 0xed) upper = 0x9f // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3
      if (lead === 0xf0) lower = 0x90 // overlong
      if (lead === 0xf4) upper = 0x8f // above U+10FFFF
    } else {
      invalid++
      i++
      continue
    }
    let seen = 1
    while (seen <= need) {
      const next = bytes[i + seen]
      if (next === undefined || next < lower || next > upper) break
      lower = 0x80
      upper = 0xbf
      seen++
    }
    if (seen > need) i += seen
    else {
      invalid += seen
      i += seen
    }
  }
  return invalid
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes)
}

function describeSource(source: CharsetSource): string {
  switch (source) {
    case 'bom':
      return 'byte order mark'
    case 'utf-16-pattern':
      return 'zero bytes of UTF-16 text'
    case 'content-type':
      return 'Content-Type header'
    case 'meta':
      return '<meta> tag'
    case 'xml-declaration':
      return 'XML declaration'
    case 'default':
      return 'default'
  }
}
