/**
 * The story page's report sections, rendered from a `StoryReport`: the
 * figures with their verdicts, the quotations, what each source adds or
 * leaves out, how sources name people and places, and the timeline. Only
 * formatting: every judgement is the report's.
 */
import { html } from 'hono/html'
import type { Qualifier } from '../claims/types.js'
import type {
  ClaimRef,
  DiffRun,
  FigureClaim,
  FigureGroup,
  NamingGroup,
  QuoteEntry,
  SourceAddsOmits,
  StoryReport,
  SummaryPoint,
  TimelineEntry,
} from '../report/types.js'
import { reportAnchors } from '../report/anchors.js'
import { EMPTY, type Html } from './html.js'
import { withBasis } from '../report/timeline.js'

/** Figure groups whose sources give readings that do not agree: what the stories list flags. */
export function disagreements(report: StoryReport): number {
  return report.figureGroups.filter((group) => group.verdict === 'differ').length
}

/**
 * Where the report's ids (`f1`, `q2`, `t3`) point on the page: the stable
 * anchors of `reportAnchors`, so a permalink survives the report changing.
 */
type Anchors = ReadonlyMap<string, string>

/** A section that opens on demand: its heading is the summary, its count beside it. */
export function foldedSection(id: string, heading: string, count: Html | string, content: Html, open = false): Html {
  return html`<details class="section" id="${id}" ${open ? 'open' : ''}>
    <summary>
      <h2>${heading}</h2>
      <span class="count">${count}</span>
    </summary>
    ${content}
  </details>`
}

/** A permalink to a part of a story page. */
export function permalink(storyId: number, anchor: string, what: string): Html {
  return html`<a class="permalink" href="/stories/${storyId}#${anchor}" aria-label="link to this ${what}">link</a>`
}

/** All report sections, in reading order, each folded. */
export function renderReportSections(report: StoryReport, anchors: Anchors = reportAnchors(report)): Html {
  const labels = new Map(report.sources.map((s) => [s.id, s.label]))
  const story = report.story.id
  return html`${figuresSection(report.figureGroups, anchors, story)} ${quotesSection(report.quotes, labels, anchors, story)}
  ${addsOmitsSection(report.addsOmits, anchors)} ${namingSection(report.naming)} ${timelineSection(report.timeline, anchors)}`
}

function figuresSection(groups: readonly FigureGroup[], anchors: Anchors, story: number): Html {
  if (groups.length === 0) return foldedSection('figures', 'Figures', 'none', html`<p class="muted">No source states a figure.</p>`)
  const differ = groups.filter((g) => g.verdict === 'differ').length
  return foldedSection(
    'figures',
    'Figures',
    `${groups.length} counted${differ > 0 ? `, ${differ} disputed` : ''}`,
    html`<p class="muted small">
        ${groups.length} thing${groups.length === 1 ? '' : 's'} counted${differ > 0 ? html`; sources <b>disagree on ${differ}</b>` : ''}. Claims are what
        sources report, not facts; corroboration counts independent evidence groups, so a copy adds nothing.
      </p>
      <div class="table-wrap">
        <table class="figures">
          <thead>
            <tr>
              <th>Source</th>
              <th>Figure</th>
              <th>Reported by</th>
              <th class="nowrap">Date</th>
              <th class="hide-narrow">Sentence</th>
            </tr>
          </thead>
          ${groups.map((group) => figureGroup(group, anchors, story))}
        </table>
      </div>`,
  )
}

function figureGroup(group: FigureGroup, anchors: Anchors, story: number): Html {
  const context = [group.agent, group.where, group.window].filter((part): part is string => part !== null && part !== '')
  const anchor = anchors.get(group.id) ?? group.id
  return html`<tbody class="figure-group" id="${anchor}">
    <tr class="group-head">
      <th colspan="5">
        <span class="verdict ${verdictClass(group.verdict)}">${group.verdict}</span>
        <b>${group.measure}</b>${context.length > 0 ? html` <span class="muted">(${context.join('; ')})</span>` : ''}
        <span class="muted small">
          · ${group.evidenceGroups} independent group${group.evidenceGroups === 1 ? '' : 's'} · best supported: ${point(group.summary.best)}</span
        >
        ${permalink(story, anchor, 'figure')}
        <div class="reason">${group.reason}</div>
        ${findings(group)} ${notComparable(group, anchors)}
      </th>
    </tr>
    ${group.claims.map(figureClaim)}
  </tbody>`
}

/** The pairs that do not agree; folded away when there are many, as the group's reason already sums them up. */
function findings(group: FigureGroup): Html {
  const lines = group.findings.map((f) => html`<div class="finding small">${f.verdict === 'differ' ? '≠' : '↻'} ${f.reason}</div>`)
  if (lines.length <= 2) return html`${lines}`
  return html`<details class="small">
    <summary>${lines.length} pairs that do not agree</summary>
    ${lines}
  </details>`
}

