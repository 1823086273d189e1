/**
 * Datelines: a line that is nothing but the publication date ("Tuesday,
 * March 11, 2025", "Published: 3 May 2026 14:05"). Such a line is page
 * furniture whose content is the article's date. A date inside a sentence or
 * a photo caption is not a dateline.
 */
import type { DateParser, ParsedDate } from '../types.js'
import { words } from './normalize.js'

const DATE_LABEL = /^(?:published|posted|updated|last updated|first published|date|issued)\s*(?:on|at)?\s*[:\-–—]?\s*/iu
const LEFTOVER_NOISE = /^(?:at|on|am|pm|gmt|utc|[a-z]{2,4}t|edt|est|cet|cest|bst|ist|msk|\+?\d{1,2}:?\d{0,2})$/iu

/**
 * The date a dateline states, or null when the line is more than a date.
 * `parseDate` is the date-parsing strategy (the ingest edge passes one built
 * on a date library).
 */
export function readDateline(line: string, parseDate: DateParser): ParsedDate | null {
  const text = line.trim()
  if (words(text).length > 12) return null
  const label = DATE_LABEL.exec(text)
  const rest = label === null ? text : text.slice(label[0].length)
  const parsed = parseDate(rest)
  if (parsed === null) return null
  const leftover = words(rest.slice(0, parsed.start) + ' ' + rest.slice(parsed.end)).filter((word) => !LEFTOVER_NOISE.test(word))
  return leftover.length === 0 ? parsed : null
}
