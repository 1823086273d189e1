/**
 * The figures and quotations of one or more reports as one CSV table
 * (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break), one row per claim per source, for
 * spreadsheets.
 */
import { measureLabel } from './compare-figures.js'
import type { StoryReport } from './types.js'

export const CSV_COLUMNS = [
  'story',
  'type',
  'group',
  'verdict',
  'measure',
  'source',
  'article_id',
  'evidence_group',
  'value',
  'high',
  'qualifier',
  'as_written',
  'reported_by',
  'where',
  'when',
  'date',
  'speaker',
  'quote',
  'sentence',
] as const

/**
 * One CSV cell. A cell a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return) gets a leading apostrophe: article
 * text is untrusted, and "=HYPERLINK(…)" in a headline must stay text.
 *
 * @example csvCell('=1+1') // => "'=1+1"
 * @example csvCell('He said, "no"') // => '"He said, ""no"""'
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/u.test(text)) text = `'${text}`
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text
}

/** @example renderCsv([report]).split('\r\n')[0] // => 'story,type,group,verdict,measure,…' */
export function renderCsv(reports: readonly StoryReport[]): string {
  const rows: (string | number | null)[][] = [[...CSV_COLUMNS]]
  for (const report of reports) {
    const story = report.story.id
    for (const group of report.figureGroups) {
      for (const c of group.claims) {
        rows.push([
          story,
          'figure',
          group.id,
          group.verdict,
          measureLabel(group),
          c.sourceLabel,
          c.articleId,
          c.evidenceGroup,
          c.value,
          c.high,
          c.qualifier,
          c.text,
          c.reportedBy,
          c.where,
          c.when,
          c.date,
          null,
          null,
          c.sentence,
        ])
      }
    }
    for (const quote of report.quotes) {
      for (const c of quote.carriers) {
        rows.push([
          story,
          'quote',
          quote.id,
          quote.speakerDisagreement === null ? null : 'speaker differs',
          null,
          c.sourceLabel,
          c.articleId,
          c.evidenceGroup,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          c.speaker,
          c.text,
          null,
        ])
      }
    }
  }
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
