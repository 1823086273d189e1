/**
 * A story page that reads top-down: the headline and a short summary
 * (sources, independent evidence groups, where they disagree, the original,
 * why the articles are one story), the exports, then sections that open on
 * demand: sources, lineage, figures, quotations, what each source adds,
 * naming, timeline. Every part a reader may cite has a stable permalink.
 */
import { html, raw } from 'hono/html'
import type { LineageEdge } from '../lineage/lineage-graph.js'
import { reportAnchors } from '../report/anchors.js'
import { renderLineageSvg } from '../report/lineage-svg.js'
import type { StoryReport } from '../report/types.js'
import type { SourceLineage } from '../stories/member-lineage.js'
import { whyOneStory } from '../read/why-one-story.js'
import { articleLink, day, EMPTY, type Html, kindBadge, outletOf, percent, shortId, titleOf } from './html.js'
import { page } from './layout.js'
import { foldedSection, renderReportSections } from './report-sections.js'
import type { StoryMemberView as StoryMember, StoryView } from '../read/read-model.js'

/** The formats a story's report is exported in, with the route's file extension. */
export const REPORT_EXPORTS = [
  { ext: 'html', label: 'HTML' },
  { ext: 'md', label: 'Markdown' },
  { ext: 'json', label: 'JSON' },
  { ext: 'csv', label: 'CSV' },
] as const

/**
 * The story page. Without a report (none built yet, or it failed) the page
 * shows what the store knows: sources and their lineage, without the drawn
 * graph and the cross-source sections.
 */
export function renderStoryPage(view: StoryView, report: StoryReport | null): Html {
  const story = view
  const byId = new Map(view.members.map((m) => [m.id, m]))
  const groupOf = new Map(report?.sources.map((s) => [s.id, s.evidenceGroup]) ?? [])
  const anchors = report === null ? new Map<string, string>() : reportAnchors(report)
  const body = html`
    ${story.askedFor !== story.id ? html`<p class="notice">Story ${story.askedFor} was merged into this story.</p>` : ''}
    <h1>${view.label ?? '(no title)'}</h1>
    <div class="facts">
      <span>story <b>${story.id}</b> <a class="permalink" href="/stories/${story.id}" aria-label="link to this story">link</a></span>
      <span>${day(story.firstSeen)} to ${day(story.lastSeen)}</span>
    </div>
    ${summary(view, report, anchors)}
    ${
      report === null
        ? EMPTY
        : html`<nav class="exports" aria-label="Export the report">
            <span class="muted">Take the report:</span>
            ${REPORT_EXPORTS.map(
              (format) =>
                html`<a href="/stories/${story.id}/report.${format.ext}" download="story-${story.id}.${format.ext}" data-export="${format.ext}"
                  >${format.label}</a
                >`,
            )}
          </nav>`
    }
    ${foldedSection(
      'sources',
      'Sources',
      `${story.members.length}`,
      html`<div class="table-wrap">
        <table class="sources">
          <thead>
            <tr>
              <th class="nowrap">Published</th>
              <th>Outlet</th>
              <th>Headline</th>
              <th>Lineage</th>
              <th class="num hide-narrow" title="evidence group: a source and its copies count once">Group</th>
              <th class="hide-narrow">Compare</th>
            </tr>
          </thead>
          <tbody>
            ${view.members.map((member) => sourceRow(member, byId, groupOf.get(member.id)))}
          </tbody>
        </table>
      </div>`,
      true,
    )}
    ${foldedSection(
      'lineage',
      'Lineage',
      view.graph.edges.length === 0 ? 'all independent' : `${view.graph.edges.length} link${view.graph.edges.length === 1 ? '' : 's'}`,
      lineageSection(view, byId, report === null || report.lineage.edges.length === 0 ? null : lineageSvg(report)),
    )}
    ${report === null ? html`<p class="muted small">No cross-source report for this story.</p>` : renderReportSections(report, anchors)}
  `
  return page({ title: view.label ?? `Story ${story.id}` }, body)
}

/** The short summary a reader starts from: counts, disagreements, the original, and why these articles are one story. */
function summary(view: StoryView, report: StoryReport | null, anchors: ReadonlyMap<string, string>): Html {
  const outlets = view.outlets.length
  const members = view.members.length
  const originals = view.members.filter((m) => m.lineage.kind === 'original')
  const disputed = report === null ? [] : report.figureGroups.filter((g) => g.verdict === 'differ')
  const why = report === null ? null : whyOneStory(report)
  const whyParts =
    why === null
      ? []
      : [
          why.names.length > 0 ? `names ${why.names.join(', ')}` : null,
          why.places.length > 0 ? `places ${why.places.join(', ')}` : null,
          why.dates.length > 0 ? `dates ${why.dates.join(', ')}` : null,
          why.terms.length > 0 ? `terms ${why.terms.join(', ')}` : null,
        ].filter((part): part is string => part !== null)
  return html`<section class="summary-box" aria-label="Summary">
    <ul>
      <li>
        <b>${members}</b> source${members === 1 ? '' : 's'} from <b>${outlets}</b> outlet${outlets === 1 ? '' : 's'}${
          report === null
            ? ''
            : html`, in <b>${report.story.counts.evidenceGroups}</b> independent evidence group${report.story.counts.evidenceGroups === 1 ? '' : 's'}`
        }
      </li>
      <li>
        ${
          disputed.length === 0
            ? html`Sources do not disagree on any figure.`
            : html`<a class="flag" href="#${anchors.get(disputed[0]?.id ?? '') ?? 'figures'}"
                  >sources disagree on ${disputed.length} figure${disputed.length === 1 ? '' : 's'}</a
                >:
                ${disputed.slice(0, 3).map((g, i) => html`${i === 0 ? '' : '; '}<a href="#${anchors.get(g.id) ?? g.id}">${g.measure}</a>`)}${disputed.length > 3 ? '; …' : ''}`
        }
      </li>
      <li>
        ${
          originals.length === 0
            ? html`No source is known to be copied or rewritten by another.`
            : html`The original${originals.length === 1 ? '' : 's'}:
              ${originals.map(
                (m, i) =>
                  html`${i === 0 ? '' : ', '}<a href="/articles/${m.id}">${outletOf(m)}</a
                    >${m.lineage.derived > 0 ? html` <span class="muted">(${m.lineage.derived} derived)</span>` : ''}`,
              )}`
        }
      </li>
      ${whyParts.length === 0 ? EMPTY : html`<li class="why">Why these articles are one story: they share ${whyParts.join('; ')}.</li>`}
    </ul>
  </section>`
}

/**
 * The drawn graph. `raw` is safe here and only here: renderLineageSvg
 * escapes every label it writes and emits no script or style attribute.
 */
function lineageSvg(report: StoryReport): Html {
  return raw(renderLineageSvg(report.lineage, new Map(), { nodeHref: (id) => `/articles/${id}` }))
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
