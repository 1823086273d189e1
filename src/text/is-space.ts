/**
 * Whether a UTF-16 code unit is one the regex class `\s` matches, without a
 * regex per character: scanners that walk text character by character (names,
 * dates) call it in their inner loop.
 *
 * @example
 * isSpace(' '.charCodeAt(0)) // => true
 * isSpace(0x00a0) // => true (no-break space)
 */
export function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13)
  if (code < 160) return false
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}
