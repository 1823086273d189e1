/**
 * Quantities in one news sentence: digits ("1,300", "-1.3", ".5"), words
 * ("twenty-five", "a dozen"), multipliers ("1.2 million", "$3bn", "5k"),
 * fractions ("1/16", "two-thirds of"), ranges ("between 252 and 287", "5-10",
 * "from 240 to 273"), vague quantities ("dozens", "tens of thousands"), each
 * with its qualifier ("at least", "nearly") and unit ("percent", "dollar").
 *
 * Dates are not quantities: years, days of a month, times of day, ordinals,
 * and numbers that are part of a name ("iPhone 11", "S&P 500", "Game 7",
 * "575 Wilbraham Road") are skipped. The conventions follow the NewsQuant
 * annotations: a number of a sentence is counted when it states how many or
 * how much of something there is.
 *
 * The scanner is a loop over candidate positions (a digit or a number word)
 * with small sticky regexes around each; every regex is compiled once at
 * module load, and none can backtrack catastrophically.
 */
import type { Qualifier, Quantity } from './types.js'

// ---------------------------------------------------------------------------
// Vocabularies

const SMALL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['zero', 0],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
])
const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 100],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
  ['dozen', 12],
])
/** Plural scale words read as vague quantities, with the conventional value ACLED codes them with. */
const VAGUE: ReadonlyMap<string, number> = new Map([
  ['dozens', 12],
  ['scores', 20],
  ['tens', 10],
  ['hundreds', 100],
  ['thousands', 1e3],
  ['millions', 1e6],
  ['billions', 1e9],
])
/** Glued multiplier suffixes: "$3bn", "5k", "4.3M". "m" and "b" need a currency ("37m" is a length). */
const SUFFIX_MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['bn', 1e9],
  ['bln', 1e9],
  ['mn', 1e6],
  ['mln', 1e6],
  ['tn', 1e12],
  ['trn', 1e12],
  ['k', 1e3],
  ['K', 1e3],
  ['M', 1e6],
  ['B', 1e9],
  ['m', 1e6],
  ['b', 1e9],
])

