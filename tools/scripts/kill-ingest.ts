#!/usr/bin/env node
/**
 * `node dist-tools/scripts/kill-ingest.js [--articles n] [--kills k] [--seed s] [--batch-size b] [--workers w] [--keep]`
 * (or `npm run kill-ingest -- …`): does a `kill -9` in the middle of an
 * ingest lose or corrupt anything once the same command is run again?
 *
 * 1. Writes `--articles` synthetic articles (default 10,000) as one JSON
 *    Lines file in a temporary folder: the example corpus re-enacted (stories
 *    with copies, rewrites, quotes, figures and disagreements) with one in
 *    ten a pseudo-word article of its own.
 * 2. Ingests it with the built CLI (`dist/cli/main.js ingest`) into store A,
 *    uninterrupted.
 * 3. Ingests it into store B, and `--kills` times (default 5) kills the
 *    process with SIGKILL at a random point and starts the same command
 *    again, which must skip what is stored and go on; then lets the last
 *    run finish.
 * 4. Compares A and B table by table (articles and their order, fingerprint
 *    bands and anchors, anchor frequencies, relations with kind, direction
 *    and coverage to 3 decimals, story partitions up to renumbering, claims,
 *    the clusterer's saved state as the next run loads it: header, DF table,
 *    active stories), counts half-done articles in both, runs
 *    SQLite's quick_check, and runs `crosscheck check` on B where the CLI
 *    has that command.
 *
 * A random point is drawn as an input position (an article count) and a
 * delay: once the run has acknowledged that many articles (its `stored:` and
 * `already stored:` lines, printed only after a batch commits), the kill
 * comes after a random delay of up to one batch's time, so it can fall
 * anywhere in a batch's cycle: reading, analysis, the transaction, or the
 * re-run's pass over what is already stored. `--seed` fixes the corpus and
 * the plan (positions and delays); where in a batch each kill lands still
 * depends on the machine's speed, so the table says where each one fell.
 *
 * Prints a table of figures; exits 0 when B equals A, 1 on any difference
 * (or an acknowledged article missing after a kill), 2 on wrong usage, 3
 * when the harness itself could not do what it was asked (a run failed, a
 * kill did not land before the run finished).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { formatTable } from '../../dist/cli/table.js'
import { decodeClusterState, encodeClusterStory } from '../../dist/cluster/snapshot-format.js'
import { DEFAULT_BATCH_SIZE } from '../../dist/limits.js'
import { openSqliteStore } from '../../dist/store/sqlite/sqlite-store.js'
import { type ArticleRecord, exampleArticles, properNames, reenact } from '../../dist/testing/story-corpus.js'
import { seededRandom, syntheticTextArticle } from '../../dist/testing/synthetic.js'

export interface KillIngestOpts {
  /** Articles in the generated corpus. @default 10000 */
  readonly articles?: number
  /** SIGKILLs during the second ingest, each followed by a re-run. @default 5 */
  readonly kills?: number
  /** Seeds the corpus and the kill plan. @default 1 */
  readonly seed?: number
  /** `--batch-size` of both ingests. @default DEFAULT_BATCH_SIZE (200) */
  readonly batchSize?: number
  /** `--workers` of both ingests. @default the CLI's own default */
  readonly workers?: number
  /** Keep the temporary folder (the JSON Lines file and both stores) for inspection. @default false */
  readonly keep?: boolean
  /** Told what the run is doing, one line at a time. */
  readonly onProgress?: (line: string) => void
}

/** One process of an ingest: the clean run, a killed run, or the run that finished B. */
export interface IngestRun {
  /** Wall time from spawn to exit, in seconds. */
  readonly seconds: number
  readonly exitCode: number | null
  readonly signal: NodeJS.Signals | null
  /** Articles this run reported as newly stored (`stored:` lines). */
  readonly fresh: number
  /** Articles this run found stored already (`already stored:` lines). */
  readonly already: number
  /** The lines of its output that were neither, for a failure's reason. */
  readonly otherOutput: readonly string[]
  /** The kill aimed at this run, if any, and where it fell. */
  readonly kill: KillFigures | null
}