/** Counts of a related but different thing, folded into one line: they are context, not findings. */
function notComparable(group: FigureGroup, anchors: Anchors): Html {
  if (group.related.length === 0) return EMPTY
  return html`<details class="small muted not-comparable">
    <summary>not comparable with ${group.related.length} other count${group.related.length === 1 ? '' : 's'}</summary>
    ${group.related.map((r) => html`<div><a href="#${anchors.get(r.group) ?? r.group}">${r.group}</a>: ${r.reason}</div>`)}
  </details>`
}

function figureClaim(claim: FigureClaim): Html {
  return html`<tr>
    <td><a href="/articles/${claim.articleId}">${claim.sourceLabel}</a> <span class="faint small">g${claim.evidenceGroup}</span></td>
    <td class="nowrap"><b>${qualified(claim.qualifier, claim.text)}</b>${claim.unit === null ? '' : html` <span class="muted">${claim.unit}</span>`}</td>
    <td>${claim.reportedBy ?? html`<span class="faint">unattributed</span>`}</td>
    <td class="nowrap">${claim.date ?? '—'}</td>
    <td class="hide-narrow small muted">${claim.sentence}</td>
  </tr>`
}

function point(p: SummaryPoint): Html {
  // The summary's text is written with its qualifier already ("at least 41").
  return html`${p.text}${p.reportedBy === null ? '' : ` (${p.reportedBy})`}, ${p.corroboration} group${p.corroboration === 1 ? '' : 's'}`
}

function qualified(qualifier: Qualifier, text: string): string {
  return qualifier === 'exact' ? text : `${qualifier} ${text}`
}

function verdictClass(verdict: string): string {
  return `verdict-${verdict.replace(/[^a-z]+/gu, '-')}`
}

function quotesSection(quotes: readonly QuoteEntry[], labels: ReadonlyMap<string, string>, anchors: Anchors, story: number): Html {
  if (quotes.length === 0) return foldedSection('quotes', 'Quotations', 'none', html`<p class="muted">No source quotes anyone.</p>`)
  return foldedSection(
    'quotes',
    'Quotations',
    `${quotes.length}`,
    html`<div class="quotes">
      ${quotes.map(
        (quote) =>
          html`<div class="quote" id="${anchors.get(quote.id) ?? quote.id}">
            <blockquote>${quote.text}</blockquote>
            <div class="small muted">
              ${permalink(story, anchors.get(quote.id) ?? quote.id, 'quotation')} ${quote.speaker ?? 'speaker not named'} · carried by
              ${joinLinks(quote.carriers.map((c) => ({ id: c.articleId, label: c.sourceLabel })))} · ${quote.evidenceGroups} independent
              group${quote.evidenceGroups === 1 ? '' : 's'}
            </div>
            ${quote.variants.map(
              (variant) =>
                html`<div class="variant small">
                  worded differently by ${variant.articleIds.map((id) => labels.get(id) ?? id.slice(0, 8)).join(', ')}: ${diffRuns(variant.diff)}
                </div>`,
            )}
            ${
              quote.speakerDisagreement === null
                ? EMPTY
                : html`<div class="variant small">
                    <span class="flag">speaker differs</span> ${quote.speakerDisagreement.map(
                      (s, i) =>
                        html`${i === 0 ? '' : '; '}${s.speaker ?? 'unnamed'} (${s.articleIds.map((id) => labels.get(id) ?? id.slice(0, 8)).join(', ')})`,
                    )}
                  </div>`
            }
          </div>`,
      )}
    </div>`,
  )
}

function diffRuns(runs: readonly DiffRun[]): Html {
  return html`${runs.map((run, i) => {
    const space = i === 0 ? '' : ' '
    return run.kind === 'same'
      ? html`${space}${run.text}`
      : run.kind === 'removed'
        ? html`${space}<del>${run.text}</del>`
        : html`${space}<ins>${run.text}</ins>`
  })}`
}

function joinLinks(items: readonly { readonly id: string; readonly label: string }[]): Html {
  const seen = new Set<string>()
  const unique = items.filter((item) => !seen.has(item.id) && seen.add(item.id))
  return html`${unique.map((item, i) => html`${i === 0 ? '' : ', '}<a href="/articles/${item.id}">${item.label}</a>`)}`
}

/**
 * One row per evidence group and list of claims: a copy adds what its
 * original adds, so the sources of a group that add and leave out the same
 * claims share a row instead of repeating it.
 */
