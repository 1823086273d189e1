#!/usr/bin/env node
/**
 * `npm run bench`: runs every benchmark case in its own child process (so
 * each reports its own peak memory) and prints one table.
 * `npm run bench -- <name filter>` runs the cases whose name contains it.
 */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { formatTable } from '../../dist/cli/table.js'
import { CLAIMS_ALL_CASES } from './claims-all-cases.js'
import { CLAIMS_CASES } from './claims-cases.js'
import { CLUSTER_CASES } from './cluster-cases.js'
import { DEDUP_CASES } from './dedup-cases.js'
import { ENTITY_CASES } from './entity-cases.js'
import { GROWTH_CASES } from './growth-cases.js'
import { HOSTILE_CASES } from './hostile-cases.js'
import { INGEST_CASES } from './ingest-cases.js'
import { LINEAGE_CASES } from './lineage-cases.js'
import { type BenchCase, type BenchResult, measure, REFERENCE_ABOUT } from './measure.js'
import { QUOTE_CASES } from './quote-cases.js'
import { SERVE_CASES } from './serve-cases.js'
import { BUDGET_CASES } from './budget-cases.js'

export const CASES: readonly BenchCase[] = [
  ...INGEST_CASES,
  ...LINEAGE_CASES,
  ...GROWTH_CASES,
  ...DEDUP_CASES,
  ...CLUSTER_CASES,
  ...CLAIMS_ALL_CASES,
  ...CLAIMS_CASES,
  ...QUOTE_CASES,
  ...ENTITY_CASES,
  ...SERVE_CASES,
  ...BUDGET_CASES,
  ...HOSTILE_CASES,
]

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === '--child') {
    const bench = CASES.find((c) => c.name === argv[1])
    if (bench === undefined) return 2
    process.stdout.write(`${JSON.stringify(await measure(bench))}\n`)
    return 0
  }
  const filter = argv.join(' ').toLowerCase()
  const chosen = CASES.filter((c) => c.name.toLowerCase().includes(filter))
  const results: BenchResult[] = []
  const skipped: string[] = []
  for (const bench of chosen) {
    const reason = bench.skip?.() ?? null
    if (reason !== null) {
      process.stderr.write(`skipped: ${bench.name} (${reason})\n`)
      skipped.push(`skipped: ${bench.name} (${reason})`)
      continue
    }
    process.stderr.write(`running: ${bench.name} (${bench.about})\n`)
    const output = execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', bench.name], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    })
    results.push(JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as BenchResult)
  }
  const rows = results.map((r) => ({
    benchmark: r.name,
    items: r.items,
    seconds: Number(r.seconds.toFixed(2)),
    throughput: `${Math.round(r.items / r.seconds).toLocaleString('en-US')} ${r.unit}/s`,
    '× reference': Number((r.seconds / r.referenceSeconds).toFixed(1)),
    'peak RSS MiB': Math.round(r.peakRssMiB),
    notes: r.notes ?? '',
  }))
  const skips = skipped.length === 0 ? '' : `\n${skipped.join('\n')}\n`
  const legend = `"× reference": the case's time in units of a fixed reference workload (${REFERENCE_ABOUT}) timed in the same process, for comparing runs on a busy or another machine`
  process.stdout.write(`\n${formatTable(rows)}\n${skips}\n${legend}\nnode ${process.version}, ${process.platform}/${process.arch}\n`)
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`)
    process.exitCode = 1
  },
)
