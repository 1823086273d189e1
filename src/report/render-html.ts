/**
 * The report as ONE self-contained HTML file: inline CSS, inline SVG, no
 * script, no external resource of any kind (it opens offline and leaks no
 * request when mailed around). Every piece of article text goes through
 * `escapeXml`: titles and quotations are untrusted input.
 */
import { reportAnchors } from './anchors.js'
import { measureLabel } from './compare-figures.js'
import { escapeXml as esc, renderLineageSvg } from './lineage-svg.js'
import type { DiffRun, FigureClaim, StoryReport } from './types.js'
import { plural } from '../text/plural.js'
import { withBasis } from './timeline.js'
import { lineageLabel } from '../stories/member-lineage.js'
import { safeExternalUrl } from '../canonical-url.js'

const CSS = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#101828;background:#fff}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}.toc{background:#f9fafb;border:1px solid #eaecf0;border-radius:8px;padding:8px 12px;margin:12px 0}.toc ol{margin:4px 0 0 20px;padding:0}
h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #d0d5dd;padding-bottom:4px}
.meta{color:#475467}table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border:1px solid #eaecf0;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f9fafb;font-weight:600}
.verdict{display:inline-block;border-radius:10px;padding:0 8px;font-size:13px;font-weight:600}
.v-differ{background:#fee4e2;color:#b42318}.v-update{background:#fef0c7;color:#b54708}.v-agree{background:#d1fadf;color:#027a48}.v-not-comparable{background:#eaecf0;color:#344054}
.fig{border:1px solid #eaecf0;border-radius:8px;padding:8px 12px;margin:10px 0}.fig h3{font-size:16px;margin:0 0 4px}
.small{font-size:13px;color:#475467}del{background:#fee4e2;text-decoration:line-through}ins{background:#d1fadf;text-decoration:none}
.side td{width:50%;font-size:14px}.group{font-weight:600;color:#344054}ul{margin:4px 0 4px 20px;padding:0}
.svg{overflow-x:auto;border:1px solid #eaecf0;border-radius:8px;padding:8px}
`.trim()

export interface RenderHtmlOpts {
  /** Aligned pairs shown per relation. @default 40 */
  readonly passages?: number
}

/** @example renderHtml(report).startsWith('<!doctype html>') // => true */
export function renderHtml(report: StoryReport, opts: RenderHtmlOpts = {}): string {
  const maxPassages = opts.passages ?? 40
  const { story } = report
  const label = new Map(report.sources.map((s) => [s.id, s.label]))
  const name = (id: string | null) => esc(id === null ? '?' : (label.get(id) ?? id.slice(0, 8)))
  const title = `Story ${story.id}: ${story.label ?? '(no title)'}`
  const anchors = reportAnchors(report)
  const h: string[] = []
  h.push(
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // No network at all, even if an escaped string were ever mistaken for markup.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)} · crosscheck report</title><style>${CSS}</style></head><body><main>`,
    `<h1>${esc(title)}</h1>`,
    tableOfContents(report),
    `<p class="meta">${plural(story.counts.sources, 'source')} from ${plural(story.counts.outlets, 'outlet')} in ${plural(story.counts.evidenceGroups, 'independent evidence group')} · ${esc(story.firstSeen.slice(0, 10))} to ${esc(story.lastSeen.slice(0, 10))}${story.askedFor === story.id ? '' : ` · story ${story.askedFor} was merged into this one`}</p>`,
  )

  h.push(
    '<h2 id="sources">Sources</h2><table><thead><tr><th>group</th><th>source</th><th>date</th><th>lineage</th><th>title</th><th>credits</th></tr></thead><tbody>',
  )
  for (const s of report.sources) {
    const lineage = lineageLabel(s.lineage, name)
    h.push(
      `<tr><td class="group">${s.evidenceGroup}</td><td>${esc(s.label)}</td><td>${esc(s.published?.slice(0, 10) ?? 'undated')}</td><td>${lineage}</td><td>${linked(s.title ?? '(no title)', s.url)}${s.titleDerived ? ' <span class="small">(derived)</span>' : ''}</td><td>${esc(s.creditedSource ?? '')}</td></tr>`,
    )
  }
  h.push('</tbody></table><p class="small">Sources in one evidence group share text (copy, rewrite or partial reuse) and count once as corroboration.</p>')
  const urls = new Map(report.sources.map((s) => [s.id, safeExternalUrl(s.url)]))
  h.push(`<div class="svg">${renderLineageSvg(report.lineage, label, { nodeHref: (id) => urls.get(id) ?? null })}</div>`)

  h.push('<h2 id="figures">Figures</h2>')
  if (report.figureGroups.length === 0) h.push('<p class="small">No figures found.</p>')
  for (const g of report.figureGroups) {
    const scope = [g.where, g.window].filter((x) => x !== null).join(', ')
    h.push(
      `<div class="fig" id="${esc(anchors.get(g.id) ?? g.id)}"><h3>${esc(g.id)} · ${esc(measureLabel(g))}${scope === '' ? '' : ` <span class="small">(${esc(scope)})</span>`} <span class="verdict v-${g.verdict.replace(' ', '-')}">${esc(g.verdict)}</span></h3>`,
    )
    h.push(
      `<p>${esc(g.reason)}</p><table><thead><tr><th>source</th><th>figure</th><th>reported by</th><th>where</th><th>when</th><th>date</th></tr></thead><tbody>`,
    )
    for (const c of g.claims) h.push(figureRow(c))
    h.push('</tbody></table>')
    if (g.claims.length > 1) {
      const p = (x: typeof g.summary.low) =>
        `${esc(x.text)} <span class="small">(${esc(x.sourceLabels.join(', '))}${x.reportedBy === null ? '' : `; per ${esc(x.reportedBy)}`})</span>`
      h.push(
        `<p class="small">low ${p(g.summary.low)} · high ${p(g.summary.high)} · best ${p(g.summary.best)}, compatible with ${g.summary.best.corroboration} evidence group${g.summary.best.corroboration === 1 ? '' : 's'}</p>`,
      )
    }
    const more = [
      ...g.findings.filter((f) => !g.reason.startsWith(f.reason)).map((f) => `also ${f.verdict}: ${f.reason}`),
      ...g.related.map((r) => `not comparable with ${r.group}: ${r.reason}`),
    ]
    if (more.length > 0) h.push(`<ul class="small">${more.map((m) => `<li>${esc(m)}</li>`).join('')}</ul>`)
    h.push('</div>')
  }

  h.push('<h2 id="quotes">Quotations</h2>')
  if (report.quotes.length === 0) h.push('<p class="small">No quotations found.</p>')
  for (const quote of report.quotes) {
    h.push(
      `<div class="fig" id="${esc(anchors.get(quote.id) ?? quote.id)}"><h3>${esc(quote.speaker ?? '(speaker not named)')}</h3><blockquote>“${esc(quote.text)}”</blockquote>`,
    )
    h.push(
      `<p class="small">carried by ${esc([...new Set(quote.carriers.map((c) => c.sourceLabel))].join(', '))} · ${quote.evidenceGroups} evidence group${quote.evidenceGroups === 1 ? '' : 's'}</p>`,
    )
    for (const v of quote.variants) h.push(`<p class="small">wording in ${v.articleIds.map(name).join(', ')}: ${diffHtml(v.diff, 'both')}</p>`)
    if (quote.speakerDisagreement !== null) {
      h.push(
        `<p><span class="verdict v-differ">speaker differs</span> ${quote.speakerDisagreement.map((s) => `${esc(s.speaker ?? '?')} (${s.articleIds.map(name).join(', ')})`).join(' against ')}</p>`,
      )
    }
    h.push('</div>')
  }

  h.push(
    '<h2 id="adds-omits">What each source adds or leaves out</h2><table><thead><tr><th>source</th><th>only this evidence group carries</th><th>leaves out what most others carry</th></tr></thead><tbody>',
  )
  for (const s of report.addsOmits) {
    const list = (items: typeof s.adds) => (items.length === 0 ? '' : `<ul>${items.map((i) => `<li>${esc(i.text)}</li>`).join('')}</ul>`)
    h.push(`<tr><td>${esc(s.sourceLabel)} <span class="small">[${s.evidenceGroup}]</span></td><td>${list(s.adds)}</td><td>${list(s.omits)}</td></tr>`)
  }
  h.push('</tbody></table>')

  h.push('<h2 id="naming">Naming</h2>')
  if (report.naming.length === 0) h.push('<p class="small">No entity named by two sources.</p>')
  else {
    h.push(`<table><thead><tr><th>entity</th>${report.sources.map((s) => `<th>${esc(s.label)}</th>`).join('')}</tr></thead><tbody>`)
    for (const n of report.naming) {
      const forms = new Map(n.forms.map((f) => [f.articleId, f.forms.join(' / ')]))
      h.push(
        `<tr><td>${esc(n.name)} <span class="small">${esc(n.kind)}</span></td>${report.sources.map((s) => `<td>${esc(forms.get(s.id) ?? '')}</td>`).join('')}</tr>`,
      )
    }
    h.push('</tbody></table>')
  }

  h.push('<h2 id="timeline">Timeline</h2>')
  if (report.timeline.length === 0) h.push('<p class="small">No dated events found.</p>')
  else {
    h.push('<table><thead><tr><th>date</th><th>event</th><th>stated by</th></tr></thead><tbody>')
    for (const t of report.timeline)
      h.push(
        `<tr><td>${esc(t.date)}</td><td>${esc(t.event)}</td><td>${esc(t.sources.map((s) => `${s.sourceLabel} (${withBasis(s.dateText, s.dateBasis)})`).join(', '))}</td></tr>`,
      )
    h.push('</tbody></table>')
  }

  if (report.alignedPassages.length > 0) {
    h.push('<h2 id="passages">Aligned passages</h2>')
    for (const p of report.alignedPassages) {
      h.push(
        `<h3>${esc(p.kind)}: ${name(p.from)} ${p.directed ? '→' : '—'} ${name(p.to)} <span class="small">(${p.alignedSentences} aligned sentences${p.directed ? '' : ', direction unknown'})</span></h3>`,
      )
      h.push(`<table class="side"><thead><tr><th>${name(p.from)}</th><th>${name(p.to)}</th></tr></thead><tbody>`)
      for (const pair of p.pairs.slice(0, maxPassages)) h.push(`<tr><td>${diffHtml(pair.diff, 'left')}</td><td>${diffHtml(pair.diff, 'right')}</td></tr>`)
      h.push('</tbody></table>')
      const shown = Math.min(p.pairs.length, maxPassages)
      if (p.alignedSentences > shown) h.push(`<p class="small">${p.alignedSentences - shown} more aligned sentences not shown.</p>`)
    }
  }
  h.push('<p class="small">Made by crosscheck. Figures and quotations are what sources report, not facts.</p></main></body></html>')
  return `${h.join('\n')}\n`
}

/** The sections the report has, linked. */
function tableOfContents(report: StoryReport): string {
  const sections: Array<[string, string]> = [
    ['sources', 'Sources'],
    ['figures', `Figures (${report.figureGroups.length})`],
    ['quotes', `Quotations (${report.quotes.length})`],
    ['adds-omits', 'What each source adds or leaves out'],
    ['naming', 'Naming'],
    ['timeline', `Timeline (${report.timeline.length})`],
  ]
  if (report.alignedPassages.length > 0) sections.push(['passages', 'Aligned passages'])
  return `<nav class="toc" aria-label="Contents"><b>Contents</b><ol>${sections.map(([id, text]) => `<li><a href="#${id}">${esc(text)}</a></li>`).join('')}</ol></nav>`
}

/** Text linked to the original article where its URL is known. */
function linked(text: string, url: string | null): string {
  const href = safeExternalUrl(url)
  return href === null ? esc(text) : `<a href="${esc(href)}" rel="noopener noreferrer nofollow">${esc(text)}</a>`
}

function figureRow(c: FigureClaim): string {
  const number = c.vague
    ? c.text
    : `${c.qualifier === 'exact' ? '' : `${c.qualifier} `}${c.high !== null && c.high > c.value ? `${c.value.toLocaleString('en-US')}–${c.high.toLocaleString('en-US')}` : c.value.toLocaleString('en-US')}`
  return `<tr><td>${esc(c.sourceLabel)} <span class="small">[${c.evidenceGroup}]</span></td><td title="${esc(c.sentence)}">${esc(number)}</td><td>${esc(c.reportedBy ?? 'unattributed')}</td><td>${esc(c.where ?? '')}</td><td>${esc(c.when ?? '')}</td><td>${esc(c.date ?? '')}</td></tr>`
}

/** One side of a word diff (left: kept and removed words; right: kept and added), or both inline. */
function diffHtml(diff: readonly DiffRun[], side: 'left' | 'right' | 'both'): string {
  return diff
    .filter((d) => d.kind === 'same' || side === 'both' || (side === 'left' ? d.kind === 'removed' : d.kind === 'added'))
    .map((d) => (d.kind === 'same' ? esc(d.text) : d.kind === 'removed' ? `<del>${esc(d.text)}</del>` : `<ins>${esc(d.text)}</ins>`))
    .join(' ')
}