export function collapseAddsOmits(entries: readonly SourceAddsOmits[]): { readonly sources: SourceAddsOmits[]; readonly entry: SourceAddsOmits }[] {
  const rows = new Map<string, { sources: SourceAddsOmits[]; entry: SourceAddsOmits }>()
  for (const entry of entries) {
    const key = `${entry.evidenceGroup}|${entry.adds.map((r) => r.ref).join(',')}|${entry.omits.map((r) => r.ref).join(',')}`
    const row = rows.get(key)
    if (row === undefined) rows.set(key, { sources: [entry], entry })
    else row.sources.push(entry)
  }
  return [...rows.values()]
}

function addsOmitsSection(entries: readonly SourceAddsOmits[], anchors: Anchors): Html {
  if (entries.length === 0) return EMPTY
  const rows = collapseAddsOmits(entries).filter((row) => row.entry.adds.length > 0 || row.entry.omits.length > 0)
  return foldedSection(
    'adds',
    'What each source adds or leaves out',
    `${rows.length} row${rows.length === 1 ? '' : 's'}`,
    html`<div class="table-wrap">
      <table class="adds">
        <thead>
          <tr>
            <th>Source</th>
            <th>Adds (no other evidence group has it)</th>
            <th>Leaves out (most others have it)</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ({ sources, entry }) =>
              html`<tr>
                <td>
                  ${sources.map((s, i) => html`${i === 0 ? '' : ', '}<a href="/articles/${s.articleId}">${s.sourceLabel}</a>`)}
                  <span class="faint small">g${entry.evidenceGroup}${sources.length > 1 ? ` · ${sources.length} sources of one group` : ''}</span>
                </td>
                <td>${claimList(entry.adds, anchors)}</td>
                <td>${claimList(entry.omits, anchors)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`,
  )
}

/** Claims listed before the rest is folded away: a copy adds what its original adds, and the lists grow long. */
const CLAIMS_SHOWN = 4

function claimList(refs: readonly ClaimRef[], anchors: Anchors): Html {
  if (refs.length === 0) return html`<span class="faint">—</span>`
  const item = (ref: ClaimRef): Html => html`<li><a href="#${anchors.get(ref.ref) ?? ref.ref}" class="faint small">${ref.ref}</a> ${ref.text}</li>`
  const shown = refs.slice(0, CLAIMS_SHOWN)
  const rest = refs.slice(CLAIMS_SHOWN)
  return html`<ul class="claims">
      ${shown.map(item)}
    </ul>
    ${
      rest.length === 0
        ? ''
        : html`<details class="small">
            <summary>${rest.length} more</summary>
            <ul class="claims">
              ${rest.map(item)}
            </ul>
          </details>`
    }`
}

function namingSection(groups: readonly NamingGroup[]): Html {
  const varying = groups.filter((g) => g.variesAcrossSources)
  if (groups.length === 0) return EMPTY
  const shown = [...varying, ...groups.filter((g) => !g.variesAcrossSources)].slice(0, 40)
  return foldedSection(
    'naming',
    'Naming',
    varying.length === 0 ? 'written alike' : `${varying.length} written differently`,
    html`<p class="muted small">
        ${varying.length === 0 ? 'Every source names people, organisations and places the same way.' : html`${varying.length} name${varying.length === 1 ? ' is' : 's are'} written differently across sources (first).`}
      </p>
      <div class="table-wrap">
        <table class="naming">
          <thead>
            <tr>
              <th>Name</th>
              <th>Kind</th>
              <th>Forms by source</th>
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              (group) =>
                html`<tr>
                  <td>${group.variesAcrossSources ? html`<span class="flag">varies</span> ` : ''}<b>${group.name}</b></td>
                  <td class="muted small">${group.kind}</td>
                  <td class="small">
                    ${group.forms.map((f, i) => html`${i === 0 ? '' : ' · '}<a href="/articles/${f.articleId}">${f.sourceLabel}</a>: ${f.forms.join(', ')}`)}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`,
  )
}

function timelineSection(entries: readonly TimelineEntry[], anchors: Anchors): Html {
  if (entries.length === 0) return foldedSection('timeline', 'Timeline', 'none', html`<p class="muted">No dated events.</p>`)
  return foldedSection(
    'timeline',
    'Timeline',
    `${entries.length} dated event${entries.length === 1 ? '' : 's'}`,
    html`<div class="table-wrap">
      <table class="timeline">
        <thead>
          <tr>
            <th class="nowrap">Date</th>
            <th>Event</th>
            <th>Sources</th>
          </tr>
        </thead>
        <tbody>
          ${entries.map(
            (entry) =>
              html`<tr id="${anchors.get(entry.id) ?? entry.id}">
                <td class="nowrap">${entry.date}</td>
                <td>${entry.event}</td>
                <td class="small">
                  ${joinLinks(entry.sources.map((s) => ({ id: s.articleId, label: withBasis(s.sourceLabel, s.dateBasis) })))}
                  <span class="faint">· ${entry.evidenceGroups} group${entry.evidenceGroups === 1 ? '' : 's'}</span>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`,
  )
}