const QUALIFIERS: ReadonlyMap<string, Qualifier> = new Map([
  ['at least', 'at least'],
  ['no fewer than', 'at least'],
  ['no less than', 'at least'],
  ['not less than', 'at least'],
  ['a minimum of', 'at least'],
  ['more than', 'more than'],
  ['more that', 'more than'],
  ['over', 'more than'],
  ['well over', 'more than'],
  ['just over', 'more than'],
  ['above', 'more than'],
  ['upwards of', 'more than'],
  ['in excess of', 'more than'],
  ['exceeding', 'more than'],
  ['over than', 'more than'],
  ['up to', 'up to'],
  ['as many as', 'up to'],
  ['as much as', 'up to'],
  ['at most', 'up to'],
  ['no more than', 'up to'],
  ['a maximum of', 'up to'],
  ['as high as', 'as high as'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['close to', 'nearly'],
  ['about', 'about'],
  ['around', 'about'],
  ['roughly', 'about'],
  ['approximately', 'about'],
  ['approx.', 'about'],
  ['some', 'about'],
  ['an estimated', 'about'],
  ['estimated', 'about'],
  ['circa', 'about'],
  ['~', 'about'],
  ['≈', 'about'],
  ['fewer than', 'less than'],
  ['less than', 'less than'],
  ['under', 'less than'],
  ['just under', 'less than'],
  ['below', 'less than'],
])
// Built from QUALIFIERS, longest first so "well over" wins over "over"; anchored at the end of the text before a number.
const QUALIFIER_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(${[...QUALIFIERS.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})\\s*$`,
  'iu',
)

/** Unit words after a number, matched case-insensitively; a final "s"/"es" is allowed. */
const UNIT_WORDS: ReadonlyMap<string, string> = new Map([
  ['per cent', 'percent'],
  ['percent', 'percent'],
  ['percentage point', 'percentage point'],
  ['pct', 'percent'],
  ['basis point', 'basis point'],
  ['bps', 'basis point'],
  ['us dollar', 'dollar'],
  ['australian dollar', 'australian dollar'],
  ['canadian dollar', 'canadian dollar'],
  ['dollar', 'dollar'],
  ['euro', 'euro'],
  ['pound sterling', 'pound sterling'],
  ['pound', 'pound'],
  ['yen', 'yen'],
  ['yuan', 'yuan'],
  ['shekel', 'shekel'],
  ['rupee', 'rupee'],
  ['rouble', 'rouble'],
  ['ruble', 'rouble'],
  ['danish crown', 'krone'],
  ['crown', 'krone'],
  ['krone', 'krone'],
  ['cent', 'cent'],
  ['pence', 'penny'],
  ['kilometre', 'kilometre'],
  ['kilometer', 'kilometre'],
  ['metre', 'metre'],
  ['meter', 'metre'],
  ['mile', 'mile'],
  ['foot', 'foot'],
  ['feet', 'foot'],
  ['inch', 'inch'],
  ['yard', 'yard'],
  ['centimetre', 'centimetre'],
  ['centimeter', 'centimetre'],
  ['millimetre', 'millimetre'],
  ['millimeter', 'millimetre'],
  ['square kilometre', 'square kilometre'],
  ['square kilometer', 'square kilometre'],
  ['square mile', 'square mile'],
  ['sq km', 'square kilometre'],
  ['sq m', 'square metre'],
  ['hectare', 'hectare'],
  ['acre', 'acre'],
  ['kilogram', 'kilogram'],
  ['gram', 'gram'],
  ['tonne', 'tonne'],
  ['ton', 'ton'],
  ['lbs', 'pound'],
  ['ounce', 'ounce'],
  ['litre', 'litre'],
  ['liter', 'litre'],
  ['gallon', 'gallon'],
  ['barrel', 'barrel'],
  ['second', 'second'],
  ['minute', 'minute'],
  ['hour', 'hour'],
  ['day', 'day'],
  ['week', 'week'],
  ['month', 'month'],
  ['year', 'year'],
  ['decade', 'decade'],
  ['century', 'century'],
  ['centuries', 'century'],
  ['miles per hour', 'mile per hour'],
  ['miles per gallon', 'mile per gallon'],
  ['mph', 'mile per hour'],
  ['km/h', 'kilometre per hour'],
  ['kph', 'kilometre per hour'],
  ['degrees celsius', 'degree Celsius'],
  ['degrees fahrenheit', 'degree Fahrenheit'],
  ['degree', 'degree'],
  ['gigawatt', 'gigawatt'],
  ['megawatt', 'megawatt'],
  ['kilowatt', 'kilowatt'],
  ['watt', 'watt'],
  ['volt', 'volt'],
  ['decibel', 'decibel'],
])
/** Short unit symbols, matched case-sensitively ("5 W", "64GB", "4C", "37m", "5pc"). */
const UNIT_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['%', 'percent'],
  ['pc', 'percent'],
  ['km', 'kilometre'],
  ['m', 'metre'],
  ['cm', 'centimetre'],
  ['mm', 'millimetre'],
  ['ft', 'foot'],
  ['kg', 'kilogram'],
  ['g', 'gram'],
  ['mg', 'milligram'],
  ['lb', 'pound'],
  ['t', 'tonne'],
  ['mL', 'millilitre'],
  ['ml', 'millilitre'],
  ['l', 'litre'],
  ['min', 'minute'],
  ['h', 'hour'],
  ['hrs', 'hour'],
  ['°C', 'degree Celsius'],
  ['°F', 'degree Fahrenheit'],
  ['°', 'degree'],
  ['C', 'degree Celsius'],
  ['F', 'degree Fahrenheit'],
  ['kW', 'kilowatt'],
  ['kWh', 'kilowatt hour'],
  ['MW', 'megawatt'],
  ['GW', 'gigawatt'],
  ['GWh', 'gigawatt hour'],
  ['W', 'watt'],
  ['V', 'volt'],
  ['GB', 'gigabyte'],
  ['MB', 'megabyte'],
  ['TB', 'terabyte'],
  ['Hz', 'hertz'],
  ['mAh', 'milliampere hour'],
  ['bhp', 'horsepower'],
  ['hp', 'horsepower'],
  ['p', 'penny'],
  ['mpg', 'mile per gallon'],
  ['m2', 'square metre'],
  ['m²', 'square metre'],
  ['km2', 'square kilometre'],
  ['km²', 'square kilometre'],
  ['€', 'euro'],
  ['kn', 'kuna'],
  ['sen', 'sen'],
])
const UNIT_WORD_AFTER = new RegExp(
  `\\s?-?\\s?(${[...UNIT_WORDS.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?:es|s)?(?![\\p{L}\\p{N}])`,
  'iuy',
)
const UNIT_SYMBOL_AFTER = new RegExp(
  `\\s?(${[...UNIT_SYMBOLS.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'uy',
)

/** Currency markers before a number ("$", "US $", "$US", "HK$", "€", "£", "USD", "RM", "Y="), matched at the end of the text before it. */
const CURRENCY_BEFORE =
  /(?<![\p{L}$])(US ?\$|\$ ?US|\$ ?A|A\$|AU\$|C\$|CA\$|NZ\$|HK ?\$|S\$|R\$|\$|€|£|¥|₹|USD ?|EUR ?|GBP ?|JPY ?|CNY ?|INR ?|RM|Rs\.? ?|PS|Y=)$/u
/** The last characters CURRENCY_BEFORE can end with; a space only after one of CURRENCY_SPACE_AFTER ("USD 5", "Rs. 5"). */
const CURRENCY_LAST = new Set(['$', 'S', 'A', '€', '£', '¥', '₹', 'D', 'R', 'P', 'Y', 'M', 's', '.', '=', ' '])
const CURRENCY_SPACE_AFTER = new Set(['D', 'R', 'P', 'Y', 's', '.'])

/**
 * CURRENCY_BEFORE on the six characters before `end`, with a cheap look at the last one or two first:
 * most numbers follow a space after a word, which no currency marker ends with.
 */
function currencyBefore(s: string, end: number): RegExpExecArray | null {
  const last = s[end - 1]
  if (last === undefined || !CURRENCY_LAST.has(last)) return null
  if (last === ' ' && !CURRENCY_SPACE_AFTER.has(s[end - 2] ?? '')) return null
  return CURRENCY_BEFORE.exec(s.slice(Math.max(0, end - 6), end))
}
const CURRENCY_UNITS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\$A|A\$|AU\$/u, 'australian dollar'],
  [/C\$|CA\$/u, 'canadian dollar'],
  [/HK/u, 'hong kong dollar'],
  [/\$|USD/u, 'dollar'],
  [/€|EUR/u, 'euro'],
  [/£|GBP|PS/u, 'pound sterling'],
  [/¥|JPY|Y=/u, 'yen'],
  [/CNY/u, 'yuan'],
  [/₹|INR|Rs/u, 'rupee'],
  [/RM/u, 'ringgit'],
]

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec'
const MONTH_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${MONTHS})\\.?,?\\s+$`, 'u')
const MONTH_AFTER = new RegExp(`(?:st|nd|rd|th)?(?:\\s+of)?\\s+(?:${MONTHS})(?![\\p{L}])`, 'uy')
/** Words after which a four-digit number is read as a year even when a lower-case word follows ("in 2019 will fall"). */
const YEAR_CUES = new Set(
  'in since of from between and to by until till through during before after early late mid the a an this that for around circa fiscal season summer winter spring autumn fall or'.split(
    ' ',
  ),
)
/** Words after which a four-digit number is a year whatever precedes it ("an active 2017 when the port"): a count takes a noun. */
const AFTER_YEAR = new Set(
  'when as and or but the a with was were is are will would to in on at for after before by that which while has had have saw'.split(' '),
)
/** "category 4 hurricane", "phase 2": labels, not counts. */
const LABEL_BEFORE =
  /(?:^|[^\p{L}])(?:category|level|phase|stage|grade|article|section|chapter|page|route|flight|room|channel|number|no\.|nos\.|sp|ward|zone|gate|platform|terminal|track|episode|season|week|day|round|game)\s$/iu
/** Capitalised words that may directly precede a count ("In 14 cases", "About 70%"). */
const CAPITALISED_FUNCTION_WORDS = new Set(
  'in about over some nearly around the at by only just since from between more up almost roughly approximately with of for to and after before on among including another last all but while when as if so there then these those its his her their our my your a an another each every no that this what which who'.split(
    ' ',
  ),
)
const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '))
const STREET_AFTER =
  /(?:\s+\p{Lu}[\p{L}.]*){0,3}\s+(?:St|Street|Rd|Road|Ave|Avenue|Way|Lane|Ln|Blvd|Boulevard|Drive|Dr|Place|Pl|Square|Sq|Court|Ct|Terrace|Highway|Hwy)\b/uy
/** "five-year plan", "48-hour ceasefire": the number describes a duration adjective, not a count (NewsQuant skips most). */
const DURATION_ADJECTIVE_AFTER = /-(?:year|month|week|day|hour|minute)s?(?!-old)(?![\p{L}-])/uy
const TIME_AFTER = /(?::\d|\s?(?:a\.m\.|p\.m\.|am|pm|AM|PM|GMT|EDT|EST|PDT|PST|BST|UTC)(?![\p{L}]))/uy
const MINUS_BEFORE = /(?:^|[^\p{L}])minus\s$/iu
const RANGE_LEAD = /(?:^|\s)(between|from)\s+$/iu
const ORDINAL_AFTER = /(?:st|nd|rd|th)(?![\p{L}])/uy

/** The last words of QUALIFIERS ("at least" → "least"); "approx.", "~" and "≈" are left to the regex. */
const QUALIFIER_LAST_WORDS: ReadonlySet<string> = new Set([...QUALIFIERS.keys()].map((q) => q.split(' ').pop() as string))

/**
 * Whether a qualifier can end before `at` (past spaces): a cheap test before QUALIFIER_BEFORE, which most
 * numbers fail ("in 2019", "the 5"). The ASCII word before the spaces must be a qualifier's last word; any
 * character it cannot judge (non-ASCII, other whitespace, ".", "~") lets the regex decide.
 */
function mayEndQualifier(s: string, at: number): boolean {
  let k = at - 1
  const stop = Math.max(0, at - 24)
  while (k >= stop && s.charCodeAt(k) === 32) k--
  if (k < stop) return true
  const c = s.charCodeAt(k)
  if (c >= 128 || (c >= 9 && c <= 13) || c === 46 || c === 126) return true
  // The word as the regex sees it: within its 24-character window.
  let j = k
  while (j >= stop) {
    const d = s.charCodeAt(j)
    if (!((d >= 97 && d <= 122) || (d >= 65 && d <= 90))) break
    j--
  }
  if (j === k) return false
  if (j >= stop && s.charCodeAt(j) >= 128) return true
  return QUALIFIER_LAST_WORDS.has(s.slice(j + 1, k + 1).toLowerCase())
}

// ---------------------------------------------------------------------------
// Scanning

/** Where a number can start: a digit (or ".5"), or a word that can be part of one. */
const CANDIDATE =
  /(?<![0-9.,])(?:[.]?\d)|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozens?|scores|tens|hundreds|thousands|millions|billions|half|third|thirds|quarter|quarters)\b/gi
const DIGITS = /(\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d+)?(\.\d+)?/y
const FRACTION_TAIL = /\s?[/⁄]\s?(\d+)(?![\d/⁄])/uy
const WORD = /\p{L}+/uy
const WORD_SEPARATOR = /(?:\s+|-)(?=\p{L})/uy
const SCALE_AFTER = /(?:\s+|-)?(hundred|thousand|million|billion|trillion)(?![\p{L}])/iuy
const SUFFIX_MULTIPLIER_AFTER = /\s?(bn|bln|mn|mln|tn|trn|k|K|M|B|m|b)(?![\p{L}\p{N}])/uy
const RANGE_JOIN = /\s*(?:-|–|—|to|and|or|through)\s*/iuy
const RANGE_WORD_JOIN = /\s*(?:to|and|or|through)\s+|\s*[–—-]\s*/iuy
const RANGE_HIGH_PREFIX = /^-?(?:US ?\$|HK ?\$|\$|€|£)?$/u
const VAGUE_OF = /\s+of\s+(thousands|millions|billions)\b/iuy
const FRACTION_WORDS = /(?:(a|an|one|two|three)[\s-])?(half|third|thirds|quarter|quarters)(?=\s+(?:of|a|an)\b)/iuy
const OUT_OF = /\s+(?:out\s+of|in)\s+(\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)(?![\p{L}\p{N}])/iuy

/** One number found in the sentence, before qualifier/range assembly. */
interface Parsed {
  value: number
  vague: boolean
  /** Position of the number itself (after a currency marker). */
  start: number
  end: number
  /** Start including a currency marker or sign. */
  exprStart: number
  /** End including the unit. */
  exprEnd: number
  unit: string | null
  /** A multiplier was written ("million", "bn"): a range's low end inherits it. */
  multiplier: number | null
  words: boolean
  hasSeparatorOrDecimal: boolean
  /** "sub-7": the prefix itself bounds the number. */
  impliedQualifier: Qualifier | null
}

/**
 * Every quantity `sentence` states, in order of position. Spans are offsets
 * into the sentence plus `offset`.
 *
 * @example
 * findQuantities('At least 1,300 people died, up 5% from 2016.').map((q) => [q.value, q.qualifier, q.unit])
 * // => [[1300, 'at least', null], [5, 'exact', 'percent']]
 */
export function findQuantities(sentence: string, offset = 0): Quantity[] {
  const found: Quantity[] = []
  const s = sentence
  CANDIDATE.lastIndex = 0
  for (let match = CANDIDATE.exec(s); match !== null; match = CANDIDATE.exec(s)) {
    const first = parseNumber(s, match.index)
    if (first === null) continue
    if (first === 'skip') continue
    let quantity = first
    let high: Parsed | null = null
    const range = parseRangeEnd(s, first)
    if (range === 'reject') {
      CANDIDATE.lastIndex = Math.max(CANDIDATE.lastIndex, skipPast(s, first.exprEnd))
      continue
    }
    if (range !== null) {
      high = range
      // "$89 to $93 billion", "1 to 2 thousand"; but not "$200 to $4 million".
      if (quantity.multiplier === null && high.multiplier !== null && !quantity.words && quantity.value <= high.value / high.multiplier) {
        quantity = { ...quantity, value: quantity.value * high.multiplier }
      }
      if (quantity.unit === null && high.unit !== null) quantity = { ...quantity, unit: high.unit }
    }
    const last = high ?? quantity
    CANDIDATE.lastIndex = Math.max(CANDIDATE.lastIndex, last.exprEnd)
    let textStart = quantity.exprStart
    // "between 5 and 10", "from 240 to 273": the range words belong to the number.
    const rangeLead = high === null ? null : RANGE_LEAD.exec(s.slice(Math.max(0, textStart - 24), textStart))
    if (rangeLead !== null && rangeLead[1] !== undefined) textStart -= rangeLead[0].length - rangeLead[0].indexOf(rangeLead[1])
    const qualifierMatch = mayEndQualifier(s, textStart) ? QUALIFIER_BEFORE.exec(s.slice(Math.max(0, textStart - 24), textStart)) : null
    let spanStart = textStart
    let qualifier: Qualifier = quantity.impliedQualifier ?? 'exact'
    if (qualifierMatch !== null && qualifierMatch[1] !== undefined && !quantity.vague) {
      qualifier = QUALIFIERS.get(qualifierMatch[1].toLowerCase()) ?? 'exact'
      spanStart = textStart - (qualifierMatch[0].length - qualifierMatch[0].indexOf(qualifierMatch[1]))
    }
    const item: Quantity = {
      value: quantity.value,
      high: high === null ? null : high.value,
      vague: quantity.vague,
      qualifier,
      unit: quantity.unit ?? high?.unit ?? null,
      text: s.slice(textStart, last.end),
      span: { start: offset + spanStart, end: offset + Math.max(last.exprEnd, last.end) },
    }
    found.push(quantity.vague ? { ...item, range: vagueRange(quantity.value) } : item)
  }
  return found
}

/**
 * The counts a vague quantity can mean, from its order of magnitude: a plural
 * means at least two of the unit, and a writer who had reached the next
 * order would say so. "dozens" (12) → 24 to 99, "scores" (20) → 40 to 99,
 * "hundreds" (100) → 200 to 999, "tens of thousands" (10,000) → 20,000 to 99,999.
 *
 * @example
 * vagueRange(100) // => { low: 200, high: 999 }
 */
export function vagueRange(magnitude: number): { low: number; high: number } {
  const next = 10 ** (Math.floor(Math.log10(magnitude) + 1e-9) + 1)
  return { low: 2 * magnitude, high: next - 1 }
}

/**
 * A regex `(?<=…)` tried only at the end of a text (see `lastMatch`), for "the word before the number":
 * matched once backwards from the end rather than from every start position. Each gives the same
 * match and captures as its forward form (`/([\p{L}&]+)\s$/u`, `/(\p{L}+)\s+$/u`) on the same text.
 */
const NAME_WORD_BEFORE = /(?<=([\p{L}&]+)\s)/uy
const WORD_BEFORE_SPACES = /(?<=(\p{L}+)\s+)/uy

function lastMatch(regex: RegExp, text: string): RegExpExecArray | null {
  regex.lastIndex = text.length
  return regex.exec(text)
}

/** False only for a character that is surely not a letter: an ASCII non-letter (or no character). */
function mayBeLetter(c: number): boolean {
  return c >= 128 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
}

/** After a rejected "16-18" or "2-0", move past the whole run so its parts are not read alone. */
function skipPast(s: string, from: number): number {
  let i = from
  while (i < s.length && /[\d,.:\-–/]/u.test(s[i] ?? '')) i++
  return i
}

/** Reads the number starting at `at`, or null when there is none, or 'skip' when it is a date, a name or a time. */
function parseNumber(s: string, at: number, rangeEnd = false): Parsed | null | 'skip' {
  const c = s.charCodeAt(at)
  const isDigit = (c >= 48 && c <= 57) || (c === 46 && at + 1 < s.length)
  return isDigit ? parseDigits(s, at, rangeEnd) : parseWords(s, at)
}

/** `rangeEnd`: the number follows "5-" or "to-", so what is glued on its left is the range's joiner. */
function parseDigits(s: string, at: number, rangeEnd: boolean): Parsed | null | 'skip' {
  DIGITS.lastIndex = at
  const m = DIGITS.exec(s)
  if (m === null || m[0] === '' || m[0] === '.') return null
  let end = at + m[0].length
  const intText = m[1] ?? ''
  // Plain digits ("2019", the common case) need no cleaning before they are read.
  let value = m[2] === undefined && !intText.includes(',') ? Number(intText) : Number((intText.replaceAll(',', '') || '0') + (m[2] ?? ''))
  const hasSeparatorOrDecimal = intText.includes(',') || m[2] !== undefined
  // A run of dotted groups ("1.2.3", version numbers, dates like 10.03.2025) is not a quantity.
  if (s[end] === '.' && /\d/u.test(s[end + 1] ?? '')) {
    CANDIDATE.lastIndex = skipPast(s, end)
    return 'skip'
  }

  // What is glued on the left: a sign, a currency code, a word (names: "M21", "COVID-19", "TA-35").
  let exprStart = at
  let sign = 1
  let impliedQualifier: Qualifier | null = null
  const prev = s[at - 1] ?? ''
  if (rangeEnd) {
    // The joiner is not a sign.
  } else if (prev === '-' || prev === '−' || prev === '+') {
    const before = s.slice(Math.max(0, at - 12), at - 1)
    const glued = /(\p{L}+)$/u.exec(before)?.[1]
    if (glued !== undefined) {
      const lower = glued.toLowerCase()
      if (lower === 'minus') sign = -1
      else if (lower === 'sub') impliedQualifier = 'less than'
      // "her now-18 month-old daughter"; any other glued word is a name ("COVID-19", "TA-35").
      else if (lower !== 'now') return 'skip'
      exprStart = at - 1 - glued.length
    } else if (prev !== '+' && (before === '' || /[\s($=]$/u.test(before))) {
      // "-1.3", "$-50.8bn"; but "COVID -19" (a name before) stays a name.
      if (/\p{Lu}{2,}\s$/u.test(before)) return 'skip'
      sign = -1
      exprStart = at - 1
    } else if (prev === '+') {
      exprStart = at - 1
    } else {
      return 'skip'
    }
  } else if (/\p{L}/u.test(prev)) {
    if (currencyBefore(s, at) === null) return 'skip'
  }
  // "minus 5": only looked for when the character before the space could end "minus" (an "s", or a long s under case folding).
  const beforeSpace = s.charCodeAt(exprStart - 2)
  if ((beforeSpace === 115 || beforeSpace === 83 || beforeSpace === 0x17f) && MINUS_BEFORE.test(s.slice(Math.max(0, exprStart - 7), exprStart))) sign = -1

  // Fractions: "1/16", "1⁄32" (but not dates "3/4/2025").
  FRACTION_TAIL.lastIndex = end
  const fraction = m[2] === undefined && !intText.includes(',') ? FRACTION_TAIL.exec(s) : null
  if (fraction !== null && fraction[1] !== undefined) {
    const denominator = Number(fraction[1])
    if (denominator === 0) return 'skip'
    value = value / denominator
    end += fraction[0].length
  }

  // Currency before.
  const currency = currencyBefore(s, exprStart)
  let unit: string | null = null
  if (currency !== null && currency[1] !== undefined) {
    unit = currencyUnit(currency[1])
    exprStart -= currency[0].length
  }

  // What follows: a time, an ordinal, a month, a glued name.
  TIME_AFTER.lastIndex = end
  if (TIME_AFTER.test(s)) {
    CANDIDATE.lastIndex = skipPast(s, end)
    return 'skip'
  }
  ORDINAL_AFTER.lastIndex = end
  if (ORDINAL_AFTER.test(s)) return 'skip'
  if (s[end] === 's' && !/\p{L}/u.test(s[end + 1] ?? '')) return 'skip' // "2018s", "1990s", "Model 3s"
  if (value >= 1000 && /^['’′]s/u.test(s.slice(end, end + 2))) return 'skip' // "2022′s"
  if (mayBeLetter(s.charCodeAt(end)) && /^\p{L}+\d/u.test(s.slice(end, end + 8)) && !/^(?:k?m|cm)[2²](?!\d)/u.test(s.slice(end, end + 4))) return 'skip' // "9AB8", postcodes

  const isPlainInteger = !hasSeparatorOrDecimal && fraction === null
  if (isPlainInteger && unit === null && value >= 1 && value <= 31) {
    if (MONTH_BEFORE.test(s.slice(Math.max(0, exprStart - 12), exprStart))) return 'skip'
    MONTH_AFTER.lastIndex = end
    if (MONTH_AFTER.test(s)) return 'skip'
  }
  STREET_AFTER.lastIndex = skipRangeTail(s, end)
  if (isPlainInteger && STREET_AFTER.test(s)) {
    CANDIDATE.lastIndex = skipPast(s, end)
    return 'skip'
  }
  DURATION_ADJECTIVE_AFTER.lastIndex = end
  if (DURATION_ADJECTIVE_AFTER.test(s)) return 'skip'

  // Multipliers: "1.2 million", "4 hundred million", "$3bn", "5k".
  let multiplier: number | null = null
  for (;;) {
    SCALE_AFTER.lastIndex = end
    const scale = SCALE_AFTER.exec(s)
    if (scale === null || scale[1] === undefined) break
    const factor = SCALES.get(scale[1].toLowerCase()) ?? 1
    value *= factor
    multiplier = (multiplier ?? 1) * factor
    end += scale[0].length
  }
  if (multiplier === null) {
    SUFFIX_MULTIPLIER_AFTER.lastIndex = end
    const suffix = SUFFIX_MULTIPLIER_AFTER.exec(s)
    const letter = suffix?.[1]
    // "37m" is a length and "16 b" a byte count unless money is involved.
    if (suffix !== null && letter !== undefined && (unit !== null || (letter !== 'm' && letter !== 'b'))) {
      const factor = SUFFIX_MULTIPLIERS.get(letter) ?? 1
      value *= factor
      multiplier = factor
      end += suffix[0].length
    }
  }
  value *= sign

  // Unit after.
  let exprEnd = end
  const after = readUnit(s, end)
  if (after !== null) {
    if (unit === null || after.unit === 'percent') unit = after.unit
    exprEnd = after.end
  }

  if (isPlainInteger && multiplier === null && unit === null && value >= 1500 && value <= 2200) {
    if (isYear(s, exprStart, end)) {
      CANDIDATE.lastIndex = skipYearSpan(s, end)
      return 'skip'
    }
  }
  if (isPlainInteger && unit === null && multiplier === null) {
    if (partOfName(s, exprStart)) return 'skip'
    if (LABEL_BEFORE.test(s.slice(Math.max(0, exprStart - 12), exprStart))) return 'skip'
    // "Senard, 65, now faces": an age in apposition, not a count.
    if (
      value < 120 &&
      s.charCodeAt(end) === 44 &&
      /^,\s/u.test(s.slice(end, end + 2)) &&
      /\p{Lu}\p{L}+,\s$/u.test(s.slice(Math.max(0, exprStart - 20), exprStart))
    ) {
      return 'skip'
    }
  }

  return {
    value,
    vague: false,
    start: at,
    end,
    exprStart,
    exprEnd,
    unit,
    multiplier,
    words: false,
    hasSeparatorOrDecimal,
    impliedQualifier,
  }
}

/** The end of "16-18" after "16", so an address check sees the street name. */
function skipRangeTail(s: string, end: number): number {
  if (s.charCodeAt(end) !== 45) return end
  const m = /^-\d+/u.exec(s.slice(end, end + 8))
  return m === null ? end : end + m[0].length
}

function readUnit(s: string, at: number): { unit: string; end: number } | null {
  // Every unit starts with a letter, "%" or a non-ASCII sign ("°", "€"), after at most a space or a hyphen.
  const c = s.charCodeAt(at)
  if (c < 128 && !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 32 || (c >= 9 && c <= 13) || c === 45 || c === 37)) return null
  UNIT_SYMBOL_AFTER.lastIndex = at
  const symbol = UNIT_SYMBOL_AFTER.exec(s)
  UNIT_WORD_AFTER.lastIndex = at
  const word = UNIT_WORD_AFTER.exec(s)
  // Prefer the longer reading ("5 min" vs "5 minutes", "10 m" vs "10 miles").
  if (word !== null && word[1] !== undefined && (symbol === null || word[0].length >= symbol[0].length)) {
    return { unit: UNIT_WORDS.get(word[1].toLowerCase()) ?? word[1].toLowerCase(), end: at + word[0].length }
  }
  if (symbol !== null && symbol[1] !== undefined) {
    // A lone capital after a space is too often a word or an initial ("5 C" is rare; "Group 5 A" is not).
    if (symbol[0].startsWith(' ') && /^[CFVWlhtgmp]$/u.test(symbol[1])) {
      if (symbol[1] !== 'W' && symbol[1] !== 'p') return null
    }
    return { unit: UNIT_SYMBOLS.get(symbol[1]) ?? symbol[1], end: at + symbol[0].length }
  }
  return null
}

function currencyUnit(marker: string): string {
  for (const [pattern, unit] of CURRENCY_UNITS) if (pattern.test(marker)) return unit
  return 'dollar'
}

/** A bare four-digit number from 1000 to 2100 is a year unless it plainly counts something ("2000 people said"). */
function isYear(s: string, start: number, end: number): boolean {
  // The word after decides most cases, so the word before is read only when it does not.
  const nextWord = /^\s+(\p{L}+)/u.exec(s.slice(end, end + 16))?.[1]
  if (nextWord === undefined) return true
  if (!/^\p{Ll}/u.test(nextWord)) return true
  if (AFTER_YEAR.has(nextWord)) return true
  const prevWord = /(\p{L}+)\W*$/u.exec(s.slice(Math.max(0, start - 16), start))?.[1]
  if (prevWord === undefined) return true
  if (YEAR_CUES.has(prevWord.toLowerCase())) return true
  if (MONTH_BEFORE.test(s.slice(Math.max(0, start - 16), start))) return true
  return !/^\p{Ll}/u.test(prevWord)
}

/** "2015-16", "2014-2017": skip the whole span. */
function skipYearSpan(s: string, end: number): number {
  const m = /^[-–/](?:\d{4}|\d{2})(?!\d)/u.exec(s.slice(end, end + 6))
  return m === null ? end : end + m[0].length
}

/** A number right after a capitalised word that is not a function word: "iPhone 11", "S&P 500", "Game 7", "Lang 20". */
function partOfName(s: string, start: number): boolean {
  // The word must end right before the space: an ASCII character other than a letter or "&" there rules it out.
  if (!mayBeLetter(s.charCodeAt(start - 2)) && s.charCodeAt(start - 2) !== 38) return false
  const m = lastMatch(NAME_WORD_BEFORE, s.slice(Math.max(0, start - 24), start))
  const word = m?.[1]
  if (word === undefined) return false
  if (!/\p{Lu}/u.test(word)) return false
  const lower = word.toLowerCase()
  if (CAPITALISED_FUNCTION_WORDS.has(lower) || WEEKDAYS.has(lower)) return false
  // Sentence-initial capitals are not names ("Officials 12" never occurs, "Only 12 people" does).
  const wordStart = start - 1 - word.length
  return wordStart > 0
}

function parseWords(s: string, at: number): Parsed | null | 'skip' {
  // Vague quantities: "dozens", "hundreds of thousands".
  WORD.lastIndex = at
  const first = WORD.exec(s)?.[0]
  if (first === undefined) return null
  const lower = first.toLowerCase()
  const vague = VAGUE.get(lower)
  if (vague !== undefined) {
    let value = vague
    let end = at + first.length
    VAGUE_OF.lastIndex = end
    const of = VAGUE_OF.exec(s)
    if (of !== null && of[1] !== undefined) {
      value *= VAGUE.get(of[1].toLowerCase()) ?? 1
      end += of[0].length
    } else if (lower === 'tens' || lower === 'scores' || lower === 'millions' || lower === 'billions') {
      if (!/^\s+of\b/iu.test(s.slice(end, end + 4))) return null
    }
    // "several hundreds" is vague enough not to be annotated either way; a number before makes it a count.
    if (/\d\s*$/u.test(s.slice(Math.max(0, at - 2), at))) return null
    return wordResult(value, true, at, end, s)
  }

  // Fractions: "half of", "a third of", "two-thirds of".
  const fractionStart = lookBackArticle(s, at)
  FRACTION_WORDS.lastIndex = fractionStart
  const fraction = FRACTION_WORDS.exec(s)
  const needsCount = fraction?.[2] !== undefined && fraction[2].toLowerCase() !== 'half'
  if (fraction !== null && fraction[2] !== undefined && fraction.index + fraction[0].length > at && (!needsCount || fraction[1] !== undefined)) {
    const denominators: Record<string, number> = { half: 2, third: 3, thirds: 3, quarter: 4, quarters: 4 }
    const count = fraction[1] === undefined ? 1 : (SMALL_NUMBERS.get(fraction[1].toLowerCase()) ?? 1)
    const denominator = denominators[fraction[2].toLowerCase()] ?? 1
    return wordResult(count / denominator, false, fractionStart, fractionStart + fraction[0].length, s)
  }
  if (lower === 'half' || lower === 'third' || lower === 'thirds' || lower === 'quarter' || lower === 'quarters') return null
  if (lower === 'dozen' && !/(?:^|\s)an?\s+$/iu.test(s.slice(Math.max(0, at - 4), at))) return null

  // Capitalised number words inside a sentence are names ("Formula One", "BBC Two").
  if (/^\p{Lu}/u.test(first) && at > 0 && !/[.!?"“:]\s*$/u.test(s.slice(Math.max(0, at - 3), at))) {
    if (/\p{L}/u.test(s.slice(Math.max(0, at - 2), at))) return null
    const prev = lastMatch(WORD_BEFORE_SPACES, s.slice(Math.max(0, at - 20), at))?.[1]
    if (prev !== undefined && /^\p{Lu}/u.test(prev)) return null
  }

  let start = at
  // "a dozen", "a hundred", "a million", "half a million".
  const article = /(?:^|[^\p{L}])((?:half\s+)?an?)\s+$/iu.exec(s.slice(Math.max(0, at - 10), at))
  let value = 0
  let current = 0
  let any = false
  let end = at
  let pos = at
  let lastWasScale = false
  let hasScale = false
  if (article !== null && article[1] !== undefined && SCALES.has(lower)) {
    current = article[1].toLowerCase().startsWith('half') ? 0.5 : 1
    start = at - (article[0].length - article[0].indexOf(article[1]))
  }
  for (;;) {
    WORD.lastIndex = pos
    const word = WORD.exec(s)?.[0]
    if (word === undefined) break
    const w = word.toLowerCase()
    const small = SMALL_NUMBERS.get(w)
    const scale = SCALES.get(w)
    if (small !== undefined) {
      if (any && !lastWasScale && current % 10 === 0 && current >= 20 && small < 10) current += small
      else if (any && !lastWasScale) break
      else current += small
      lastWasScale = false
    } else if (scale !== undefined) {
      if (!any && current === 0) current = 1
      if (scale === 100 || scale === 12) current *= scale
      else {
        value += current * scale
        current = 0
      }
      lastWasScale = true
      hasScale = true
    } else break
    any = true
    end = pos + word.length
    WORD_SEPARATOR.lastIndex = end
    const sep = WORD_SEPARATOR.exec(s)
    if (sep === null) break
    pos = end + sep[0].length
    // "one hundred and twenty"
    const andMatch = /^and\s+/iu.exec(s.slice(pos, pos + 5))
    if (andMatch !== null && hasScale) pos += andMatch[0].length
  }
  if (!any) return null
  value += current
  // Standalone "hundred"/"thousand" without "a" or a number is not a quantity ("hundred-year flood" is rare).
  if (start === at && SCALES.has(lower) && lower !== 'dozen') return null
  if (lower === 'one' && value === 1 && isPronounOne(s, at, end)) return null
  // "five-year plan", "two-month contract"
  DURATION_ADJECTIVE_AFTER.lastIndex = end
  if (DURATION_ADJECTIVE_AFTER.test(s)) return null
  // "one out of three", "one in five": a proportion.
  OUT_OF.lastIndex = end
  const outOf = value <= 10 ? OUT_OF.exec(s) : null
  if (outOf !== null && outOf[1] !== undefined && (outOf[0].toLowerCase().includes('out') || lower === 'one')) {
    const denominator = Number(outOf[1]) || SMALL_NUMBERS.get(outOf[1].toLowerCase()) || (outOf[1].toLowerCase() === 'hundred' ? 100 : 0)
    if (denominator > 0) return wordResult(value / denominator, false, start, end + outOf[0].length, s)
  }
  return wordResult(value, false, start, end, s)
}

/** "one" as a pronoun or determiner of identity rather than a count: "each one", "the same one", "one another". */
function isPronounOne(s: string, at: number, end: number): boolean {
  const prev = lastMatch(WORD_BEFORE_SPACES, s.slice(Math.max(0, at - 12), at))?.[1]?.toLowerCase()
  if (prev !== undefined && /^(?:each|same|the|this|that|any|no|every|which|another|only|such|no-one|someone|anyone)$/u.test(prev)) {
    if (prev !== 'only') return true
  }
  const next = s.slice(end, end + 12)
  if (/^\s+(?:another|day|way|thing|time)\b/iu.test(next)) return true
  if (/^\s+\d/u.test(next)) return true
  if (/^-/u.test(next)) return true
  return false
}

function lookBackArticle(s: string, at: number): number {
  const m = /(?:^|[^\p{L}])((?:an?|one|two|three)[\s-])$/iu.exec(s.slice(Math.max(0, at - 7), at))
  return m === null || m[1] === undefined ? at : at - m[1].length
}

function wordResult(value: number, vague: boolean, start: number, end: number, s: string): Parsed {
  let multiplier: number | null = null
  let v = value
  let e = end
  if (!vague) {
    SCALE_AFTER.lastIndex = end
    const scale = SCALE_AFTER.exec(s)
    if (scale !== null && scale[1] !== undefined) {
      multiplier = SCALES.get(scale[1].toLowerCase()) ?? 1
      v *= multiplier
      e += scale[0].length
    }
  }
  const currency = currencyBefore(s, start)
  let unit: string | null = null
  let exprStart = start
  if (currency !== null && currency[1] !== undefined && !vague) {
    unit = currencyUnit(currency[1])
    exprStart -= currency[0].length
  }
  const after = readUnit(s, e)
  let exprEnd = e
  if (after !== null && !/^\s?(?:p|W|m|g|h|t|l)\b/u.test(s.slice(e, e + 3))) {
    unit = unit === null || after.unit === 'percent' ? after.unit : unit
    exprEnd = after.end
  }
  return {
    value: v,
    vague,
    start,
    end: e,
    exprStart,
    exprEnd,
    unit,
    multiplier,
    words: true,
    hasSeparatorOrDecimal: false,
    impliedQualifier: null,
  }
}

/**
 * The high end of a range starting at `low`: "5-10", "5 to 10", "between 5 and
 * 10", "three or four", "from 240 (…) to 273". 'reject' for a score or a
 * decreasing hyphen pair ("2-0", "89-89"), which is not a quantity at all.
 */
function parseRangeEnd(s: string, low: Parsed): Parsed | null | 'reject' {
  const before = s.slice(Math.max(0, low.exprStart - 10), low.exprStart)
  const afterBetween = /(?:^|\s)between\s+$/iu.test(before)
  const afterFrom = /(?:^|\s)from\s+(?:up\s+to\s+)?$/iu.test(s.slice(Math.max(0, low.exprStart - 16), low.exprStart))
  const afterBy = /(?:^|\s)by\s+$/iu.test(before)
  const join = low.words ? RANGE_WORD_JOIN : RANGE_JOIN
  join.lastIndex = low.exprEnd
  let m = join.exec(s)
  let joinEnd = m === null ? -1 : low.exprEnd + m[0].length
  // "from $36,040 at 10.45pm last night to $34,935": a few words may sit between the two ends.
  if (m === null && afterFrom) {
    const window = s.slice(low.exprEnd, low.exprEnd + 60)
    const to = /^[^;:()]{1,50}?\s(to)\s+/u.exec(window)
    if (to !== null && !/\bfrom\b/iu.test(to[0])) {
      m = to
      joinEnd = low.exprEnd + to[0].length
    }
  }
  if (m === null) return null
  const joiner = m[0].trim().toLowerCase()
  const isHyphen = joiner === '-' || joiner === '–' || joiner === '—'
  if (joiner === 'and' && !afterBetween) return null
  if (joiner === 'or' && !(low.words && low.value < 100)) return null
  // "increased by $43.6 billion to $419.2 billion" is a change and a level; "dropped by 1 to 1.5 degrees" a range.
  if (joiner.endsWith('to') && afterBy && low.unit !== null) return null
  const c = s.charCodeAt(joinEnd)
  const startsNumber = (c >= 48 && c <= 57) || s[joinEnd] === '$' || s[joinEnd] === '€' || s[joinEnd] === '£'
  if (!startsNumber && !low.words) {
    if (!/^(?:US ?\$|HK ?\$|\$|PS|Y=|RM|USD|€|£)/u.test(s.slice(joinEnd, joinEnd + 4))) return null
  }
  const numberAt = s.slice(joinEnd).search(/[\d.]|\p{L}/u)
  // Only a currency marker or a stray hyphen ("to-260,000") may sit between the joiner and the number.
  if (numberAt < 0 || !RANGE_HIGH_PREFIX.test(s.slice(joinEnd, joinEnd + numberAt))) return null
  const saved = CANDIDATE.lastIndex
  const high = parseNumber(s, joinEnd + numberAt, true)
  CANDIDATE.lastIndex = saved
  if (high === null || high === 'skip' || high.vague) return null
  if (low.unit !== null && high.unit !== null && low.unit !== high.unit) return null
  // "rose 8.15% to 3.65": a change and a level, unless "from" says otherwise ("from 208 pounds to 193").
  if (low.unit !== null && high.unit === null && !afterFrom && !isHyphen) return null
  if (isHyphen) {
    // Scores and results: "2-0", "89-89"; a real range rises.
    if (!(high.value > low.value)) return low.words ? null : 'reject'
    if (/\s/u.test(m[0]) && !/[–—]/u.test(m[0]) && low.unit === null && high.unit === null) return null
  }
  if (joiner === 'or' && !(high.value > low.value)) return null
  return high
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')
}
