/**
 * Bringing articles in from the browser: the form (URLs, pasted text,
 * files) and the page of one ingest job, which shows its progress while it
 * runs (the page asks the browser to reload it) and then every item's
 * outcome with links to the stored article and the story it joined.
 * Everything shown here came from the network or a user: titles, outlets,
 * file names and failure messages are escaped like any other text.
 */
import { html } from 'hono/html'
import { EMPTY, type Html, shortId } from './html.js'
import { formsStyle } from './forms-style.js'
import { page } from './layout.js'
import { signOutForm } from './sign-in-page.js'

/** Formats the upload field accepts, by file name ending (what `crosscheck ingest` reads). */
export const UPLOAD_ACCEPT = '.txt,.text,.md,.html,.htm,.xhtml,.json,.jsonl,.ndjson,.xml,.rss,.atom,.warc,.warc.gz,.gz'

export interface IngestFormView {
  readonly csrf: string
  /** Largest request, in bytes, and the longest an upload may take, in seconds: said on the form, enforced by the server. */
  readonly maxBytes: number
  readonly uploadSeconds: number
  readonly maxUrls: number
  /** A problem with the last submission (nothing was queued). */
  readonly error?: string
  /** The visitor's recent jobs, newest first. */
  readonly recent: readonly JobView[]
}

export type JobState = 'queued' | 'running' | 'done' | 'failed'

/** One input's outcome: stored (new or a duplicate of a stored article), failed with its reason, or skipped. */
export interface JobOutcome {
  /** What the input was, as the user gave it (a URL, a file name and record, "pasted text"). */
  readonly input: string
  readonly status: 'inserted' | 'duplicate' | 'failed' | 'skipped'
  readonly articleId: string | null
  readonly title: string | null
  readonly outlet: string | null
  /** The story the article is in, once the job is done. */
  readonly storyId: number | null
  /** For failed and skipped items: the reason, with its code. */
  readonly reason: string | null
}

export interface JobView {
  readonly id: string
  /** What was asked, in words ("2 URLs, 1 file"). */
  readonly summary: string
  readonly state: JobState
  readonly createdAt: string
  readonly progress: { readonly done: number; readonly total: number; readonly current: string } | null
  readonly outcomes: readonly JobOutcome[]
  /** Why the whole job failed (the writer crashed, the feed could not be read); per-item failures are outcomes. */
  readonly error: string | null
  /** A line to show above the outcomes (e.g. "the feed was not modified since the last poll"). */
  readonly note: string | null
}

export function renderIngestPage(view: IngestFormView): Html {
  const megabytes = Math.round(view.maxBytes / (1024 * 1024))
  return page(
    { title: 'Add articles', section: 'ingest' },
    html`${formsStyle()}
      <h1>Add articles</h1>
      <p class="muted lede">
        Each article goes through the same pipeline as <code>crosscheck ingest</code>: cleaned, compared with everything stored, and placed in a story.
      </p>
      ${view.error === undefined ? EMPTY : html`<p class="notice error" role="alert">${view.error}</p>`}
      <form class="stack ingest" action="/ingest" method="post" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="${view.csrf}" />
        <fieldset>
          <legend>Web pages</legend>
          <label for="urls">URLs of articles or feeds, one per line (at most ${view.maxUrls})</label>
          <textarea id="urls" name="urls" rows="3" spellcheck="false" placeholder="https://news.example/2026/05/harbour-expansion"></textarea>
        </fieldset>
        <fieldset>
          <legend>Pasted text</legend>
          <label for="text">Article text</label>
          <textarea id="text" name="text" rows="8"></textarea>
          <div class="row">
            <label>Title <input name="title" maxlength="500" /></label>
            <label>Outlet <input name="outlet" maxlength="200" /></label>
            <label>Date <input name="date" type="date" /></label>
          </div>
        </fieldset>
        <fieldset>
          <legend>Files</legend>
          <label for="files">Text, HTML, JSON, JSON Lines, RSS or Atom feeds, WARC archives</label>
          <input id="files" name="files" type="file" multiple accept="${UPLOAD_ACCEPT}" />
          <p class="small muted">Up to ${megabytes} MiB in all, sent within ${view.uploadSeconds} s.</p>
        </fieldset>
        <button type="submit">Add</button>
      </form>
      ${
        view.recent.length === 0
          ? EMPTY
          : html`<h2>Recent</h2>
              <ul class="jobs">
                ${view.recent.map((job) => html`<li><a href="/ingest/jobs/${job.id}">${job.summary}</a> <span class="muted">${stateWords(job)}</span></li>`)}
              </ul>`
      }
      <p class="small">${signOutForm(view.csrf)}</p>`,
  )
}

