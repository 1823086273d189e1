/**
 * Runs the hostile-input suite (see hostile-inputs.ts): each input written
 * to its own directory, ingested into its own in-memory store, and judged.
 * Per class it reports inputs tried, crashes (a throw out of `ingest`, or a
 * failure that names no limit: a stack overflow, an out-of-memory), hangs
 * (over the time budget), named failures, wrong-but-silent results, good
 * articles lost, and peak resident memory.
 *
 * `npm run bench -- hostile` runs the full suite, one class per child
 * process (so each class's peak memory is its own); the fast subset runs as
 * a test (hostile.test.ts). `node dist/bench/hostile-run.js [fast|full]`
 * prints the same table for one process.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { formatTable } from '../../dist/cli/table.js'
import { describeError } from '../../dist/errors.js'
import { ingest } from '../../dist/ingest/ingest.js'
import { openSqliteStore } from '../../dist/store/sqlite/sqlite-store.js'
import { type HostileScale, hostileInputs } from './hostile-inputs.js'

export interface HostileRunOpts {
  /** Only these classes. @default all */
  readonly classes?: readonly string[]
  /** Worker threads for the ingests (the time and memory budgets apply in workers). @default 0 */
  readonly workers?: number
  /** Seconds one input may take before it counts as a hang. @default 60 */
  readonly budgetSeconds?: number
  /** Told after each input. */
  readonly onInput?: (line: string) => void
}

export interface HostileClassResult {
  readonly class: string
  readonly tried: number
  readonly crashes: number
  readonly hangs: number
  readonly namedFailures: number
  readonly silent: number
  readonly goodLost: number
  /** Peak resident memory of the process so far, in MiB (the class's own when it runs in its own process). */
  readonly peakRssMiB: number
  readonly slowestSeconds: number
  /** One line per crash, hang, wrong result or lost article, naming the input. */
  readonly problems: readonly string[]
}

// Failures that name no budget: what a limit exists to prevent.
const UNNAMED =
  /Maximum call stack size exceeded|out of memory|Invalid array length|Invalid typed array length|Array buffer allocation failed|Invalid string length/iu

/** Runs the suite at a scale; one result per class, in the suite's order. */
export async function runHostileSuite(scale: HostileScale, opts: HostileRunOpts = {}): Promise<HostileClassResult[]> {
  const budgetSeconds = opts.budgetSeconds ?? 60
  const inputs = hostileInputs(scale).filter((input) => opts.classes === undefined || opts.classes.includes(input.class))
  const results = new Map<
    string,
    { tried: number; crashes: number; hangs: number; named: number; silent: number; lost: number; slowest: number; problems: string[] }
  >()
  const root = await mkdtemp(join(tmpdir(), 'crosscheck-hostile-'))
  try {
    for (const [index, input] of inputs.entries()) {
      const row = results.get(input.class) ?? { tried: 0, crashes: 0, hangs: 0, named: 0, silent: 0, lost: 0, slowest: 0, problems: [] }
      results.set(input.class, row)
      row.tried++
      const dir = join(root, String(index))
      await writeInput(dir, input.files())
      const store = openSqliteStore(':memory:')
      const started = process.hrtime.bigint()
      let line = ''
      try {
        const report = await ingest([dir], store, { workers: opts.workers ?? 0 })
        const seconds = Number(process.hrtime.bigint() - started) / 1e9
        row.slowest = Math.max(row.slowest, seconds)
        const unnamed = report.failed.filter((f) => UNNAMED.test(f.message))
        row.crashes += unnamed.length
        row.named += report.failed.length - unnamed.length
        for (const f of unnamed) row.problems.push(`crash: ${input.name}: ${f.location}: ${f.message}`)
        if (seconds > budgetSeconds) {
          row.hangs++
          row.problems.push(`hang: ${input.name}: ${seconds.toFixed(1)} s, over the ${budgetSeconds} s budget`)
        }
        const lost = Math.max(0, input.good - report.stored.length)
        row.lost += lost
        if (lost > 0) row.problems.push(`lost: ${input.name}: ${lost} good article(s) not stored`)
        const wrong = await input.judge({ report, store })
        if (wrong !== null) {
          row.silent++
          row.problems.push(`wrong: ${input.name}: ${wrong}`)
        }
        line = `${input.class}: ${input.name}: ${seconds.toFixed(2)} s, ${report.stored.length} stored, ${report.failed.length} failed${wrong === null ? '' : ` (WRONG: ${wrong})`}`
      } catch (error) {
        row.crashes++
        row.problems.push(`crash: ${input.name}: ${describeError(error)}`)
        line = `${input.class}: ${input.name}: CRASH ${describeError(error)}`
      } finally {
        await store.close()
        await rm(dir, { recursive: true, force: true })
      }
      opts.onInput?.(line)
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
  const peakRssMiB = process.resourceUsage().maxRSS / 1024
  return [...results].map(([name, r]) => ({
    class: name,
    tried: r.tried,
    crashes: r.crashes,
    hangs: r.hangs,
    namedFailures: r.named,
    silent: r.silent,
    goodLost: r.lost,
    peakRssMiB,
    slowestSeconds: r.slowest,
    problems: r.problems,
  }))
}

async function writeInput(dir: string, files: ReadonlyArray<readonly [string, string | Uint8Array]>): Promise<void> {
  await mkdir(dir, { recursive: true })
  for (const [name, content] of files) await writeFile(join(dir, name), content)
}

/** The suite's table: one row per class. */
export function formatHostileTable(results: readonly HostileClassResult[]): string {
  const rows = results.map((r) => ({
    class: r.class,
    tried: r.tried,
    crashes: r.crashes,
    hangs: r.hangs,
    'named failures': r.namedFailures,
    'wrong but silent': r.silent,
    'good lost': r.goodLost,
    'slowest s': Number(r.slowestSeconds.toFixed(2)),
    'peak RSS MiB': Math.round(r.peakRssMiB),
  }))
  const problems = results.flatMap((r) => r.problems)
  return `${formatTable(rows)}${problems.length === 0 ? '' : `\n\n${problems.join('\n')}`}`
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const scale: HostileScale = process.argv[2] === 'full' ? 'full' : 'fast'
  runHostileSuite(scale, { workers: Number(process.argv[3] ?? 0), onInput: (line) => void process.stderr.write(`${line}\n`) }).then(
    (results) => process.stdout.write(`${formatHostileTable(results)}\n`),
    (error: unknown) => {
      process.stderr.write(`hostile suite failed: ${describeError(error)}\n`)
      process.exitCode = 1
    },
  )
}
