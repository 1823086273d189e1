/**
 * A story page: who reports it and how each source stands in the lineage
 * (original, copy of X, rewrite of X, partial reuse of X, independent),
 * the lineage graph, and the cross-source report when there is one.
 */
import { html, raw } from 'hono/html'
import type { LineageEdge } from '../lineage/lineage-graph.js'
import { renderLineageSvg } from '../report/lineage-svg.js'
import type { StoryReport } from '../report/types.js'
import type { SourceLineage } from '../stories/member-lineage.js'
import { articleLink, day, type Html, kindBadge, outletOf, percent, shortId, titleOf } from './html.js'
import { page } from './layout.js'
import { disagreements, renderReportSections } from './report-sections.js'
import type { StoryMemberView as StoryMember, StoryView } from '../read/read-model.js'

/**
 * The story page. Without a report (none built yet, or it failed) the page
 * shows what the store knows: sources and their lineage, without the drawn
 * graph and the cross-source sections.
 */
export function renderStoryPage(view: StoryView, report: StoryReport | null): Html {
  const story = view
  const byId = new Map(view.members.map((m) => [m.id, m]))
  const groupOf = new Map(report?.sources.map((s) => [s.id, s.evidenceGroup]) ?? [])
  const outlets = story.outlets.length
  const differ = report === null ? 0 : disagreements(report)
  const body = html`
    ${story.askedFor !== story.id ? html`<p class="notice">Story ${story.askedFor} was merged into this story.</p>` : ''}
    <h1>${view.label ?? '(no title)'}</h1>
    <div class="facts">
      <span>story <b>${story.id}</b></span>
      <span><b>${story.members.length}</b> article${story.members.length === 1 ? '' : 's'} from <b>${outlets}</b> outlet${outlets === 1 ? '' : 's'}</span>
      <span>${day(story.firstSeen)} to ${day(story.lastSeen)}</span>
      ${report === null ? '' : html`<span><b>${report.story.counts.evidenceGroups}</b> independent evidence group${report.story.counts.evidenceGroups === 1 ? '' : 's'}</span>`}
      ${differ > 0 ? html`<span><a class="flag" href="#figures">sources disagree on ${differ} figure${differ === 1 ? '' : 's'}</a></span>` : ''}
    </div>

    <h2 id="sources">Sources</h2>
    <div class="table-wrap">
      <table class="sources">
        <thead>
          <tr>
            <th class="nowrap">Published</th>
            <th>Outlet</th>
            <th>Headline</th>
            <th>Lineage</th>
            <th class="num hide-narrow" title="evidence group: a source and its copies count once">Group</th>
            <th class="hide-narrow"></th>
          </tr>
        </thead>
        <tbody>
          ${view.members.map((member) => sourceRow(member, byId, groupOf.get(member.id)))}
        </tbody>
      </table>
    </div>

    <h2 id="lineage">Lineage</h2>
    ${lineageSection(view, byId, report === null || report.lineage.edges.length === 0 ? null : lineageSvg(report))}
    ${report === null ? html`<p class="muted small">No cross-source report for this story.</p>` : renderReportSections(report)}
  `
  return page({ title: view.label ?? `Story ${story.id}` }, body)
}

/**
 * The drawn graph. `raw` is safe here and only here: renderLineageSvg
 * escapes every label it writes and emits no script or style attribute.
 */
function lineageSvg(report: StoryReport): Html {
  return raw(renderLineageSvg(report.lineage))
}

function sourceRow(member: StoryMember, byId: ReadonlyMap<string, StoryMember>, group: number | undefined): Html {
  return html`<tr>
    <td class="nowrap">${day(member.published)}</td>
    <td>${articleLink(member)}</td>
    <td><a href="/articles/${member.id}">${titleOf(member)}</a></td>
    <td>${lineageCell(member.lineage, byId)}</td>
    <td class="num hide-narrow">${group === undefined ? '' : html`g${group}`}</td>
    <td class="hide-narrow nowrap">
      ${member.lineage.of === null ? '' : html`<a class="small" href="/compare/${member.lineage.of}/${member.id}">side by side</a>`}
    </td>
  </tr>`
}

/** `copy of Meridian News Agency`, `original · 4 derived`, `independent`. */
function lineageCell(lineage: SourceLineage, byId: ReadonlyMap<string, StoryMember>): Html {
  const other = lineage.of === null ? undefined : byId.get(lineage.of)
  const target =
    other === undefined
      ? ''
      : html` <span class="muted">${lineage.kind === 'related' ? 'to' : 'of'}</span> <a href="/articles/${other.id}">${outletOf(other)}</a>`
  const derived = lineage.derived > 0 ? html` <span class="muted small">· ${lineage.derived} derived</span>` : ''
  return html`${kindBadge(lineage.kind)}${target}${derived}`
}

function lineageSection(view: StoryView, byId: ReadonlyMap<string, StoryMember>, graphSvg: Html | null): Html {
  if (view.graph.edges.length === 0) return html`<p class="muted">No member copies, rewrites or partly reuses another: every source reports independently.</p>`
  const edges = [...view.graph.edges].sort((x, y) => order(x.kind) - order(y.kind) || y.coverageTo - x.coverageTo)
  return html`${graphSvg === null ? '' : html`<div class="graph">${graphSvg}</div>`}
    <div class="table-wrap">
      <table class="edges">
        <thead>
          <tr>
            <th>Original</th>
            <th></th>
            <th>Derived</th>
            <th>Kind</th>
            <th class="num">Retold</th>
            <th class="hide-narrow">Direction</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${edges.map((edge) => edgeRow(edge, byId))}
        </tbody>
      </table>
    </div>`
}

function edgeRow(edge: LineageEdge, byId: ReadonlyMap<string, StoryMember>): Html {
  const from = byId.get(edge.from)
  const to = byId.get(edge.to)
  const name = (id: string, member: StoryMember | undefined): Html => (member === undefined ? html`<code>${shortId(id)}</code>` : articleLink(member))
  return html`<tr>
    <td>${name(edge.from, from)}</td>
    <td class="muted">${edge.directed ? '→' : '—'}</td>
    <td>${name(edge.to, to)}</td>
    <td>${kindBadge(edge.kind)}</td>
    <td class="num" title="share of the derived article's text that retells the original">${percent(edge.coverageTo)}</td>
    <td class="hide-narrow small muted">${edge.directed ? `known (${percent(edge.confidence)} sure)` : 'unknown'}</td>
    <td class="nowrap"><a href="/compare/${edge.from}/${edge.to}">side by side</a></td>
  </tr>`
}

function order(kind: LineageEdge['kind']): number {
  return kind === 'copy' ? 0 : kind === 'rewrite' ? 1 : 2
}
