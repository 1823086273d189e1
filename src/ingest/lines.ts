/**
 * The lines of a streamed file (JSON Lines), decoded the way `decodeBytes`
 * decodes whole files: a byte order mark (UTF-8, UTF-16 LE or BE) picks the
 * encoding and is dropped, UTF-16 without a mark is recognised by its zero
 * bytes, and UTF-8 is the default. A line longer than the budget is not held
 * in memory: it is reported by its number and skipped to its end.
 */
import { TextDecoder } from 'node:util'

/** One line of a streamed file, or the note that it was too long to keep. */
export type StreamedLine = { readonly text: string; readonly tooLong: false } | { readonly text: ''; readonly tooLong: true }

/**
 * The encoding a stream's first bytes announce: a BOM, or the zero bytes of
 * UTF-16 text without one (`{\0"\0` is UTF-16 LE; `\0{\0"` is UTF-16 BE).
 */
export function sniffStreamEncoding(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  const [b0, b1, b2, b3] = head
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be'
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le'
  if (head.length >= 4 && b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return 'utf-16le'
  if (head.length >= 4 && b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return 'utf-16be'
  return 'utf-8'
}

/**
 * Lines of `chunks` (split at LF, a CR before it dropped), each at most
 * `maxChars` characters; longer ones come as `{ tooLong: true }` in their
 * place, so line numbers stay right.
 */
export async function* decodedLines(chunks: AsyncIterable<Uint8Array>, maxChars: number): AsyncGenerator<StreamedLine> {
  let decoder: TextDecoder | null = null
  let pending = ''
  let overflowing = false
  const split = function* (text: string, final: boolean): Generator<StreamedLine> {
    let start = 0
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
      const piece = text.slice(start, newline)
      start = newline + 1
      if (overflowing || pending.length + piece.length > maxChars) yield { text: '', tooLong: true }
      else yield { text: (pending + piece).replace(/\r$/u, ''), tooLong: false }
      pending = ''
      overflowing = false
    }
    const rest = text.slice(start)
    if (overflowing || pending.length + rest.length > maxChars) {
      // Past the budget: keep nothing more of this line, only that it was too long.
      overflowing = true
      pending = ''
    } else pending += rest
    if (final && (pending !== '' || overflowing)) {
      yield overflowing ? { text: '', tooLong: true } : { text: pending.replace(/\r$/u, ''), tooLong: false }
      pending = ''
      overflowing = false
    }
  }
  for await (const chunk of chunks) {
    // The default decoder drops a BOM matching its encoding.
    decoder ??= new TextDecoder(sniffStreamEncoding(chunk))
    yield* split(decoder.decode(chunk, { stream: true }), false)
  }
  yield* split(decoder === null ? '' : decoder.decode(), true)
}
