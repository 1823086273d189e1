/**
 * The frame of every page: header with the search box and navigation,
 * the page's content, and the stylesheet and script from `/assets/`.
 * No inline scripts or styles, so the Content-Security-Policy can forbid
 * them (an injected `<script>` in article text could not run even if it
 * slipped through escaping).
 */
import { html } from 'hono/html'
import { ASSET_VERSION } from './assets.js'
import type { Html } from './html.js'

/** Sent with every page: only this origin's own stylesheet, script and images. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

export interface PageOpts {
  /** The document title (before ` · crosscheck`). */
  readonly title: string
  /** Which navigation entry is current. */
  readonly section?: 'stories' | 'outlets' | 'search' | 'ingest' | 'feeds'
  /** Put back into the search box on the search page. */
  readonly query?: string
  /** Wider content for the side-by-side view. */
  readonly wide?: boolean
}

/** A complete HTML document around `body`. */
export function page(opts: PageOpts, body: Html): Html {
  const current = (section: PageOpts['section']) => (opts.section === section ? html` aria-current="page"` : '')
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${opts.title} · crosscheck</title>
        <link rel="icon" href="/assets/icon.svg?v=${ASSET_VERSION}" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/style.css?v=${ASSET_VERSION}" />
        <script src="/assets/app.js?v=${ASSET_VERSION}" defer></script>
      </head>
      <body>
        <a class="skip" href="#content">Skip to content</a>
        <header class="top">
          <a class="brand" href="/">crosscheck</a>
          <nav aria-label="Main">
            <a href="/" ${current('stories')}>Stories</a>
            <a href="/outlets" ${current('outlets')}>Outlets</a>
            <a href="/feeds" ${current('feeds')}>Feeds</a>
            <a href="/ingest" ${current('ingest')}>Add articles</a>
          </nav>
          <form class="search" action="/search" method="get" role="search" aria-label="Site search">
            <input type="search" name="q" value="${opts.query ?? ''}" placeholder="Search titles and text" aria-label="Search articles" maxlength="200" />
            <button type="submit">Search</button>
          </form>
        </header>
        <main id="content" tabindex="-1" class="${opts.wide === true ? 'wide' : ''}">${body}</main>
      </body>
    </html>`
}

/** The body of a 404 page. */
export function notFoundBody(what: string): Html {
  return html`<h1>Not found</h1>
    <p class="muted">${what}</p>
    <p><a href="/">Back to the stories</a></p>`
}
