/**
 * Ingest jobs started from the web pages: what each asked for, how far it
 * got and, once done, every item's outcome. A job is a record the routes
 * update as the ingest reports events; the page of a job renders the
 * record. Jobs live in memory only (they are a view of a write, not the
 * write: the articles are in the store), bounded in number, and each
 * belongs to the session that started it.
 */
import { randomBytes } from 'node:crypto'
import type { IngestEvent, IngestReport } from '../ingest/ingest.js'
import type { JobOutcome, JobState, JobView } from '../web/ingest-page.js'

/** A job as the server keeps it: its view, and who may see it. */
export interface IngestJob {
  readonly id: string
  /** The session (or `bearer`) that started it. */
  readonly owner: string
  readonly summary: string
  readonly createdAt: string
  state: JobState
  progress: JobView['progress']
  /** Outcomes as events report them, until the job's reports replace them. */
  outcomes: JobOutcome[]
  error: string | null
  note: string | null
}

export interface JobRegistry {
  create(owner: string, summary: string): IngestJob
  /** The job, when it exists and belongs to `owner`. */
  get(id: string, owner: string): IngestJob | null
  /** The owner's jobs, newest first. */
  recent(owner: string, limit: number): IngestJob[]
}

/**
 * @param maxJobs Jobs kept; the oldest finished ones are forgotten first. @default 200
 * @example
 * const jobs = createJobRegistry()
 * const job = jobs.create('session-1', '2 URLs')
 * jobs.get(job.id, 'session-1') === job // => true
 */
export function createJobRegistry(maxJobs = 200): JobRegistry {
  const jobs = new Map<string, IngestJob>()
  return {
    create(owner, summary) {
      // Unguessable: a job page lists what was stored, so its address is not an index.
      const job: IngestJob = {
        id: randomBytes(12).toString('base64url'),
        owner,
        summary,
        createdAt: new Date().toISOString(),
        state: 'queued',
        progress: null,
        outcomes: [],
        error: null,
        note: null,
      }
      jobs.set(job.id, job)
      if (jobs.size > maxJobs) {
        for (const [id, old] of jobs) {
          if (jobs.size <= maxJobs) break
          if (old.state === 'done' || old.state === 'failed') jobs.delete(id)
        }
      }
      return job
    },
    get(id, owner) {
      const job = jobs.get(id)
      return job !== undefined && job.owner === owner ? job : null
    },
    recent(owner, limit) {
      return [...jobs.values()]
        .filter((job) => job.owner === owner)
        .reverse()
        .slice(0, limit)
    },
  }
}

/** The job's view, for its page. */
export function jobView(job: IngestJob): JobView {
  const { id, summary, state, createdAt, progress, outcomes, error, note } = job
  return { id, summary, state, createdAt, progress, outcomes, error, note }
}

/**
 * Follows a running ingest: each event becomes an outcome or progress, so
 * the job page shows items as they are stored.
 *
 * @param inputName How a location is shown (an uploaded file's temporary path becomes its own name).
 */
export function recordEvent(job: IngestJob, event: IngestEvent, inputName: (location: string) => string): void {
  switch (event.kind) {
    case 'progress':
      job.progress = { done: event.done, total: event.total, current: inputName(event.current) }
      return
    case 'stored':
      job.outcomes.push(storedOutcome(event, inputName))
      return
    case 'failed':
      job.outcomes.push(failedOutcome(event, inputName))
      return
    case 'skipped':
      job.outcomes.push({
        input: inputName(event.location),
        status: 'skipped',
        articleId: null,
        title: null,
        outlet: null,
        storyId: null,
        reason: event.reason,
      })
  }
}

/**
 * Every item's outcome from the job's finished reports (the authority: an
 * event may be missed, a report is complete), with the story each stored
 * article is in, and the outcomes decided before anything was queued
 * (refused URLs) first.
 */
export function outcomesOf(
  reports: readonly IngestReport[],
  storyOf: ReadonlyMap<string, number>,
  inputName: (location: string) => string,
  before: readonly JobOutcome[] = [],
): JobOutcome[] {
  const outcomes: JobOutcome[] = [...before]
  for (const report of reports) {
    for (const item of report.stored) outcomes.push({ ...storedOutcome(item, inputName), storyId: storyOf.get(item.id) ?? null })
    for (const item of report.failed) outcomes.push(failedOutcome(item, inputName))
    for (const item of report.skipped)
      outcomes.push({ input: inputName(item.location), status: 'skipped', articleId: null, title: null, outlet: null, storyId: null, reason: item.reason })
  }
  return outcomes
}

function storedOutcome(
  item: {
    readonly location: string
    readonly id: string
    readonly status: 'inserted' | 'duplicate'
    readonly title: string | null
    readonly outlet: string | null
  },
  inputName: (location: string) => string,
): JobOutcome {
  return { input: inputName(item.location), status: item.status, articleId: item.id, title: item.title, outlet: item.outlet, storyId: null, reason: null }
}

function failedOutcome(
  item: { readonly location: string; readonly code: string; readonly message: string },
  inputName: (location: string) => string,
): JobOutcome {
  return {
    input: inputName(item.location),
    status: 'failed',
    articleId: null,
    title: null,
    outlet: null,
    storyId: null,
    reason: `${item.message} (${item.code})`,
  }
}

/** "2 URLs, pasted text and 1 file": what a job was asked to do. */
export function describeRequest(counts: { readonly urls: number; readonly texts: number; readonly files: number }): string {
  const parts: string[] = []
  if (counts.urls > 0) parts.push(`${counts.urls} URL${counts.urls === 1 ? '' : 's'}`)
  if (counts.texts > 0) parts.push('pasted text')
  if (counts.files > 0) parts.push(`${counts.files} file${counts.files === 1 ? '' : 's'}`)
  if (parts.length === 0) return 'Nothing'
  const last = parts.pop() as string
  const text = parts.length === 0 ? last : `${parts.join(', ')} and ${last}`
  return `Adding ${text}`
}
