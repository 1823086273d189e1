/**
 * The side-by-side view of two articles: aligned sentences in two columns
 * with the changed words marked (struck out on the left, underlaid on the
 * right), and the sentences only one of them has, greyed. Long articles are
 * shown a page of rows at a time: two 20,000-sentence articles would make a
 * page of tens of megabytes that no browser lays out and that holds up the
 * server while it is sent.
 */
import { html } from 'hono/html'
import type { DiffPart } from '../lineage/word-diff.js'
import type { Article } from '../types.js'
import type { CompareRow } from '../read/compare-rows.js'
import type { ComparisonView } from '../read/read-model.js'
import { articleHeading } from './article-page.js'
import { EMPTY, type Html, kindBadge, outletOf, percent } from './html.js'
import { page } from './layout.js'

/** Rows of the side-by-side table on one page. */
export const COMPARE_ROWS_PER_PAGE = 500

/**
 * @param pageNumber 1-based; past the last page shows the last.
 */
export function renderComparePage(view: ComparisonView, pageNumber = 1): Html {
  const { left, right, relation } = view
  const aligned = view.rows.filter((row) => row.kind === 'aligned').length
  const pages = Math.max(1, Math.ceil(view.rows.length / COMPARE_ROWS_PER_PAGE))
  const shown = Math.min(Math.max(1, pageNumber), pages)
  const first = (shown - 1) * COMPARE_ROWS_PER_PAGE
  const rows = view.rows.slice(first, first + COMPARE_ROWS_PER_PAGE)
  const original = relation.direction.original
  const originalText = original === null ? 'unknown' : original === left.id ? `the left (${outletOf(left)})` : `the right (${outletOf(right)})`
  const body = html`
    <h1>Side by side</h1>
    <div class="columns compare-heads">${articleHeading(left)} ${articleHeading(right)}</div>
    <div class="facts">
      <span>${kindBadge(relation.kind === 'independent' ? 'independent' : relation.kind)}</span>
      <span><b>${aligned}</b> aligned sentence${aligned === 1 ? '' : 's'}</span>
      <span><b>${percent(relation.coverageA)}</b> of the left and <b>${percent(relation.coverageB)}</b> of the right retold by the other</span>
      <span
        >original:
        <b>${originalText}</b
        >${relation.direction.reasons.length === 0 ? '' : html` <span class="small">(${relation.direction.reasons.join('; ')})</span>`}</span
      >
    </div>
    <div class="legend">
      <span><del>struck</del> only on the left</span><span><ins>marked</ins> only on the right</span><span class="faint">grey: not retold by the other</span>
      <button type="button" class="toggle" data-toggle-unaligned="compare-table" hidden>Hide unaligned sentences</button>
    </div>
    ${
      view.rows.length === 0
        ? html`<p class="muted">Neither article has sentences.</p>`
        : html`<div class="table-wrap">
              <table class="compare" id="compare-table">
                <thead>
                  <tr>
                    <th>${outletOf(left)}</th>
                    <th class="score">score</th>
                    <th>${outletOf(right)}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map((row) => compareRow(row, left, right))}
                </tbody>
              </table>
            </div>
            ${pager(view, shown, pages, first, rows.length)}`
    }
    ${aligned === 0 && view.rows.length > 0 ? html`<p class="muted">No sentence of one retells a sentence of the other.</p>` : ''}
  `
  return page({ title: `${outletOf(left)} / ${outletOf(right)}`, wide: true }, body)
}

function pager(view: ComparisonView, shown: number, pages: number, first: number, count: number): Html {
  if (pages === 1) return EMPTY
  const at = (n: number) => `/compare/${view.left.id}/${view.right.id}?page=${n}`
  return html`<nav class="pager" aria-label="Rows">
    ${shown > 1 ? html`<a href="${at(shown - 1)}" rel="prev">← Earlier rows</a>` : ''}
    <span class="muted">rows ${first + 1}–${first + count} of ${view.rows.length} (page ${shown} of ${pages})</span>
    ${shown < pages ? html`<a href="${at(shown + 1)}" rel="next">Later rows →</a>` : ''}
  </nav>`
}

function compareRow(row: CompareRow, left: Article, right: Article): Html {
  switch (row.kind) {
    case 'aligned':
      return html`<tr class="aligned${row.quoteOnly ? ' quote-only' : ''}">
        <td>${side(row.parts, 'left')}</td>
        <td class="score" title="${row.quoteOnly ? 'the two share a quotation and little else' : 'how surely the right retells the left'}">
          ${row.score.toFixed(2)}${row.quoteOnly ? html`<br />quote` : ''}
        </td>
        <td>${side(row.parts, 'right')}</td>
      </tr>`
    case 'left-only':
      return html`<tr class="unaligned">
        <td>${left.text.slice(row.left.start, row.left.end)}</td>
        <td class="score"></td>
        <td></td>
      </tr>`
    case 'right-only':
      return html`<tr class="unaligned">
        <td></td>
        <td class="score"></td>
        <td>${right.text.slice(row.right.start, row.right.end)}</td>
      </tr>`
  }
}

/** One column of an aligned pair: the kept words, and this side's changed words marked. */
function side(parts: readonly DiffPart[], which: 'left' | 'right'): Html {
  const shown = parts.filter((part) => part.kind === 'same' || part.kind === (which === 'left' ? 'removed' : 'added'))
  return html`${shown.map((part, i) => {
    const space = i === 0 ? '' : ' '
    if (part.kind === 'same') return html`${space}${which === 'right' ? (part.after ?? part.text) : part.text}`
    return which === 'left' ? html`${space}<del>${part.text}</del>` : html`${space}<ins>${part.text}</ins>`
  })}`
}