export interface KillFigures {
  /** The input position (articles acknowledged by this run) after which the delay started. */
  readonly afterPosition: number
  readonly delayMs: number
  /** When the signal was sent, seconds after spawn; null when the run ended first. */
  readonly atSeconds: number | null
  /** Articles acknowledged (stored or already stored) when the signal was sent. */
  readonly positionAtKill: number | null
}

/** One compared table: how many rows each store has and how they differ. */
export interface TableComparison {
  readonly table: string
  readonly rowsA: number
  readonly rowsB: number
  readonly onlyA: number
  readonly onlyB: number
  readonly differ: number
  /** A few keys that differ, to start looking from. */
  readonly examples: readonly string[]
}

/** One integrity count for both stores: half-done articles, or SQLite's own check. */
export interface IntegrityFigure {
  readonly check: string
  readonly a: number | string
  readonly b: number | string
}

export interface KillIngestResult {
  readonly articles: number
  readonly seed: number
  readonly batchSize: number
  readonly folder: string
  readonly clean: IngestRun
  /** The runs into B, in order: the killed ones, then the one that finished. */
  readonly attempts: readonly IngestRun[]
  /** Kills that landed (the run was still going when the signal came). */
  readonly kills: number
  readonly killsPlanned: number
  /** Ids a run reported as stored that a later run stored again as new: acknowledged, then lost. */
  readonly lostAcknowledged: readonly string[]
  readonly tables: readonly TableComparison[]
  readonly integrity: readonly IntegrityFigure[]
  /** `crosscheck check` on B: null when this CLI has no such command. */
  readonly checkCommand: { readonly exitCode: number | null; readonly output: string } | null
  /** What kept the harness from doing what it was asked, if anything. */
  readonly harnessProblems: readonly string[]
}

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli', 'main.js')
/** One article in this many is a pseudo-word article (a story of its own, no lineage) among the re-enactments. */
const PSEUDO_EVERY = 10
/** Examples of differing keys kept per table. */
const EXAMPLES = 3

/**
 * Runs the whole check (generate, clean ingest, killed ingest, compare)
 * and returns its figures; `formatKillIngestReport` prints them.
 */
