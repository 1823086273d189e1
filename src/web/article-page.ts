/**
 * An article page: its metadata, the cleaned text with what crosscheck read
 * in it highlighted where it stands (figures, quotations, reported speech,
 * dated events, entities) and a side list that jumps to each, its story, the
 * articles it is related to, and, folded, what cleaning removed and the
 * diagnostics.
 */
import { html } from 'hono/html'
import type { Relation } from '../lineage/types.js'
import type { ArticleHighlights, Highlight, HighlightKind } from '../read/article-highlights.js'
import type { Article } from '../types.js'
import { highlightedText, KIND_WORDS } from './highlight-text.js'
import { safeExternalUrl } from '../canonical-url.js'
import { articleLink, day, EMPTY, type Html, kindBadge, percent, titleOf } from './html.js'
import { page } from './layout.js'

export interface ArticleView {
  readonly article: Article
  readonly storyId: number | null
  /** Copy, rewrite and partial relations with this article, and the other article of each. */
  readonly related: readonly { readonly relation: Relation; readonly other: Pick<Article, 'id' | 'outlet' | 'title'> }[]
  /** What crosscheck read in the text; null when no claims are stored for it (`crosscheck reanalyze`). */
  readonly highlights: ArticleHighlights | null
}

export function renderArticlePage(view: ArticleView): Html {
  const { article } = view
  const url = safeExternalUrl(article.url)
  const meta: Array<[string, Html | string | null]> = [
    ['Outlet', article.outlet],
    ['Published', article.published],
    ['Byline', article.byline],
    ['Credited source', article.creditedSource],
    ['Language', article.language],
    ['URL', url === null ? article.url : html`<a href="${url}" rel="noopener noreferrer nofollow">${article.url}</a>`],
    // Where the input was read from: not the source's name, which is its outlet (or its site).
    ['Input', `${article.source.location}${article.source.index === undefined ? '' : `#${article.source.index}`} (${article.format})`],
    ['Story', view.storyId === null ? null : html`<a href="/stories/${view.storyId}">story ${view.storyId}</a>`],
    ['Id', html`<code>${article.id}</code> <a class="permalink" href="/articles/${article.id}" aria-label="link to this article">link</a>`],
  ]
  const body = html`
    <h1>${titleOf(article)}</h1>
    ${article.titleDerived ? html`<p class="muted small">Headline derived from the first sentence: the input had none.</p>` : ''}
    <div class="table-wrap">
      <table class="meta">
        <tbody>
          ${meta
            .filter(([, value]) => value !== null)
            .map(
              ([label, value]) =>
                html`<tr>
                  <th>${label}</th>
                  <td>${value}</td>
                </tr>`,
            )}
        </tbody>
      </table>
    </div>
    ${relatedSection(view)}
    <h2 id="text">Text and what crosscheck read in it</h2>
    ${textSection(article, view.highlights)} ${removedSection(article)} ${diagnosticsSection(article)}
  `
  return page({ title: titleOf(article) }, body)
}

const SIDE_ORDER: readonly HighlightKind[] = ['figure', 'quote', 'speech', 'event', 'entity']
const SIDE_HEADINGS: Record<HighlightKind, string> = {
  figure: 'Figures',
  quote: 'Quotations',
  speech: 'Reported speech',
  event: 'Dated events',
  entity: 'Entities',
}

/**
 * The text with its highlights, next to the list of what was read. Each
 * highlight's first mark is focusable (Tab steps through them in text
 * order) and described by its entry in the side list, which links back.
 */
function textSection(article: Article, found: ArticleHighlights | null): Html {
  const highlights = found?.highlights ?? []
  const firstSeen = new Set<number>()
  const paragraphs = article.paragraphs.map((paragraph) => {
    const text = highlightedText(article.text, paragraph.start, paragraph.end, highlights, firstSeen)
    return paragraph.kind === 'heading' ? html`<h3>${text}</h3>` : html`<p>${text}</p>`
  })
  const legend =
    highlights.length === 0
      ? found === null
        ? html`<p class="muted small">No claims are stored for this article (stored before claims were kept): <code>crosscheck reanalyze</code> reads them.</p>`
        : html`<p class="muted small">crosscheck read no figures, quotations, dates or names in this text.</p>`
      : html`<p class="legend" aria-hidden="true">
          ${SIDE_ORDER.map((kind) => html`<span class="claim claim-${kind}">${KIND_WORDS[kind]}</span>`)}
          <span class="claim inferred">inferred</span>
        </p>`
  return html`${legend}
    <div class="reading">
      <article class="body" aria-labelledby="text">${paragraphs}</article>
      ${highlights.length === 0 ? EMPTY : sideList(highlights, found?.datesReadAgainst ?? null)}
    </div>`
}

function sideList(highlights: readonly Highlight[], against: ArticleHighlights['datesReadAgainst']): Html {
  return html`<aside class="claims-list" aria-label="What crosscheck read in this article">
    ${
      against === null
        ? ''
        : html`<p class="small muted">
            Relative dates read against
            ${against.day}${against.basis === 'story' ? html` <span class="inferred-note">(inferred: the story's latest day; the article is undated)</span>` : ' (its publication day)'}.
          </p>`
    }
    ${SIDE_ORDER.map((kind) => {
      const items = highlights.filter((h) => h.kind === kind)
      if (items.length === 0) return EMPTY
      return html`<details class="claim-kind" ${kind === 'entity' ? '' : 'open'}>
        <summary>${SIDE_HEADINGS[kind]} (${items.length})</summary>
        <ol>
          ${items.map(
            (h) =>
              html`<li id="claim-${h.id}" class="claim-item">
                <a href="#m-${h.id}" class="claim-link claim-${h.kind}">${h.title}</a>${h.inferred ? html` <span class="inferred-note">inferred</span>` : ''}
                <dl id="d-${h.id}" class="claim-details">
                  ${h.details.map(
                    (d) =>
                      html`<dt>${d.label}</dt>
                        <dd>${d.value}${d.inferredFrom === undefined ? '' : html` <span class="inferred-note">inferred: ${d.inferredFrom}</span>`}</dd>`,
                  )}
                </dl>
              </li>`,
          )}
        </ol>
      </details>`
    })}
  </aside>`
}

function relatedSection(view: ArticleView): Html {
  if (view.related.length === 0) return EMPTY
  const self = view.article.id
  return html`<h2 id="related">Related articles</h2>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Relation</th>
            <th>Article</th>
            <th>Headline</th>
            <th class="num">Retold</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${view.related.map(({ relation, other }) => {
            const original = relation.direction.original
            const role = original === null ? 'direction unknown' : original === self ? 'this is the original' : 'the other is the original'
            const selfCoverage = relation.a === self ? relation.coverageA : relation.coverageB
            return html`<tr>
              <td>${kindBadge(relation.kind === 'independent' ? 'independent' : relation.kind)} <span class="muted small">${role}</span></td>
              <td>${articleLink(other)}</td>
              <td>${titleOf(other)}</td>
              <td class="num" title="share of this article's text the other retells">${percent(selfCoverage)}</td>
              <td class="nowrap">
                <a href="/compare/${original === self || original === null ? self : other.id}/${original === self || original === null ? other.id : self}"
                  >side by side</a
                >
              </td>
            </tr>`
          })}
        </tbody>
      </table>
    </div>`
}

function removedSection(article: Article): Html {
  if (article.removed.length === 0)
    return html`<h2 id="removed">Removed by cleaning</h2>
      <p class="muted">Nothing: the input had no boilerplate cleaning recognised.</p>`
  return html`<details class="section" id="removed">
    <summary><h2>Removed by cleaning (${article.removed.length})</h2></summary>
    <div class="table-wrap">
      <table class="removed">
        <thead>
          <tr>
            <th>Rule</th>
            <th>Reason</th>
            <th>Text</th>
            <th class="num hide-narrow">Line</th>
          </tr>
        </thead>
        <tbody>
          ${article.removed.map(
            (removal) =>
              html`<tr>
                <td><span class="rule">${removal.rule}</span></td>
                <td>${removal.reason}${removal.fragment === true ? html` <span class="muted small">(end of a paragraph)</span>` : ''}</td>
                <td class="removed-text">${removal.text}</td>
                <td class="num hide-narrow">${removal.sourceLine ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </details>`
}

function diagnosticsSection(article: Article): Html {
  if (article.diagnostics.length === 0) return EMPTY
  return html`<details class="section" id="diagnostics">
    <summary><h2>Diagnostics (${article.diagnostics.length})</h2></summary>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Severity</th>
            <th>Rule</th>
            <th>Message</th>
          </tr>
        </thead>
        <tbody>
          ${article.diagnostics.map(
            (d) =>
              html`<tr>
                <td>${d.severity}</td>
                <td><span class="rule">${d.ruleId}</span></td>
                <td>${d.message}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </details>`
}

/** Used by the compare page's header too. */
export function articleHeading(article: Pick<Article, 'id' | 'outlet' | 'title' | 'published'>): Html {
  return html`<div>
    <div>${articleLink(article)} <span class="muted small">${day(article.published)}</span></div>
    <div><a href="/articles/${article.id}">${titleOf(article)}</a></div>
  </div>`
}
