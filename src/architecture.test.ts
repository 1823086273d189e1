/**
 * The layout's one dependency rule, checked on every import of `src/`:
 * the core (the pipeline's stages and the shapes they share) imports no
 * edge (ingest, store drivers, cli, server, web, follow), no test tooling
 * and no third-party package; each package is
 * imported only by the edge that wraps it; and no two folders import each
 * other. Test files are exempt (a test may drive an edge).
 */
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from 'node:test'

/** The compiled tree mirrors src/; the sources are read from src/ itself. */
const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src')

const CORE = new Set(['text', 'dedup', 'align', 'lineage', 'cluster', 'stories', 'claims', 'report', 'read', '.'])
const EDGES = new Set(['ingest', 'store', 'cli', 'server', 'web', 'follow', 'queue'])
/** Test helpers and generators; the other tooling (benchmarks, evaluations, scripts) lives in tools/, outside the package. */
const TOOLING = new Set(['testing'])
/** Which folders may import a package (by its name's first segment). */
const PACKAGE_HOMES: Record<string, readonly string[]> = {
  'better-sqlite3': ['store'],
  // testing: the tests' own server, probed and cleaned up (src/testing/test-postgres.ts).
  pg: ['store', 'queue', 'testing'],
  bullmq: ['queue'],
  ioredis: ['queue'],
  hono: ['server', 'web'],
  '@hono': ['cli', 'server'],
  // Plain Readability is the reference the extraction bench and eval compare against.
  '@mozilla': ['ingest', 'bench', 'eval'],
  linkedom: ['ingest', 'bench', 'eval'],
  htmlparser2: ['ingest'],
  'chrono-node': ['ingest'],
  'franc-min': ['ingest'],
  piscina: ['ingest'],
  warcio: ['ingest'],
  ajv: ['server'],
  'playwright-core': ['testing'],
}

interface Import {
  readonly file: string
  readonly folder: string
  readonly target: string
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

/** The top folder of a path under src/ ('.' for the files at its root). */
function folderOf(path: string): string {
  const parts = relative(SRC, path).split(sep)
  return parts.length === 1 ? '.' : (parts[0] as string)
}

function imports(): Import[] {
  const found: Import[] = []
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gmu)) {
      const target = (match[1] ?? match[2]) as string
      found.push({ file: relative(SRC, file), folder: folderOf(file), target })
    }
  }
  return found
}

const all = imports()
const local = all.filter((i) => i.target.startsWith('.')).map((i) => ({ ...i, to: folderOf(normalize(join(SRC, dirname(i.file), i.target))) }))
const packages = all.filter((i) => !i.target.startsWith('.') && !i.target.startsWith('node:'))

test('reads the imports of every source file', () => {
  assert.ok(local.length > 300, `only ${local.length} local imports found: is ${SRC} the source tree?`)
})

test('the core imports no edge and no tooling', () => {
  // index.ts is the package's public list, of the edges' API too: not core.
  const wrong = local
    .filter((i) => CORE.has(i.folder) && i.file !== 'index.ts' && (EDGES.has(i.to) || TOOLING.has(i.to)))
    .map((i) => `${i.file} imports ${i.target}`)
  assert.deepEqual(wrong, [])
})

test('no edge imports tooling', () => {
  const wrong = local.filter((i) => EDGES.has(i.folder) && TOOLING.has(i.to)).map((i) => `${i.file} imports ${i.target}`)
  assert.deepEqual(wrong, [])
})

test('each package is imported only where it is wrapped, never by the core', () => {
  const wrong = packages
    .filter((i) => {
      const name = i.target.startsWith('@') ? (i.target.split('/')[0] as string) : (i.target.split('/')[0] as string)
      const homes = PACKAGE_HOMES[name]
      return homes === undefined || !homes.includes(i.folder)
    })
    .map((i) => `${i.file} imports ${i.target}`)
  assert.deepEqual(wrong, [])
})

test('no two folders import each other', () => {
  const edges = new Set(local.filter((i) => i.folder !== i.to && i.folder !== '.' && i.to !== '.').map((i) => `${i.folder}>${i.to}`))
  const cycles = [...edges].filter((e) => {
    const [a, b] = e.split('>')
    return (a as string) < (b as string) && edges.has(`${b}>${a}`)
  })
  assert.deepEqual(cycles, [])
})

test('the tools (benchmarks, evaluations, scripts) use the built package, never its sources', () => {
  const TOOLS = join(SRC, '..', 'tools')
  const wrong = sourceFiles(TOOLS).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gmu)]
      .map((m) => m[1] as string)
      .filter((spec) => {
        const target = relative(join(SRC, '..'), normalize(join(dirname(file), spec))).split(sep)[0]
        return target !== 'tools' && target !== 'dist'
      })
      .map((spec) => `${relative(TOOLS, file)} imports ${spec}`),
  )
  assert.deepEqual(wrong, [])
})
