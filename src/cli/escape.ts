/**
 * Text from inputs (titles, file names, URLs, error messages quoting them)
 * made safe to print on one terminal line. A title holding `\x1b]0;…\x07`
 * or `\x1b[2J` would drive the terminal; one holding a newline and
 * `stored: …` would forge a line of the report; a right-to-left override
 * would show a file name backwards. Every such character is shown as an
 * escape instead (`\x1b`, `\n`, `\u202e`), and the rest is left as it is.
 */

// C0 controls (tab and newline included: one line means one line), DEL, C1 controls,
// bidirectional embeddings, overrides and isolates, and the line and paragraph separators.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * The text with control and direction-changing characters escaped.
 *
 * @example
 * printable('Dam\x1b[2J opens\nstored: forged') // => 'Dam\\x1b[2J opens\\nstored: forged'
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const named = NAMED[char]
    if (named !== undefined) return named
    const code = char.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}
