/**
 * Workers on the queue beside one process: the same generated corpus
 * (re-enactments of the examples: lineage, stories and claims at every
 * size) ingested by one process into SQLite, by one process into
 * PostgreSQL, and through `crosscheck ingest --queue` by 1 and 2
 * `crosscheck worker` processes into PostgreSQL. Enqueueing is set up
 * outside the timed section: the worker cases time analysis and apply
 * only. Skipped where no PostgreSQL answers ($CROSSCHECK_TEST_POSTGRES,
 * default the local test database). $CROSSCHECK_BENCH_QUEUE_ARTICLES sets
 * the size (default 3000).
 */
import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { ingest } from '../../dist/ingest/ingest.js'
import { openPostgresStore } from '../../dist/store/postgres/postgres-store.js'
import { openSqliteStore } from '../../dist/store/sqlite/sqlite-store.js'
import { dropSchemas, inSchema, TEST_POSTGRES } from '../../dist/testing/test-postgres.js'
import { writeQueueCorpus } from '../scripts/queue-corpus.js'
import type { BenchCase } from './measure.js'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url))
const PG = TEST_POSTGRES
const ARTICLES = Number(process.env['CROSSCHECK_BENCH_QUEUE_ARTICLES'] ?? 3000)

interface Prepared {
  readonly dir: string
  readonly corpus: string
  /** A fresh schema's URL (PostgreSQL cases). */
  readonly db: string
  readonly schema: string
}

async function prepare(tag: string): Promise<Prepared> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-queue-'))
  const corpus = join(dir, 'news.jsonl')
  await writeQueueCorpus(corpus, ARTICLES)
  const schema = `cc_bench_${tag}_${process.pid}`
  return { dir, corpus, db: inSchema(schema), schema }
}

async function cleanUp(prepared: Prepared): Promise<void> {
  rmSync(prepared.dir, { recursive: true, force: true })
  await dropSchemas([prepared.schema, `${prepared.schema}_queue`])
}

/** Why the PostgreSQL cases cannot run, or null (synchronous: the bench asks before it forks). */
function noPostgres(): string | null {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1],connectionTimeoutMillis:2000});c.connect().then(()=>c.end(),()=>process.exit(1))`,
      PG,
    ],
    { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' },
  )
  return probe.status === 0 ? null : `no PostgreSQL answers at ${PG}; set CROSSCHECK_TEST_POSTGRES`
}

/** `workers` worker processes until the queue is drained; the articles stored. */
function workerCase(workers: number): BenchCase {
  return {
    name: `queue: ${workers} worker process${workers === 1 ? '' : 'es'} → PostgreSQL`,
    about: `${ARTICLES} re-enacted articles enqueued (untimed), then analysed and applied by ${workers} 'crosscheck worker --drain' process${workers === 1 ? '' : 'es'}`,
    unit: 'articles',
    skip: noPostgres,
    prepare: async () => {
      const prepared = await prepare(`w${workers}`)
      await run(process.execPath, [CLI, '--db', prepared.db, 'ingest', '--queue', prepared.db, '--quiet', prepared.corpus])
      return prepared
    },
    run: async (input) => {
      const prepared = input as Prepared
      try {
        await Promise.all(Array.from({ length: workers }, () => run(process.execPath, [CLI, '--db', prepared.db, 'worker', '--drain', '--quiet'])))
        const store = await openPostgresStore(prepared.db)
        try {
          return { items: await store.countArticles(), notes: `${workers} of ${workers} processes; apply is one batch at a time (the write lock)` }
        } finally {
          await store.close()
        }
      } finally {
        await cleanUp(prepared)
      }
    },
  }
}

export const QUEUE_CASES: readonly BenchCase[] = [
  {
    name: 'queue: one process → SQLite (reference)',
    about: `the same ${ARTICLES} re-enacted articles ingested by one process into SQLite`,
    unit: 'articles',
    prepare: () => prepare('sqlite'),
    run: async (input) => {
      const prepared = input as Prepared
      const store = openSqliteStore(join(prepared.dir, 'bench.db'))
      try {
        return { items: (await ingest([prepared.corpus], store)).inserted }
      } finally {
        await store.close()
        rmSync(prepared.dir, { recursive: true, force: true })
      }
    },
  },
  {
    name: 'queue: one process → PostgreSQL (no queue)',
    about: `the same ${ARTICLES} articles ingested by one process straight into PostgreSQL`,
    unit: 'articles',
    skip: noPostgres,
    prepare: () => prepare('direct'),
    run: async (input) => {
      const prepared = input as Prepared
      const store = await openPostgresStore(prepared.db)
      try {
        return { items: (await ingest([prepared.corpus], store)).inserted }
      } finally {
        await store.close()
        await cleanUp(prepared)
      }
    },
  },
  workerCase(1),
  workerCase(2),
]