export async function runKillIngest(opts: KillIngestOpts = {}): Promise<KillIngestResult> {
  const articles = opts.articles ?? 10_000
  const killsPlanned = opts.kills ?? 5
  const seed = opts.seed ?? 1
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE
  const tell = opts.onProgress ?? (() => {})
  const folder = await mkdtemp(join(tmpdir(), 'crosscheck-kill-ingest-'))
  try {
    const input = join(folder, 'news.jsonl')
    await writeFile(input, `${(await syntheticCorpus(articles, seed)).map((record) => JSON.stringify(record)).join('\n')}\n`)
    const flags = ['--batch-size', String(batchSize), ...(opts.workers === undefined ? [] : ['--workers', String(opts.workers)])]
    const storeA = join(folder, 'a.db')
    const storeB = join(folder, 'b.db')
    const harnessProblems: string[] = []

    tell(`clean ingest of ${articles} articles into ${storeA}`)
    const clean = await runIngest(storeA, input, flags, null)
    if (clean.exitCode !== 0) harnessProblems.push(`the clean ingest exited with ${describeExit(clean)}: ${clean.otherOutput.slice(-3).join(' / ')}`)

    // The plan: sorted input positions (leaving three batches after the
    // last, so a kill lands before the run can finish) and delays of up to
    // one batch's time as the clean run took it.
    const random = seededRandom(seed * 7919 + 17)
    const batchMs = (clean.seconds * 1000 * batchSize) / Math.max(1, articles)
    const room = Math.max(1, articles - 3 * batchSize)
    const plan = Array.from({ length: killsPlanned }, () => Math.floor(random() * room))
      .sort((x, y) => x - y)
      .map((afterPosition) => ({ afterPosition, delayMs: Math.round(random() * batchMs) }))

    const attempts: IngestRun[] = []
    const acknowledged = new Set<string>()
    const lostAcknowledged: string[] = []
    const record = (run: IngestRun & { storedIds: readonly string[] }): void => {
      for (const id of run.storedIds) {
        if (acknowledged.has(id)) lostAcknowledged.push(id)
        acknowledged.add(id)
      }
      const { storedIds: _ids, ...figures } = run
      attempts.push(figures)
    }
    for (const [i, step] of plan.entries()) {
      tell(`run ${i + 1} into ${storeB}: SIGKILL ${step.delayMs} ms after article ${step.afterPosition}`)
      const run = await runIngest(storeB, input, flags, step)
      record(run)
      if (run.signal !== 'SIGKILL') {
        harnessProblems.push(`kill ${i + 1} did not land: the run ended first (${describeExit(run)})`)
        break
      }
    }
    const last = attempts.at(-1)
    if (last === undefined || last.signal === 'SIGKILL') {
      tell(`final run into ${storeB}`)
      const run = await runIngest(storeB, input, flags, null)
      record(run)
      if (run.exitCode !== 0) harnessProblems.push(`the final run exited with ${describeExit(run)}: ${run.otherOutput.slice(-3).join(' / ')}`)
    }

    tell('comparing the stores')
    const { tables, integrity } = compareStores(storeA, storeB)
    const [clusterA, clusterB] = [await clustererTables(storeA), await clustererTables(storeB)]
    clusterA.forEach(({ table, rows }, i) => tables.push(compareRows(table, rows, clusterB[i]?.rows ?? new Map())))
    const checkCommand = await runCheckCommand(storeB)
    return {
      articles,
      seed,
      batchSize,
      folder,
      clean,
      attempts,
      kills: attempts.filter((run) => run.signal === 'SIGKILL').length,
      killsPlanned,
      lostAcknowledged,
      tables,
      integrity,
      checkCommand,
      harnessProblems,
    }
  } finally {
    if (opts.keep !== true) await rm(folder, { recursive: true, force: true })
  }
}

/** Whether B came out as A did: no table differs, no half-done article, nothing acknowledged was lost. */
export function sameAsClean(result: KillIngestResult): boolean {
  return (
    result.lostAcknowledged.length === 0 &&
    result.tables.every((t) => t.onlyA === 0 && t.onlyB === 0 && t.differ === 0) &&
    result.integrity.every((figure) => figure.a === figure.b)
  )
}

/**
 * `articles` JSON records: the example corpus re-enacted (oldest first, as
 * the ingest benchmark orders them), with every `PSEUDO_EVERY`th record a
 * pseudo-word article. The seed picks which re-enactments and which
 * pseudo-word articles.
 */
export async function syntheticCorpus(articles: number, seed: number): Promise<ArticleRecord[]> {
  const examples = await exampleArticles()
  const names = properNames(examples)
  const random = seededRandom(seed)
  const pseudo = Math.floor(articles / PSEUDO_EVERY)
  const reenactments = Math.ceil((articles - pseudo) / examples.length)
  // Re-enactment n is dated n weeks back: starting at the seed keeps every seed's dates within a few decades.
  const first = seed % 1000
  const reenacted: ArticleRecord[] = []
  for (let n = first + reenactments - 1; n >= first; n--) reenacted.push(...reenact(examples, names, n))
  const records: ArticleRecord[] = []
  let next = 0
  for (let i = 0; records.length < articles; i++) {
    const real = reenacted[next]
    if (i % PSEUDO_EVERY === PSEUDO_EVERY - 1 || real === undefined) records.push(pseudoWordRecord(random, i))
    else {
      records.push(real)
      next++
    }
  }
  return records
}

