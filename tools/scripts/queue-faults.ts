#!/usr/bin/env node
/**
 * `node dist-tools/scripts/queue-faults.js [--articles 20000] [--kills 5] [--workers 2] [--window <seconds>] [--no-pg-restart] [--no-compare] [--also <path>]…`
 *
 * The work queue under faults: enqueues a generated corpus, runs worker
 * processes, `kill -9`s a random worker at random moments (restarting it a
 * second later), restarts PostgreSQL once mid-run (`pg_ctlcluster … restart`,
 * needs root), waits for the run to finish and checks:
 *
 * - nothing acknowledged is lost: every document `ingest --queue` reported
 *   queued is stored (its article in the store);
 * - no article is stored twice: one row per article, one story membership
 *   and one claims row each, no relation twice;
 * - no job is stuck: no job waiting, active, delayed or failed, nothing
 *   left ahead of the ledger's cursor;
 * - (unless --no-compare) the same articles, relations and story partition
 *   as one process ingesting the same corpus into SQLite.
 *
 * `--also` adds inputs (files or folders of any format `crosscheck ingest`
 * reads) ahead of the generated corpus, in the order given: with
 * `--kills 0 --no-pg-restart` it is the same-answers run of issue 13
 * (`--also examples/corpus --also ../shared/corpus/seeds --articles 5000`,
 * once with `--workers 1` and once with `--workers 4`).
 *
 * Uses a fresh schema in $CROSSCHECK_TEST_POSTGRES (default the local test
 * database) and drops it at the end. Prints the figures; exit 1 when a check fails.
 */
import { type ChildProcess, execFile, execSync, spawn } from 'node:child_process'
import { mkdtempSync, openSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs, promisify } from 'node:util'
import pg from 'pg'
import { ingest } from '../../dist/ingest/ingest.js'
import { openQueues, queueLocation, queueSchemaFor } from '../../dist/queue/connection.js'
import { openPostgresStore } from '../../dist/store/postgres/postgres-store.js'
import { openSqliteStore } from '../../dist/store/sqlite/sqlite-store.js'
import { seededRandom } from '../../dist/testing/synthetic.js'
import { storeAnswers } from '../../dist/testing/store-answers.js'
import { dropSchemas, inSchema, TEST_POSTGRES } from '../../dist/testing/test-postgres.js'
import { writeQueueCorpus } from './queue-corpus.js'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url))
const PG = TEST_POSTGRES

