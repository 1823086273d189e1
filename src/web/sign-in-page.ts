/**
 * The sign-in page: one field for the server's token (printed by
 * `crosscheck serve` at its first start, kept beside the database), and the
 * page shown when a write is refused. Signing in only stores the token in a
 * cookie the browser sends back; nothing here reads or shows it.
 */
import { html } from 'hono/html'
import { EMPTY, type Html } from './html.js'
import { formsStyle } from './forms-style.js'
import { page } from './layout.js'

export interface SignInView {
  /** Where to go back to once signed in (a local path). */
  readonly next: string
  /** Why the last attempt failed, when it did. */
  readonly error?: string
  /** Set when the server asks for the token before showing anything. */
  readonly readsNeedToken?: boolean
  /** Set when the visitor is already signed in: offer to sign out instead. */
  readonly signedIn?: { readonly csrf: string }
}

export function renderSignInPage(view: SignInView): Html {
  if (view.signedIn !== undefined) {
    return page(
      { title: 'Signed in' },
      html`${formsStyle()}
        <h1>Signed in</h1>
        <p>This browser holds the server's token: you can add articles and follow feeds.</p>
        <p><a href="/ingest">Add articles</a> · <a href="/feeds">Feeds</a></p>
        ${signOutForm(view.signedIn.csrf)}`,
    )
  }
  return page(
    { title: 'Sign in' },
    html`${formsStyle()}
      <h1>Sign in</h1>
      ${
        view.readsNeedToken === true
          ? html`<p class="notice">This server shows its pages only to those who hold its token.</p>`
          : html`<p class="muted lede">Reading is open; adding articles and following feeds needs the server's token.</p>`
      }
      ${view.error === undefined ? EMPTY : html`<p class="notice error" role="alert">${view.error}</p>`}
      <form class="stack" action="/sign-in" method="post">
        <input type="hidden" name="next" value="${view.next}" />
        <label for="token">Server token</label>
        <input id="token" name="token" type="password" autocomplete="current-password" required maxlength="512" />
        <p class="small muted">
          <code>crosscheck serve</code> prints it at its first start and keeps it in the file <code>&lt;database&gt;.token</code>; or it is the value of
          <code>--token</code> or <code>$CROSSCHECK_TOKEN</code>.
        </p>
        <button type="submit">Sign in</button>
      </form>`,
  )
}

/** A sign-out button, for pages of a signed-in visitor. */
export function signOutForm(csrf: string): Html {
  return html`<form class="inline" action="/sign-out" method="post">
    <input type="hidden" name="csrf" value="${csrf}" />
    <button type="submit">Sign out</button>
  </form>`
}

/** The page for a refused write: what was wrong and what to do. */
export function renderRefusedPage(opts: { readonly title: string; readonly message: string; readonly signIn?: string }): Html {
  return page(
    { title: opts.title },
    html`${formsStyle()}
      <h1>${opts.title}</h1>
      <p class="notice error" role="alert">${opts.message}</p>
      ${opts.signIn === undefined ? EMPTY : html`<p><a href="/sign-in?next=${encodeURIComponent(opts.signIn)}">Sign in</a></p>`}`,
  )
}