function pseudoWordRecord(random: () => number, index: number): ArticleRecord {
  // The saved-page text generator's own first lines are a banner, a dateline and a headline; as a record, its body.
  const lines = syntheticTextArticle(random, 200 + Math.floor(random() * 400)).split('\n')
  const title = lines[4] ?? `Article ${index}`
  const day = 1 + Math.floor(random() * 28)
  return {
    title,
    text: lines.slice(6).join('\n'),
    outlet: `Pseudo ${1 + Math.floor(random() * 5)}`,
    published: `2026-0${1 + Math.floor(random() * 9)}-${String(day).padStart(2, '0')}`,
  }
}

/**
 * One `crosscheck ingest` process over `input` into `db`. With a kill step,
 * it is sent SIGKILL `delayMs` after it has acknowledged `afterPosition`
 * articles. Resolves when the process has exited, however it ended.
 */
function runIngest(
  db: string,
  input: string,
  flags: readonly string[],
  kill: { readonly afterPosition: number; readonly delayMs: number } | null,
): Promise<IngestRun & { storedIds: readonly string[] }> {
  const started = performance.now()
  const seconds = (): number => (performance.now() - started) / 1000
  const child = spawn(process.execPath, [CLI, '--db', db, 'ingest', input, ...flags], { stdio: ['ignore', 'pipe', 'pipe'] })
  const storedIds: string[] = []
  const otherOutput: string[] = []
  let already = 0
  let timer: NodeJS.Timeout | undefined
  let atSeconds: number | null = null
  let positionAtKill: number | null = null
  const position = (): number => storedIds.length + already
  const arm = (): void => {
    if (kill === null || timer !== undefined || position() < kill.afterPosition) return
    timer = setTimeout(() => {
      atSeconds = seconds()
      positionAtKill = position()
      child.kill('SIGKILL')
    }, kill.delayMs)
  }
  arm()
  // The CLI writes one line per article to stderr, after its batch committed.
  const onLine = (line: string): void => {
    const stored = /^stored: ([0-9a-f]+) /u.exec(line)
    if (stored !== null) storedIds.push(stored[1] as string)
    else if (line.startsWith('already stored: ')) already++
    else if (otherOutput.length < 200) otherOutput.push(line)
    arm()
  }
  const lines = [createInterface({ input: child.stderr as NodeJS.ReadableStream }), createInterface({ input: child.stdout as NodeJS.ReadableStream })]
  for (const reader of lines) reader.on('line', onLine)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer)
      resolve({
        seconds: seconds(),
        exitCode,
        signal,
        fresh: storedIds.length,
        already,
        otherOutput,
        storedIds,
        kill: kill === null ? null : { ...kill, atSeconds, positionAtKill },
      })
    })
  })
}

/** `crosscheck check` on a store, or null when the CLI has no such command (it answers "unknown command" with exit code 2). */
async function runCheckCommand(db: string): Promise<{ exitCode: number | null; output: string } | null> {
  const child: ChildProcess = spawn(process.execPath, [CLI, '--db', db, 'check'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve(code))
  })
  if (exitCode === 2 && /unknown command/u.test(output)) return null
  return { exitCode, output: output.trim() }
}

/**
 * Every table a run writes, keyed so that the same fact has the same key in
 * both stores, with its value reduced to what must be equal (a digest where
 * the value is long). Store-local numbers (`seq`, story ids, ingest
 * timestamps) are left out: only what a reader can see through them counts.
 */
function compareStores(pathA: string, pathB: string): { tables: TableComparison[]; integrity: IntegrityFigure[] } {
  const a = new Database(pathA, { readonly: true, fileMustExist: true })
  const b = new Database(pathB, { readonly: true, fileMustExist: true })
  try {
    const tables = TABLES.map(({ table, read }) => compareRows(table, read(a), read(b)))
    const integrity = INTEGRITY.map(({ check, count }) => ({ check, a: count(a), b: count(b) }))
    return { tables, integrity }
  } finally {
    a.close()
    b.close()
  }
}

type Rows = Map<string, string>

