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
import { EMPTY, type Html } from './html.js'
import { withBasis } from '../report/timeline.js'

/** Figure groups whose sources give readings that do not agree: what the stories list flags. */
export function disagreements(report: StoryReport): number {
  return report.figureGroups.filter((group) => group.verdict === 'differ').length
}

/** All report sections, in reading order. */
export function renderReportSections(report: StoryReport): Html {
  const labels = new Map(report.sources.map((s) => [s.id, s.label]))
  return html`${figuresSection(report.figureGroups)} ${quotesSection(report.quotes, labels)} ${addsOmitsSection(report.addsOmits)}
  ${namingSection(report.naming)} ${timelineSection(report.timeline)}`
}

function figuresSection(groups: readonly FigureGroup[]): Html {
  if (groups.length === 0)
    return html`<h2 id="figures">Figures</h2>
      <p class="muted">No source states a figure.</p>`
  const differ = groups.filter((g) => g.verdict === 'differ').length
  return html`<h2 id="figures">Figures</h2>
    <p class="muted small">
      ${groups.length} thing${groups.length === 1 ? '' : 's'} counted${differ > 0 ? html`; sources <b>disagree on ${differ}</b>` : ''}. Claims are what sources
      report, not facts; corroboration counts independent evidence groups, so a copy adds nothing.
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
        ${groups.map(figureGroup)}
      </table>
    </div>`
}

function figureGroup(group: FigureGroup): Html {
  const context = [group.agent, group.where, group.window].filter((part): part is string => part !== null && part !== '')
  return html`<tbody class="figure-group" id="${group.id}">
    <tr class="group-head">
      <th colspan="5">
        <span class="verdict ${verdictClass(group.verdict)}">${group.verdict}</span>
        <b>${group.measure}</b>${context.length > 0 ? html` <span class="muted">(${context.join('; ')})</span>` : ''}
        <span class="muted small">
          · ${group.evidenceGroups} independent group${group.evidenceGroups === 1 ? '' : 's'} · best supported: ${point(group.summary.best)}</span
        >
        <div class="reason">${group.reason}</div>
        ${findings(group)}
        ${group.related.map((r) => html`<div class="finding small muted">not comparable with <a href="#${r.group}">${r.group}</a>: ${r.reason}</div>`)}
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

function quotesSection(quotes: readonly QuoteEntry[], labels: ReadonlyMap<string, string>): Html {
  if (quotes.length === 0)
    return html`<h2 id="quotes">Quotations</h2>
      <p class="muted">No source quotes anyone.</p>`
  return html`<h2 id="quotes">Quotations</h2>
    <div class="quotes">
      ${quotes.map(
        (quote) =>
          html`<div class="quote" id="${quote.id}">
            <blockquote>${quote.text}</blockquote>
            <div class="small muted">
              ${quote.speaker ?? 'speaker not named'} · carried by ${joinLinks(quote.carriers.map((c) => ({ id: c.articleId, label: c.sourceLabel })))} ·
              ${quote.evidenceGroups} independent group${quote.evidenceGroups === 1 ? '' : 's'}
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
    </div>`
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

function addsOmitsSection(entries: readonly SourceAddsOmits[]): Html {
  if (entries.length === 0) return EMPTY
  return html`<h2 id="adds">What each source adds or leaves out</h2>
    <div class="table-wrap">
      <table class="adds">
        <thead>
          <tr>
            <th>Source</th>
            <th>Adds (no other evidence group has it)</th>
            <th>Leaves out (most others have it)</th>
          </tr>
        </thead>
        <tbody>
          ${entries.map(
            (entry) =>
              html`<tr>
                <td><a href="/articles/${entry.articleId}">${entry.sourceLabel}</a> <span class="faint small">g${entry.evidenceGroup}</span></td>
                <td>${claimList(entry.adds)}</td>
                <td>${claimList(entry.omits)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`
}

/** Claims listed before the rest is folded away: a copy adds what its original adds, and the lists grow long. */
const CLAIMS_SHOWN = 4

function claimList(refs: readonly ClaimRef[]): Html {
  if (refs.length === 0) return html`<span class="faint">—</span>`
  const item = (ref: ClaimRef): Html => html`<li><a href="#${ref.ref}" class="faint small">${ref.ref}</a> ${ref.text}</li>`
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
  return html`<h2 id="naming">Naming</h2>
    <p class="muted small">
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
    </div>`
}

function timelineSection(entries: readonly TimelineEntry[]): Html {
  if (entries.length === 0)
    return html`<h2 id="timeline">Timeline</h2>
      <p class="muted">No dated events.</p>`
  return html`<h2 id="timeline">Timeline</h2>
    <div class="table-wrap">
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
              html`<tr id="${entry.id}">
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
    </div>`
}
