/**
 * The stories list: the most recently active story first, with its label,
 * dates, how many articles and outlets tell it, and a flag where the
 * sources disagree on a figure.
 */
import { html } from 'hono/html'
import type { StorySummary } from '../types.js'
import { storyLabel } from '../stories/story-label.js'
import { day, type Html } from './html.js'
import { page } from './layout.js'

export interface StoryListRow {
  readonly story: StorySummary
  /** Figures the sources disagree on; null when not known (no report). */
  readonly disagreements: number | null
}

export interface StoryListPage {
  readonly rows: readonly StoryListRow[]
  /** 1-based. */
  readonly page: number
  readonly hasNext: boolean
}

export function renderStoriesPage(list: StoryListPage): Html {
  const body =
    list.rows.length === 0 && list.page === 1
      ? html`<h1>Stories</h1>
          <p class="notice">No stories yet: ingest articles first (<code>crosscheck ingest &lt;path&gt;</code>).</p>`
      : html`<h1>Stories</h1>
          <p class="muted lede">Articles about one event, grouped; the most recently active story first.</p>
          <div class="table-wrap">
            <table class="stories">
              <thead>
                <tr>
                  <th class="num">#</th>
                  <th>Story</th>
                  <th class="nowrap">First seen</th>
                  <th class="nowrap">Last seen</th>
                  <th class="num">Articles</th>
                  <th class="num">Outlets</th>
                  <th>Sources</th>
                </tr>
              </thead>
              <tbody>
                ${list.rows.map(storyRow)}
              </tbody>
            </table>
          </div>
          ${pager(list)}`
  return page({ title: 'Stories', section: 'stories' }, body)
}

function storyRow({ story, disagreements }: StoryListRow): Html {
  const label = storyLabel(story.titles) ?? '(no title)'
  const flag =
    disagreements === null
      ? html`<span class="faint small">—</span>`
      : disagreements > 0
        ? html`<span class="flag" title="Sources disagree on ${disagreements} figure${disagreements === 1 ? '' : 's'}">disagree ×${disagreements}</span>`
        : html`<span class="faint small">agree</span>`
  return html`<tr>
    <td class="num"><a href="/stories/${story.id}">${story.id}</a></td>
    <td>
      <a href="/stories/${story.id}">${label}</a>
      <div class="faint small">${story.outlets.slice(0, 6).join(' · ')}${story.outlets.length > 6 ? ' …' : ''}</div>
    </td>
    <td class="nowrap">${day(story.firstSeen)}</td>
    <td class="nowrap">${day(story.lastSeen)}</td>
    <td class="num">${story.members}</td>
    <td class="num">${story.outlets.length}</td>
    <td>${flag}</td>
  </tr>`
}

function pager(list: StoryListPage): Html {
  return html`<nav class="pager" aria-label="Pages">
    ${list.page > 1 ? html`<a href="/?page=${list.page - 1}" rel="prev">← Newer</a>` : ''}
    <span class="muted">page ${list.page}</span>
    ${list.hasNext ? html`<a href="/?page=${list.page + 1}" rel="next">Older →</a>` : ''}
  </nav>`
}