const TABLES: ReadonlyArray<{ readonly table: string; readonly read: (db: Database.Database) => Rows }> = [
  {
    table: 'articles',
    read: (db) =>
      keyed(
        db
          .prepare(
            `SELECT id, content_hash, source_kind, location, source_index, format, url, outlet, title, title_derived, published,
                    byline, credited_source, language, text, paragraphs, sentences, removed, diagnostics, raw
             FROM articles`,
          )
          .all() as Array<Record<string, unknown>>,
        (row) => String(row['id']),
        (row) => digest(JSON.stringify(row)),
      ),
  },
  {
    // The order articles were stored in is the order `articles` lists them in.
    table: 'article order',
    read: (db) =>
      keyed(
        (db.prepare('SELECT id FROM articles ORDER BY seq').all() as Array<{ id: string }>).map((row, i) => ({ ...row, i })),
        (row) => String(row.i),
        (row) => row.id,
      ),
  },
  { table: 'fingerprint bands', read: (db) => grouped(db, 'SELECT a.id AS k, x.band AS v FROM article_bands x JOIN articles a ON a.seq = x.article_seq') },
  {
    table: 'fingerprint anchors',
    read: (db) => grouped(db, 'SELECT a.id AS k, x.anchor AS v FROM article_anchors x JOIN articles a ON a.seq = x.article_seq'),
  },
  {
    table: 'anchor frequency',
    read: (db) =>
      keyed(
        db.prepare('SELECT anchor, articles FROM anchor_frequency').all() as Array<{ anchor: number; articles: number }>,
        (row) => String(row.anchor),
        (row) => String(row.articles),
      ),
  },
  {
    table: 'relations',
    read: (db) =>
      keyed(
        db.prepare('SELECT a, b, kind, original, coverage_a, coverage_b, confidence, json_array_length(matches) AS matches FROM relations').all() as Array<{
          a: string
          b: string
          kind: string
          original: string | null
          coverage_a: number
          coverage_b: number
          confidence: number
          matches: number
        }>,
        (row) => `${row.a}~${row.b}`,
        (row) =>
          [row.kind, row.original ?? 'unknown', row.coverage_a.toFixed(3), row.coverage_b.toFixed(3), row.confidence.toFixed(3), `${row.matches} matches`].join(
            ' ',
          ),
      ),
  },
  {
    // Up to renumbering: a story is known by its members, keyed by its first (least) member id.
    table: 'story partition',
    read: (db) => {
      const members = new Map<number, string[]>()
      for (const row of db.prepare('SELECT story_id, article_id FROM story_members').all() as Array<{ story_id: number; article_id: string }>) {
        const list = members.get(row.story_id) ?? []
        list.push(row.article_id)
        members.set(row.story_id, list)
      }
      const rows: Rows = new Map()
      for (const list of members.values()) {
        list.sort()
        rows.set(list[0] as string, list.join(' '))
      }
      return rows
    },
  },
  {
    table: 'claims',
    read: (db) =>
      keyed(
        db.prepare('SELECT article_id, extractor_version, dates_day, dates_basis, claims FROM article_claims').all() as Array<Record<string, unknown>>,
        (row) => String(row['article_id']),
        (row) => digest(JSON.stringify(row)),
      ),
  },
]

/**
 * The clusterer's saved state as the next run will load it (header, DF
 * table, one row per active story keyed by the article that started it),
 * read through crosscheck's own loader: the parts it is saved in (a base
 * table and a log of changes folded now and then) may be laid out
 * differently by two runs that saved the same state. A difference here is
 * one the stories formed later would show.
 */
async function clustererTables(path: string): Promise<Array<{ table: string; rows: Rows }>> {
  const store = openSqliteStore(path, { readonly: true, create: false })
  try {
    const saved = await store.loadClusterState()
    const header: Rows = new Map()
    const df: Rows = new Map()
    const stories: Rows = new Map()
    if (saved !== null) {
      const snapshot = decodeClusterState(saved)
      const { docCount, clock, nextStoryId, retired } = snapshot
      header.set('header', JSON.stringify({ docCount, clock, nextStoryId, retired }))
      df.set('df', digest(Buffer.from(snapshot.df.buffer, snapshot.df.byteOffset, snapshot.df.byteLength).toString('base64')))
      // Up to renumbering, like the stories themselves.
      for (const story of snapshot.stories) stories.set(story.firstMember, digest(encodeClusterStory({ ...story, id: 0 })))
    }
    return [
      { table: 'clusterer header', rows: header },
      { table: 'clusterer DF table', rows: df },
      { table: 'clusterer stories', rows: stories },
    ]
  } finally {
    await store.close()
  }
}

