/**
 * Look-alike letters and invisible characters: how a content farm hides a
 * verbatim copy from word matching. Swapping Latin "a", "e", "o", "p", "c"
 * for their Cyrillic twins, or putting a zero-width space inside words,
 * leaves the text looking the same to a reader while every word hashes
 * differently. Fingerprints, anchors and sentence alignment read text
 * through {@link lookAlikeSkeleton}, which undoes both.
 *
 * Coverage: a hand-written table in the spirit of Unicode's confusables
 * (UTS #39), limited to single letters that render like one Latin letter in
 * common fonts: the Cyrillic and Greek capitals and small letters that have
 * a Latin twin, a few Armenian and Latin-extension letters (dotless i, script
 * a and g, the Latin "small capital" look-alikes are left out). Fullwidth
 * and mathematical letters need no entry: NFKC, which the comparison form
 * applies, already folds them. Not covered: look-alike digits and
 * punctuation, multi-letter look-alikes ("rn" for "m"), and scripts beyond
 * those named.
 */

/** Each look-alike and the Latin letter it imitates, case kept (the case of a word says whether it is a name). */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic capitals
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  Ү: 'Y',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ӏ: 'I',
  Ԍ: 'G',
  Һ: 'H',
  // Cyrillic small letters
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ү: 'y',
  ӏ: 'l',
  ɡ: 'g',
  ԍ: 'g',
  // Greek capitals
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  // Greek small letters
  ο: 'o',
  ν: 'v',
  ρ: 'p',
  ι: 'i',
  α: 'a',
  κ: 'k',
  υ: 'u',
  χ: 'x',
  // Armenian
  օ: 'o',
  ս: 'u',
  հ: 'h',
  ո: 'n',
  Տ: 'S',
  Օ: 'O',
  // Latin letters that pass for plainer ones
  ı: 'i',
  ɑ: 'a',
  ɩ: 'i',
  ʋ: 'u',
}

const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu')

/**
 * Characters that show nothing: zero-width space, joiners and non-joiner,
 * word joiner, invisible operators, soft hyphen, BOM, the Mongolian vowel
 * separator, the combining grapheme joiner, bidirectional marks and
 * controls, Hangul fillers, Khmer inherent vowels, variation selectors and
 * tag characters.
 */
const INVISIBLE_CHARS = String.raw`\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}`
// eslint-disable-next-line no-misleading-character-class -- the class lists invisible and combining characters one by one, on purpose
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, 'gu')
// eslint-disable-next-line no-misleading-character-class -- as above
const ONE_INVISIBLE = new RegExp(`^[${INVISIBLE_CHARS}]$`, 'u')

const NON_ASCII = /[^\x00-\x7F]/u

/**
 * The text with look-alike letters replaced by the Latin letters they imitate
 * and invisible characters removed. ASCII text is returned as is.
 *
 * @example
 * lookAlikeSkeleton('Тhе bridge\u200B reоpened') // => 'The bridge reopened'
 */
export function lookAlikeSkeleton(text: string): string {
  if (!NON_ASCII.test(text)) return text
  return text.replace(INVISIBLE, '').replace(LOOK_ALIKE, (char) => LOOK_ALIKES[char] ?? char)
}

/** The Latin letter a look-alike imitates, or null (for the token scanner's per-character table). */
export function lookAlikeOf(char: string): string | null {
  return LOOK_ALIKES[char] ?? null
}

/** True for a character {@link lookAlikeSkeleton} removes. */
export function isInvisible(char: string): boolean {
  return ONE_INVISIBLE.test(char)
}

/** What a text does to look like something it is not. */
export interface Disguise {
  /** Look-alike letters inside words that also have Latin letters ("rеpоrt" with Cyrillic е and о). */
  readonly lookAlikes: number
  /** Invisible characters between two letters or digits. */
  readonly invisible: number
}

// eslint-disable-next-line no-misleading-character-class -- as above
const MIXED_WORD = new RegExp(`[\\p{L}\\p{N}${INVISIBLE_CHARS}]+`, 'gu')
const LATIN = /[A-Za-z]/u
// eslint-disable-next-line no-misleading-character-class -- as above
const INVISIBLE_IN_WORD = new RegExp(`(?<=[\\p{L}\\p{N}])[${INVISIBLE_CHARS}]+(?=[\\p{L}\\p{N}])`, 'gu')

/**
 * Counts the disguises in a text: look-alikes mixed into Latin words and
 * invisible characters inside words. A text wholly in Cyrillic or Greek has
 * no mixed words and counts 0; a copy disguised for word matching counts
 * many (a content-farm sign the relation reports).
 *
 * @example
 * disguise('Тhе bridge reоpened').lookAlikes // => 3
 */
export function disguise(text: string): Disguise {
  if (!NON_ASCII.test(text)) return { lookAlikes: 0, invisible: 0 }
  let lookAlikes = 0
  LOOK_ALIKE.lastIndex = 0
  const anyLookAlike = LOOK_ALIKE.test(text)
  LOOK_ALIKE.lastIndex = 0
  if (anyLookAlike)
    for (const [word] of text.matchAll(MIXED_WORD)) {
      if (!LATIN.test(word)) continue
      const found = word.match(LOOK_ALIKE)
      if (found !== null) lookAlikes += found.length
    }
  let invisible = 0
  // The look-behind pattern is slow over a whole text; most texts have no invisible character at all.
  INVISIBLE.lastIndex = 0
  if (INVISIBLE.test(text)) for (const [run] of text.matchAll(INVISIBLE_IN_WORD)) invisible += [...run].length
  return { lookAlikes, invisible }
}
