/**
 * The report for a terminal: plain text, sections in the order a reader
 * asks the questions (who, from whom, what numbers, who said what, what is
 * missing, how they name things, when).
 */
import { measureLabel } from './compare-figures.js'
import type { DiffRun, FigureClaim, StoryReport } from './types.js'
import { plural } from '../text/plural.js'
import { withBasis } from './timeline.js'
import { lineageLabel } from '../stories/member-lineage.js'

export interface RenderTextOpts {
  /** Aligned sentence pairs shown per relation (0 hides them). @default 3 */
  readonly passages?: number
}

/** @example renderText(report).split('\n')[0] // => 'Story 1: Korvel Dam collapse kills at least 41 in Dravel province, dozens missing' */
export function renderText(report: StoryReport, opts: RenderTextOpts = {}): string {
  const maxPassages = opts.passages ?? 3
  const out: string[] = []
  const { story } = report
  const label = new Map(report.sources.map((s) => [s.id, s.label]))
  const name = (id: string | null) => (id === null ? '?' : (label.get(id) ?? id.slice(0, 8)))
  out.push(`Story ${story.id}: ${story.label ?? '(no title)'}`)
  if (story.askedFor !== story.id) out.push(`(story ${story.askedFor} was merged into this one)`)
  out.push(
    `${plural(story.counts.sources, 'source')}, ${plural(story.counts.outlets, 'outlet')}, ${plural(story.counts.evidenceGroups, 'independent evidence group')}; ${story.firstSeen.slice(0, 10)} to ${story.lastSeen.slice(0, 10)}`,
  )

  section(out, 'Sources')
  for (const s of report.sources) {
    const lineage = lineageLabel(s.lineage, name)
    out.push(
      `  [${s.evidenceGroup}] ${s.label} · ${s.published?.slice(0, 10) ?? 'undated'} · ${lineage}${s.creditedSource === null ? '' : ` · credits ${s.creditedSource}`}`,
    )
    out.push(`      ${s.title ?? '(no title)'}${s.titleDerived ? ' (derived title)' : ''}`)
  }
  out.push('  [n] = evidence group: sources in one group share text and count once as corroboration.')
  for (const g of report.evidenceGroups) if (g.members.length > 1) out.push(`  group ${g.id}: ${g.why}`)

  section(out, 'Figures')
  if (report.figureGroups.length === 0) out.push('  (no figures found)')
  for (const g of report.figureGroups) {
    const scope = [g.where, g.window].filter((x) => x !== null).join(', ')
    out.push(`  ${g.id} ${measureLabel(g)}${scope === '' ? '' : ` (${scope})`}: ${g.verdict.toUpperCase()}: ${g.reason}`)
    for (const c of g.claims) out.push(`      ${claimLine(c)}`)
    if (g.claims.length > 1) {
      out.push(
        `      low ${g.summary.low.text} (${g.summary.low.sourceLabels.join(', ')}) · high ${g.summary.high.text} (${g.summary.high.sourceLabels.join(', ')}) · best ${g.summary.best.text} (${g.summary.best.corroboration} group${g.summary.best.corroboration === 1 ? '' : 's'})`,
      )
    }
    for (const f of g.findings.filter((f) => !g.reason.startsWith(f.reason))) out.push(`      also ${f.verdict}: ${f.reason}`)
    for (const r of g.related) out.push(`      not comparable with ${r.group}: ${r.reason}`)
  }

  section(out, 'Quotations')
  if (report.quotes.length === 0) out.push('  (no quotations found)')
  for (const quote of report.quotes) {
    out.push(`  ${quote.id} ${quote.speaker ?? '(speaker not named)'}: “${quote.text}”`)
    out.push(
      `      carried by ${[...new Set(quote.carriers.map((c) => c.sourceLabel))].join(', ')} (${quote.evidenceGroups} group${quote.evidenceGroups === 1 ? '' : 's'})`,
    )
    for (const v of quote.variants) out.push(`      wording in ${v.articleIds.map(name).join(', ')}: ${diffText(v.diff)}`)
    if (quote.speakerDisagreement !== null) {
      out.push(`      SPEAKER DIFFERS: ${quote.speakerDisagreement.map((s) => `${s.speaker ?? '?'} (${s.articleIds.map(name).join(', ')})`).join(' against ')}`)
    }
  }

  section(out, 'What each source adds or leaves out')
  for (const s of report.addsOmits) {
    if (s.adds.length === 0 && s.omits.length === 0) continue
    out.push(`  ${s.sourceLabel} [${s.evidenceGroup}]`)
    for (const a of s.adds) out.push(`      + ${a.text}`)
    for (const o of s.omits) out.push(`      − ${o.text} (carried by ${o.evidenceGroups} groups)`)
  }

  section(out, 'Naming')
  if (report.naming.length === 0) out.push('  (no entity named by two sources)')
  for (const n of report.naming) {
    out.push(`  ${n.name} (${n.kind})${n.variesAcrossSources ? '' : ' — same forms everywhere'}`)
    if (n.variesAcrossSources) for (const f of n.forms) out.push(`      ${f.sourceLabel}: ${f.forms.join(' / ')}`)
  }

  section(out, 'Timeline')
  if (report.timeline.length === 0) out.push('  (no dated events found)')
  for (const t of report.timeline) out.push(`  ${t.date}  ${t.event}  [${t.sources.map((s) => withBasis(s.sourceLabel, s.dateBasis)).join(', ')}]`)

  if (maxPassages > 0 && report.alignedPassages.length > 0) {
    section(out, 'Aligned passages')
    for (const p of report.alignedPassages) {
      out.push(`  ${p.kind}: ${name(p.from)} ${p.directed ? '→' : '—'} ${name(p.to)} (${p.alignedSentences} aligned sentences)`)
      for (const pair of p.pairs.slice(0, maxPassages)) out.push(`      ${diffText(pair.diff)}`)
    }
  }
  return `${out.join('\n')}\n`
}

function section(out: string[], title: string): void {
  out.push('', title, '─'.repeat(title.length))
}

function claimLine(c: FigureClaim): string {
  const detail = [c.reportedBy === null ? 'unattributed' : `per ${c.reportedBy}`, c.where, c.when, c.date].filter((x) => x !== null).join('; ')
  const number = c.vague
    ? c.text
    : `${c.qualifier === 'exact' ? '' : `${c.qualifier} `}${c.high !== null && c.high > c.value ? `${c.value.toLocaleString('en-US')}–${c.high.toLocaleString('en-US')}` : c.value.toLocaleString('en-US')}`
  return `${c.sourceLabel} [${c.evidenceGroup}]: ${number} (${detail})`
}

/** A word diff inline: [-removed-] {+added+}. */
export function diffText(diff: readonly DiffRun[]): string {
  return diff.map((d) => (d.kind === 'same' ? d.text : d.kind === 'removed' ? `[-${d.text}-]` : `{+${d.text}+}`)).join(' ')
}