const INTEGRITY: ReadonlyArray<{ readonly check: string; readonly count: (db: Database.Database) => number | string }> = [
  { check: 'articles', count: (db) => scalar(db, 'SELECT count(*) FROM articles') },
  {
    check: 'articles without a story',
    count: (db) => scalar(db, 'SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id)'),
  },
  {
    check: 'articles without claims',
    count: (db) => scalar(db, 'SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_claims c WHERE c.article_id = a.id)'),
  },
  {
    check: 'articles without fingerprints',
    count: (db) =>
      scalar(
        db,
        `SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_bands x WHERE x.article_seq = a.seq)
                                          AND NOT EXISTS (SELECT 1 FROM article_anchors x WHERE x.article_seq = a.seq)`,
      ),
  },
  { check: 'stories', count: (db) => scalar(db, 'SELECT count(DISTINCT story_id) FROM story_members') },
  { check: 'relations', count: (db) => scalar(db, 'SELECT count(*) FROM relations') },
  { check: 'SQLite quick_check', count: (db) => String(db.pragma('quick_check', { simple: true })) },
]

function keyed<T>(rows: readonly T[], key: (row: T) => string, value: (row: T) => string): Rows {
  return new Map(rows.map((row) => [key(row), value(row)]))
}

/** Key → its values sorted, for one-to-many tables (an article's bands, its anchors). */
function grouped(db: Database.Database, sql: string): Rows {
  const groups = new Map<string, number[]>()
  for (const row of db.prepare(sql).all() as Array<{ k: string; v: number }>) {
    const list = groups.get(row.k) ?? []
    list.push(row.v)
    groups.set(row.k, list)
  }
  return new Map([...groups].map(([k, values]) => [k, values.sort((x, y) => x - y).join(' ')]))
}

function compareRows(table: string, a: Rows, b: Rows): TableComparison {
  let onlyA = 0
  let differ = 0
  const examples: string[] = []
  for (const [key, value] of a) {
    const other = b.get(key)
    if (other === undefined) onlyA++
    else if (other !== value) differ++
    else continue
    if (examples.length < EXAMPLES) examples.push(`${key}: ${other === undefined ? 'only in A' : `A ${shorten(value)} / B ${shorten(other)}`}`)
  }
  let onlyB = 0
  for (const key of b.keys()) {
    if (a.has(key)) continue
    onlyB++
    if (examples.length < EXAMPLES) examples.push(`${key}: only in B`)
  }
  return { table, rowsA: a.size, rowsB: b.size, onlyA, onlyB, differ, examples }
}

