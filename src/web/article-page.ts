/**
 * An article page: its metadata, the cleaned text as paragraphs, what
 * cleaning removed (rule, reason, text), diagnostics, its story and the
 * articles it is related to.
 */
import { html } from 'hono/html'
import type { Relation } from '../lineage/types.js'
import type { Article } from '../types.js'
import { articleLink, day, EMPTY, type Html, kindBadge, percent, safeExternalUrl, titleOf } from './html.js'
import { page } from './layout.js'

export interface ArticleView {
  readonly article: Article
  readonly storyId: number | null
  /** Copy, rewrite and partial relations with this article, and the other article of each. */
  readonly related: readonly { readonly relation: Relation; readonly other: Pick<Article, 'id' | 'outlet' | 'title'> }[]
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
    ['Source', `${article.source.location}${article.source.index === undefined ? '' : `#${article.source.index}`} (${article.format})`],
    ['Story', view.storyId === null ? null : html`<a href="/stories/${view.storyId}">story ${view.storyId}</a>`],
    ['Id', html`<code>${article.id}</code>`],
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
    <h2 id="text">Cleaned text</h2>
    <article class="body">
      ${article.paragraphs.map((paragraph) => {
        const text = article.text.slice(paragraph.start, paragraph.end)
        return paragraph.kind === 'heading' ? html`<h3>${text}</h3>` : html`<p>${text}</p>`
      })}
    </article>
    ${removedSection(article)} ${diagnosticsSection(article)}
  `
  return page({ title: titleOf(article) }, body)
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
  return html`<h2 id="removed">Removed by cleaning (${article.removed.length})</h2>
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
    </div>`
}

function diagnosticsSection(article: Article): Html {
  if (article.diagnostics.length === 0) return EMPTY
  return html`<h2 id="diagnostics">Diagnostics</h2>
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
    </div>`
}

/** Used by the compare page's header too. */
export function articleHeading(article: Pick<Article, 'id' | 'outlet' | 'title' | 'published'>): Html {
  return html`<div>
    <div>${articleLink(article)} <span class="muted small">${day(article.published)}</span></div>
    <div><a href="/articles/${article.id}">${titleOf(article)}</a></div>
  </div>`
}