/** Where the job page's script is served (by the server, beside the page). */
export const JOB_SCRIPT_PATH = '/ingest/job.js'

/**
 * The job page's script: fetches the page again and swaps in its content
 * until the job is done, so the progress moves without reloading the whole
 * page. Without JavaScript the page's refresh does the same.
 */
export const JOB_SCRIPT = `'use strict'
;(() => {
  const running = () => {
    const state = document.querySelector('.job-state')
    return state !== null && (state.dataset.state === 'queued' || state.dataset.state === 'running')
  }
  const tick = async () => {
    try {
      const res = await fetch(location.href, { credentials: 'same-origin', cache: 'no-store' })
      const fresh = new DOMParser().parseFromString(await res.text(), 'text/html').querySelector('main')
      const main = document.querySelector('main')
      if (fresh !== null && main !== null) main.replaceChildren(...Array.from(fresh.childNodes, (node) => document.importNode(node, true)))
    } catch {
      // A failed poll is tried again; the server may be busy.
    }
    if (running()) setTimeout(tick, 700)
  }
  if (running()) setTimeout(tick, 700)
})()
`

export function renderJobPage(job: JobView): Html {
  const running = job.state === 'queued' || job.state === 'running'
  const counts = countOutcomes(job.outcomes)
  return page(
    { title: running ? 'Adding articles…' : 'Articles added', section: 'ingest' },
    html`${formsStyle()}
      <h1>${job.summary}</h1>
      <p class="job-state" role="status" aria-live="polite" data-state="${job.state}">
        ${stateWords(job)}${
          job.progress === null || !running
            ? EMPTY
            : html` — ${job.progress.done} of ${job.progress.total} read<progress max="${job.progress.total}" value="${job.progress.done}"></progress>`
        }
      </p>
      ${
        running
          ? html`<p class="small muted">This page updates itself until the job is done.</p>
              <noscript><meta http-equiv="refresh" content="1" /></noscript>
              <script src="${JOB_SCRIPT_PATH}" defer></script>`
          : EMPTY
      }
      ${job.error === null ? EMPTY : html`<p class="notice error" role="alert">${job.error}</p>`}
      ${job.note === null ? EMPTY : html`<p class="notice">${job.note}</p>`}
      ${
        job.outcomes.length === 0
          ? running
            ? EMPTY
            : html`<p class="muted">Nothing was read.</p>`
          : html`<p class="facts">
                <b>${counts.inserted}</b> stored · <b>${counts.duplicate}</b> already stored · <b>${counts.failed}</b> failed${
                  counts.skipped > 0 ? html` · <b>${counts.skipped}</b> skipped` : EMPTY
                }
              </p>
              <div class="table-wrap">
                <table class="outcomes">
                  <thead>
                    <tr>
                      <th>Input</th>
                      <th>Outcome</th>
                      <th>Article</th>
                      <th>Story</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${job.outcomes.map(outcomeRow)}
                  </tbody>
                </table>
              </div>`
      }
      <p><a href="/ingest">Add more</a></p>`,
  )
}

function outcomeRow(outcome: JobOutcome): Html {
  const word = OUTCOME_WORDS[outcome.status]
  return html`<tr class="outcome-${outcome.status}">
    <td class="input">${outcome.input}</td>
    <td>${word}${outcome.reason === null ? EMPTY : html`<div class="small reason">${outcome.reason}</div>`}</td>
    <td>
      ${
        outcome.articleId === null
          ? EMPTY
          : html`<a href="/articles/${outcome.articleId}">${outcome.title === null || outcome.title === '' ? '(no title)' : outcome.title}</a>
              <span class="muted">${outcome.outlet ?? ''}</span> <code class="id">${shortId(outcome.articleId)}</code>`
      }
    </td>
    <td>${outcome.storyId === null ? EMPTY : html`<a href="/stories/${outcome.storyId}">story ${outcome.storyId}</a>`}</td>
  </tr>`
}

const OUTCOME_WORDS: Record<JobOutcome['status'], string> = {
  inserted: 'stored',
  duplicate: 'already stored',
  failed: 'failed',
  skipped: 'skipped',
}

function stateWords(job: JobView): string {
  switch (job.state) {
    case 'queued':
      return 'waiting for the writes before it'
    case 'running':
      return 'running'
    case 'done':
      return 'done'
    case 'failed':
      return 'stopped'
  }
}

function countOutcomes(outcomes: readonly JobOutcome[]): Record<JobOutcome['status'], number> {
  const counts = { inserted: 0, duplicate: 0, failed: 0, skipped: 0 }
  for (const outcome of outcomes) counts[outcome.status]++
  return counts
}