function scalar(db: Database.Database, sql: string): number {
  return Number(db.prepare(sql).pluck().get())
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

function describeExit(run: IngestRun): string {
  return run.signal === null ? `exit code ${String(run.exitCode)}` : `signal ${run.signal}`
}

/** The figures as tables: the run, each process into B, the comparison per table, the integrity counts. */
export function formatKillIngestReport(result: KillIngestResult): string {
  const rounded = (seconds: number): number => Math.round(seconds * 10) / 10
  const runs = [
    { run: 'A clean', ...runRow(result.clean, rounded) },
    ...result.attempts.map((attempt, i) => ({ run: `B ${i + 1}${attempt.kill === null ? ' (last)' : ''}`, ...runRow(attempt, rounded) })),
  ]
  const totalB = result.attempts.reduce((sum, run) => sum + run.seconds, 0)
  const sections = [
    `kill -9 during ingest: ${result.articles} articles, seed ${result.seed}, batch size ${result.batchSize}, ${result.kills} of ${result.killsPlanned} kills landed`,
    `A took ${rounded(result.clean.seconds)} s in one run; B took ${rounded(totalB)} s in ${result.attempts.length} runs`,
    formatTable(runs),
    '',
    formatTable(
      result.tables.map((t) => ({
        table: t.table,
        'rows A': t.rowsA,
        'rows B': t.rowsB,
        'only A': t.onlyA,
        'only B': t.onlyB,
        differ: t.differ,
        example: t.examples[0] ?? '',
      })),
    ),
    '',
    formatTable(result.integrity.map((figure) => ({ check: figure.check, A: figure.a, B: figure.b }))),
    '',
    `acknowledged, then stored again as new (lost by a kill): ${result.lostAcknowledged.length}`,
    result.checkCommand === null
      ? 'crosscheck check: this CLI has no check command (the counts of half-done articles above stand in for it)'
      : `crosscheck check on B (exit code ${String(result.checkCommand.exitCode)}):\n${result.checkCommand.output}`,
  ]
  for (const problem of result.harnessProblems) sections.push(`harness: ${problem}`)
  sections.push(sameAsClean(result) ? 'result: B is the same as A' : 'result: B DIFFERS from A')
  return sections.join('\n')
}

function runRow(run: IngestRun, rounded: (seconds: number) => number): Record<string, string | number> {
  const kill = run.kill
  return {
    seconds: rounded(run.seconds),
    ended: run.signal ?? `exit ${String(run.exitCode)}`,
    'kill after article': kill === null ? '' : String(kill.afterPosition),
    'delay ms': kill === null ? '' : String(kill.delayMs),
    'killed at s': kill === null || kill.atSeconds === null ? '' : String(rounded(kill.atSeconds)),
    'acknowledged at kill': kill === null || kill.positionAtKill === null ? '' : String(kill.positionAtKill),
    'already stored': run.already,
    new: run.fresh,
  }
}

const USAGE =
  'usage: node dist-tools/scripts/kill-ingest.js [--articles <n>] [--kills <k>] [--seed <s>] [--batch-size <b>] [--workers <w>] [--keep] [--quiet]\n'

async function main(argv: readonly string[]): Promise<number> {
  let values
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        articles: { type: 'string', default: '10000' },
        kills: { type: 'string', default: '5' },
        seed: { type: 'string', default: '1' },
        'batch-size': { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
        workers: { type: 'string' },
        keep: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
      },
    }).values
  } catch (error) {
    process.stderr.write(`kill-ingest: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    return 2
  }
  const count = (name: string, value: string | undefined, min: number): number | null => {
    if (value === undefined) return null
    const n = Number(value)
    if (Number.isInteger(n) && n >= min) return n
    throw new RangeError(`--${name} must be an integer of at least ${min}, got '${value}'`)
  }
  let opts: KillIngestOpts
  try {
    const workers = count('workers', values.workers, 0)
    opts = {
      articles: count('articles', values.articles, 1) as number,
      kills: count('kills', values.kills, 0) as number,
      seed: count('seed', values.seed, 0) as number,
      batchSize: count('batch-size', values['batch-size'], 1) as number,
      ...(workers === null ? {} : { workers }),
      keep: values.keep,
      ...(values.quiet ? {} : { onProgress: (line: string) => void process.stderr.write(`${line}\n`) }),
    }
  } catch (error) {
    process.stderr.write(`kill-ingest: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    return 2
  }
  if (!existsSync(CLI)) {
    process.stderr.write(`kill-ingest: ${CLI} does not exist; run npm run build first\n`)
    return 3
  }
  const result = await runKillIngest(opts)
  process.stdout.write(`${formatKillIngestReport(result)}\n`)
  if (opts.keep === true) process.stdout.write(`kept: ${result.folder}\n`)
  if (!sameAsClean(result)) return 1
  return result.harnessProblems.length > 0 ? 3 : 0
}

// Run only as a command, not when the test imports it.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`kill-ingest failed: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 3
    },
  )
}
