/**
 * The report as Markdown, for notes and issue trackers. Article text is
 * escaped so a headline cannot become a link, an image or raw HTML.
 */
import { measureLabel } from './compare-figures.js'
import type { DiffRun, StoryReport } from './types.js'
import { plural } from '../text/plural.js'
import { withBasis } from './timeline.js'
import { lineageLabel } from '../stories/member-lineage.js'

/** Escapes Markdown syntax and HTML in text; pipes too, since most of it lands in table cells. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+!|<>~]/gu, (c) => `\\${c}`)
    .replace(/&/gu, '&amp;')
    .replace(/\r?\n/gu, ' ')
}

/** @example renderMarkdown(report).split('\n')[0] // => '# Story 1: Korvel Dam collapse kills at least 41 in Dravel province, dozens missing' */
export function renderMarkdown(report: StoryReport): string {
  const e = escapeMarkdown
  const { story } = report
  const label = new Map(report.sources.map((s) => [s.id, s.label]))
  const name = (id: string | null) => e(id === null ? '?' : (label.get(id) ?? id.slice(0, 8)))
  const md: string[] = []
  md.push(`# Story ${story.id}: ${e(story.label ?? '(no title)')}`, '')
  md.push(
    `${plural(story.counts.sources, 'source')} from ${plural(story.counts.outlets, 'outlet')} in ${plural(story.counts.evidenceGroups, 'independent evidence group')}; ${story.firstSeen.slice(0, 10)} to ${story.lastSeen.slice(0, 10)}.`,
    '',
  )

  md.push('## Sources', '', '| group | source | date | lineage | title |', '| --- | --- | --- | --- | --- |')
  for (const s of report.sources) {
    const lineage = lineageLabel(s.lineage, name)
    md.push(`| ${s.evidenceGroup} | ${e(s.label)} | ${s.published?.slice(0, 10) ?? 'undated'} | ${lineage} | ${e(s.title ?? '(no title)')} |`)
  }
  md.push('', 'Sources in one evidence group share text and count once as corroboration.', '')

  md.push('## Figures', '')
  for (const g of report.figureGroups) {
    const scope = [g.where, g.window].filter((x) => x !== null).join(', ')
    md.push(`### ${g.id} ${e(measureLabel(g))}${scope === '' ? '' : ` (${e(scope)})`}: **${g.verdict}**`, '', e(g.reason), '')
    md.push('| source | figure | reported by | where | when | date |', '| --- | --- | --- | --- | --- | --- |')
    for (const c of g.claims) {
      const number = c.vague
        ? c.text
        : `${c.qualifier === 'exact' ? '' : `${c.qualifier} `}${c.value.toLocaleString('en-US')}${c.high !== null && c.high > c.value ? `–${c.high.toLocaleString('en-US')}` : ''}`
      md.push(
        `| ${e(c.sourceLabel)} [${c.evidenceGroup}] | ${e(number)} | ${e(c.reportedBy ?? 'unattributed')} | ${e(c.where ?? '')} | ${e(c.when ?? '')} | ${c.date ?? ''} |`,
      )
    }
    md.push('')
    if (g.claims.length > 1)
      md.push(
        `Low ${e(g.summary.low.text)} (${e(g.summary.low.sourceLabels.join(', '))}); high ${e(g.summary.high.text)} (${e(g.summary.high.sourceLabels.join(', '))}); best ${e(g.summary.best.text)} (compatible with ${g.summary.best.corroboration} evidence groups).`,
        '',
      )
    for (const r of g.related) md.push(`- not comparable with ${r.group}: ${e(r.reason)}`)
    if (g.related.length > 0) md.push('')
  }

  md.push('## Quotations', '')
  for (const q of report.quotes) {
    md.push(
      `- **${e(q.speaker ?? '(speaker not named)')}**: “${e(q.text)}” (${e([...new Set(q.carriers.map((c) => c.sourceLabel))].join(', '))}; ${q.evidenceGroups} evidence group${q.evidenceGroups === 1 ? '' : 's'})`,
    )
    for (const v of q.variants) md.push(`  - wording in ${v.articleIds.map(name).join(', ')}: ${diffMarkdown(v.diff)}`)
    if (q.speakerDisagreement !== null)
      md.push(`  - **speaker differs**: ${q.speakerDisagreement.map((s) => `${e(s.speaker ?? '?')} (${s.articleIds.map(name).join(', ')})`).join(' against ')}`)
  }
  md.push('', '## What each source adds or leaves out', '')
  for (const s of report.addsOmits) {
    if (s.adds.length === 0 && s.omits.length === 0) continue
    md.push(`- **${e(s.sourceLabel)}** [${s.evidenceGroup}]`)
    for (const a of s.adds) md.push(`  - adds: ${e(a.text)}`)
    for (const o of s.omits) md.push(`  - leaves out: ${e(o.text)}`)
  }
  md.push('', '## Naming', '')
  for (const n of report.naming) md.push(`- **${e(n.name)}** (${n.kind}): ${n.forms.map((f) => `${e(f.sourceLabel)}: ${e(f.forms.join(' / '))}`).join('; ')}`)
  md.push('', '## Timeline', '')
  for (const t of report.timeline) md.push(`- ${t.date}: ${e(t.event)} (${e(t.sources.map((s) => withBasis(s.sourceLabel, s.dateBasis)).join(', '))})`)
  md.push('')
  return `${md.join('\n')}\n`
}

function diffMarkdown(diff: readonly DiffRun[]): string {
  return diff
    .map((d) => (d.kind === 'same' ? escapeMarkdown(d.text) : d.kind === 'removed' ? `~~${escapeMarkdown(d.text)}~~` : `**${escapeMarkdown(d.text)}**`))
    .join(' ')
}
