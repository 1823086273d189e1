/**
 * The followed feeds: each with when it was last read and its last error,
 * a button to stop following it, and a form to follow another. The feed
 * URL and its last error came from the user and the network: shown as
 * text, and a URL becomes a link only when it is http(s).
 */
import { html } from 'hono/html'
import type { FollowedFeed } from '../storage.js'
import { safeExternalUrl } from '../canonical-url.js'
import { day, EMPTY, type Html } from './html.js'
import { formsStyle } from './forms-style.js'
import { page } from './layout.js'

export interface FeedsView {
  readonly feeds: readonly FollowedFeed[]
  /** The signed-in visitor's CSRF token; without it the page only lists (and offers to sign in). */
  readonly csrf: string | null
  /** A problem with the last form sent. */
  readonly error?: string
  /** What the last form did ("stopped following …"). */
  readonly notice?: string
}

export function renderFeedsPage(view: FeedsView): Html {
  const { csrf } = view
  return page(
    { title: 'Feeds', section: 'feeds' },
    html`${formsStyle()}
      <h1>Followed feeds</h1>
      <p class="muted lede">RSS and Atom feeds the server polls; each new item is added like a pasted URL.</p>
      ${view.error === undefined ? EMPTY : html`<p class="notice error" role="alert">${view.error}</p>`}
      ${view.notice === undefined ? EMPTY : html`<p class="notice" role="status">${view.notice}</p>`}
      ${
        csrf === null
          ? html`<p><a href="/sign-in?next=%2Ffeeds">Sign in</a> to follow or unfollow feeds.</p>`
          : html`<form class="stack" action="/feeds/follow" method="post">
              <input type="hidden" name="csrf" value="${csrf}" />
              <label for="feed-url">Feed URL</label>
              <input id="feed-url" name="url" type="url" required maxlength="2048" placeholder="https://news.example/rss.xml" />
              <button type="submit">Follow</button>
            </form>`
      }
      ${
        view.feeds.length === 0
          ? html`<p class="notice">No feeds followed yet.</p>`
          : html`<div class="table-wrap">
              <table class="feeds">
                <thead>
                  <tr>
                    <th>Feed</th>
                    <th>Followed since</th>
                    <th>Last read</th>
                    <th>Last problem</th>
                    ${csrf === null ? EMPTY : html`<th>Stop</th>`}
                  </tr>
                </thead>
                <tbody>
                  ${view.feeds.map((feed) => feedRow(feed, csrf))}
                </tbody>
              </table>
            </div>`
      }`,
  )
}

function feedRow(feed: FollowedFeed, csrf: string | null): Html {
  const href = safeExternalUrl(feed.url)
  return html`<tr>
    <td class="feed-url">${href === null ? feed.url : html`<a href="${href}" rel="noopener noreferrer nofollow">${feed.url}</a>`}</td>
    <td class="nowrap">${day(feed.addedAt)}</td>
    <td class="nowrap">${day(feed.lastSuccessAt)}</td>
    <td>
      ${feed.lastError === null ? EMPTY : html`${feed.lastError}${feed.failures > 1 ? html` <span class="muted">(${feed.failures} times)</span>` : EMPTY}`}
    </td>
    ${
      csrf === null
        ? EMPTY
        : html`<td>
            <form class="inline" action="/feeds/unfollow" method="post">
              <input type="hidden" name="csrf" value="${csrf}" />
              <input type="hidden" name="url" value="${feed.url}" />
              <button type="submit" aria-label="Stop following ${feed.url}">Unfollow</button>
            </form>
          </td>`
    }
  </tr>`
}