interface Figures {
  articles: number
  workers: number
  killsDone: number
  /** Workers that exited by themselves, with their exit codes (3: could not open the store, e.g. started while the database restarted). */
  unexpectedExits: string[]
  pgRestart: 'done' | 'skipped' | string
  seconds: number
  queued: number
  applied: number
  unreadable: number
  storedArticles: number
  lost: number
  storedTwice: number
  stuckJobs: number
  failedJobs: number
  sameAsOneProcess: boolean | 'not compared'
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      articles: { type: 'string', default: '20000' },
      kills: { type: 'string', default: '5' },
      workers: { type: 'string', default: '2' },
      seed: { type: 'string', default: '1' },
      window: { type: 'string' },
      'no-pg-restart': { type: 'boolean' },
      'no-compare': { type: 'boolean' },
      also: { type: 'string', multiple: true, default: [] },
    },
  })
  const articles = Number(values.articles)
  const kills = Number(values.kills)
  const workerCount = Number(values.workers)
  const random = seededRandom(Number(values.seed))
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-faults-'))
  const schema = `cc_faults_${process.pid}`
  const db = inSchema(schema)
  const queueArgs = ['--queue', db, '--queue-name', 'faults']
  const log = (line: string): void => {
    process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`)
  }
  const figures: Figures = {
    articles: 0,
    workers: workerCount,
    killsDone: 0,
    unexpectedExits: [],
    pgRestart: values['no-pg-restart'] === true ? 'skipped' : 'not reached',
    seconds: 0,
    queued: 0,
    applied: 0,
    unreadable: 0,
    storedArticles: 0,
    lost: 0,
    storedTwice: 0,
    stuckJobs: 0,
    failedJobs: 0,
    sameAsOneProcess: 'not compared',
  }
  const workers: Array<ChildProcess | null> = []
  let finishing = false
  try {
    const corpus = join(dir, 'corpus.jsonl')
    figures.articles = await writeQueueCorpus(corpus, articles)
    // The inputs in the order both runs read them: the added ones first, then the generated corpus.
    const inputs = [...(values.also ?? []), corpus]
    log(`corpus: ${figures.articles} articles in ${corpus}${inputs.length > 1 ? ` after ${inputs.slice(0, -1).join(', ')}` : ''}; store ${db}`)
    const started = Date.now()
    const { stdout } = await run(process.execPath, [CLI, '--db', db, 'ingest', ...queueArgs, '--json', ...inputs], { maxBuffer: 64 * 1024 * 1024 })
    const enqueued = JSON.parse(stdout) as { enqueued: number; requeued: number }
    figures.queued = enqueued.enqueued + enqueued.requeued
    log(`queued ${figures.queued}`)

    const logFile = openSync(join(dir, 'workers.log'), 'a')
    const startWorker = (slot: number): void => {
      const child = spawn(process.execPath, [CLI, '--db', db, 'worker', ...queueArgs, '--quiet'], { stdio: ['ignore', 'ignore', logFile] })
      workers[slot] = child
      child.on('exit', (code, signal) => {
        if (workers[slot] !== child || finishing) return
        // Not one of ours: a worker that died by itself is a finding, and is restarted so the run can finish.
        figures.unexpectedExits.push(String(signal ?? code))
        log(`worker ${slot} exited by itself (${signal ?? code}); restarting it`)
        startWorker(slot)
      })
    }
    for (let slot = 0; slot < workerCount; slot++) startWorker(slot)

    const store = await openPostgresStore(db)
    const ledger = store.queueLedger()
    const outstanding = async (): Promise<number> => (await ledger.stats()).outstanding
    // Faults at random moments over the expected length of the run (--window, default 0.05 s per article):
    // the kills at uniformly random times, the database restart at a random time among them.
    const windowMs = Number(values.window ?? figures.articles / 20) * 1000
    const faults = [
      ...Array.from({ length: kills }, () => ({ at: random() * windowMs, kind: 'kill' as const })),
      ...(values['no-pg-restart'] === true ? [] : [{ at: windowMs * (0.2 + 0.6 * random()), kind: 'restart' as const }]),
    ].sort((x, y) => x.at - y.at)
    const since = Date.now()
    for (const fault of faults) {
      await sleep(Math.max(0, fault.at - (Date.now() - since)))
      const left = await outstanding().catch(() => -1)
      if (left === 0) break
      if (fault.kind === 'kill') {
        const slot = Math.floor(random() * workerCount)
        const victim = workers[slot]
        workers[slot] = null
        victim?.kill('SIGKILL')
        figures.killsDone++
        log(`kill -9 worker ${slot} (pid ${victim?.pid ?? '?'}); ${left} documents still ahead`)
        await sleep(1000)
        startWorker(slot)
        continue
      }
      try {
        const version = execSync('ls /etc/postgresql', { encoding: 'utf8' }).trim().split('\n')[0] ?? ''
        log(`restarting PostgreSQL ${version}; ${left} documents still ahead`)
        execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main restart`, { stdio: 'inherit' })
        figures.pgRestart = 'done'
        log('PostgreSQL is back')
      } catch (error) {
        figures.pgRestart = `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
      }
    }
    // Wait for the run to end (the ledger's cursor past every document), giving up after an hour.
    for (let waited = 0; ; waited += 2) {
      const left = await outstanding().catch(() => -1)
      if (left === 0) break
      if (waited % 30 === 0) log(`${left === -1 ? 'store not answering' : `${left} documents still ahead`}`)
      if (waited > 3600) throw new Error('the run did not finish within an hour')
      await sleep(2000)
    }
    figures.seconds = Math.round((Date.now() - started) / 1000)
    log(`done in ${figures.seconds} s; waiting for the queues to empty`)
    // The apply stage's nudges (one per document, each a no-op once its batch is stored) drain after
    // the last batch; a job still waiting or running a few minutes later is stuck.
    const handles = openQueues(queueLocation(db, { name: 'faults', schema: queueSchemaFor(db) }))
    const unfinished = async (): Promise<number> => {
      let n = 0
      for (const queue of Object.values(handles.queues)) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized')
        n += Object.values(counts).reduce((sum, c) => sum + c, 0)
      }
      return n
    }
    for (let waited = 0; waited < 180 && (await unfinished()) > 0; waited += 2) await sleep(2000)

    // Nothing acknowledged lost, nothing twice.
    const documents = await ledger.documents()
    figures.applied = documents.filter((d) => d.state === 'applied').length
    figures.unreadable = documents.filter((d) => d.state === 'failed').length
    const client = new pg.Client({ connectionString: PG })
    await client.connect()
    const count = async (sql: string): Promise<number> => Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0)
    figures.storedArticles = await count(`SELECT count(*) AS n FROM ${schema}.articles`)
    figures.lost = await count(
      `SELECT count(*) AS n FROM ${schema}.queue_documents d WHERE d.state <> 'failed' AND NOT EXISTS (SELECT 1 FROM ${schema}.articles a WHERE a.id = d.article_id)`,
    )
    figures.storedTwice =
      (await count(`SELECT count(*) - count(DISTINCT article_id) AS n FROM ${schema}.story_members`)) +
      (await count(`SELECT count(*) - count(DISTINCT article_id) AS n FROM ${schema}.article_claims`)) +
      (await count(`SELECT count(*) - count(DISTINCT (a, b)) AS n FROM ${schema}.relations`)) +
      // Every stored article is the article of an applied document, once.
      Math.abs(figures.storedArticles - (await count(`SELECT count(DISTINCT article_id) AS n FROM ${schema}.queue_documents WHERE state = 'applied'`)))
    await client.end()
    // No job stuck: ask the queue itself.
    figures.stuckJobs = await unfinished()
    for (const queue of Object.values(handles.queues)) figures.failedJobs += (await queue.getJobCounts('failed'))['failed'] ?? 0
    await handles.close()

    if (values['no-compare'] !== true) {
      log('ingesting the same corpus in one process into SQLite, to compare')
      const sqlite = openSqliteStore(join(dir, 'one-process.db'))
      try {
        await ingest(inputs, sqlite, { workers: 0 })
        figures.sameAsOneProcess = JSON.stringify(await storeAnswers(sqlite)) === JSON.stringify(await storeAnswers(store))
      } finally {
        await sqlite.close()
      }
    }
    await store.close()
  } finally {
    finishing = true
    for (const child of workers) child?.kill('SIGTERM')
    await sleep(2000)
    for (const child of workers) if (child !== null && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    // Best effort: the run's figures are printed even when the database has gone away.
    await dropSchemas([schema, `${schema}_queue`]).catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  }
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`)
  const ok =
    figures.lost === 0 &&
    figures.storedTwice === 0 &&
    figures.stuckJobs === 0 &&
    figures.failedJobs === 0 &&
    // A worker may refuse to start while the database is down (exit 3); any other exit of its own is a crash.
    figures.unexpectedExits.every((code) => code === '3') &&
    figures.applied + figures.unreadable === figures.queued &&
    figures.sameAsOneProcess !== false
  process.stderr.write(ok ? 'all checks passed\n' : 'A CHECK FAILED\n')
  return ok ? 0 : 1
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`queue-faults: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
