/**
 * The look of the write pages' forms (sign-in, ingest, feeds): served by
 * the server beside those pages and linked from them, so the shared
 * stylesheet stays the reading pages' own. Uses the shared stylesheet's
 * colour variables.
 */
import { html } from 'hono/html'
import type { Html } from './html.js'

export const FORMS_STYLE_PATH = '/ingest/forms.css'

export const FORMS_STYLE = `form.stack { display: grid; gap: 0.5rem; max-width: 52rem; margin: 1rem 0 1.5rem; }
form.stack fieldset { border: 1px solid var(--line); border-radius: 6px; padding: 0.8rem 1rem 1rem; margin: 0; display: grid; gap: 0.45rem; }
form.stack legend { font-weight: 600; padding: 0 0.3rem; }
form.stack label { font-size: 0.9rem; color: var(--muted); }
form.stack textarea, form.stack input:not([type=file]):not([type=hidden]) { font: inherit; padding: 0.4rem 0.55rem; border: 1px solid var(--line); border-radius: 4px; width: 100%; box-sizing: border-box; background: var(--paper); color: var(--ink); }
form.stack textarea { resize: vertical; }
form.stack .row { display: grid; grid-template-columns: 2fr 1.4fr 1fr; gap: 0.6rem; }
form.stack .row label { display: grid; gap: 0.2rem; }
form.stack button, form.inline button { justify-self: start; padding: 0.45rem 1.1rem; border: 0; border-radius: 4px; background: var(--accent); color: #fff; font: inherit; cursor: pointer; }
form.inline { display: inline; }
form.inline button { background: var(--paper); color: var(--accent); border: 1px solid var(--line); padding: 0.2rem 0.7rem; font-size: 0.85rem; }
form.stack :focus-visible, form.inline :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.notice.error { background: var(--copy-bg); color: var(--copy); }
.job-state progress { margin-left: 0.6rem; vertical-align: middle; }
table.outcomes td.input, table.feeds td.feed-url { word-break: break-all; }
table.outcomes .reason { color: var(--copy); }
ul.jobs { padding-left: 1.2rem; }
@media (max-width: 640px) { form.stack .row { grid-template-columns: 1fr; } }
`

/** The link to the forms' stylesheet, placed at the top of a write page's content. */
export function formsStyle(): Html {
  return html`<link rel="stylesheet" href="${FORMS_STYLE_PATH}" />`
}
