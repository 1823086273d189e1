/**
 * The CLI as a user runs it: the built `crosscheck` binary in a child process,
 * on the example corpus, with a store in a temporary folder.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, describe, test } from 'node:test'
import { sharedDir } from '../testing/shared-data.js'

const BIN = fileURLToPath(new URL('./main.js', import.meta.url))
const EXAMPLES = fileURLToPath(new URL('../../examples/corpus', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'))
const db = join(dir, 'cli.db')
after(() => rmSync(dir, { recursive: true, force: true }))

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, CROSSCHECK_DB: '' } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('crosscheck CLI', () => {
  test('--help works everywhere and exits 0', () => {
    for (const args of [['--help'], ['ingest', '--help'], ['articles', '--help'], ['show', '-h']]) {
      const { code, stdout } = run(...args)
      assert.equal(code, 0, args.join(' '))
      assert.match(stdout, /Usage: crosscheck/u)
    }
    assert.match(run('ingest', '--help').stdout, /--max-bytes <bytes>/u)
  })

  test('wrong usage exits 2 with a message', () => {
    assert.equal(run('frobnicate').code, 2)
    assert.equal(run('ingest').code, 2)
    const unknownFlag = run('articles', '--colour')
    assert.equal(unknownFlag.code, 2)
    assert.match(unknownFlag.stderr, /--colour/u)
    assert.equal(run('articles', '--limit', 'ten').code, 2)
  })

  test('ingests the example corpus, lists it, and shows an article with what was removed', () => {
    const first = run('ingest', EXAMPLES, '--json')
    assert.equal(first.code, 0, first.stderr)
    const report = JSON.parse(first.stdout) as { inserted: number; duplicates: number; failed: unknown[] }
    assert.equal(report.inserted, 9)
    assert.deepEqual(report.failed, [])

    const again = JSON.parse(run('ingest', EXAMPLES, '--json').stdout) as { inserted: number; duplicates: number }
    assert.deepEqual([again.inserted, again.duplicates], [0, 9], 'ingesting twice is a no-op')

    const list = JSON.parse(run('articles', '--json').stdout) as Array<{ id: string; title: string; location: string }>
    assert.equal(list.length, 9)
    const republished = list.find((a) => a.location.endsWith('republished-verbatim.txt'))
    assert.ok(republished)

    const shown = run('show', republished.id.slice(0, 6))
    assert.equal(shown.code, 0)
    assert.match(shown.stdout, /^Korvel Dam collapse kills at least 41/u)
    assert.match(shown.stdout, /\[promo\] line 13/u)
    const json = JSON.parse(run('show', republished.id, '--json').stdout) as { outlet: string; published: string; raw?: string }
    assert.equal(json.outlet, 'Civic Ledger')
    assert.equal(json.published, '2026-04-16')
    assert.equal(json.raw, undefined, 'raw input only with --raw')

    assert.match(run('articles').stdout, /9 of 9 articles/u)

    const lineage = JSON.parse(run('lineage', '--json').stdout) as {
      edges: Array<{ from: string; to: string; kind: string; directed: boolean }>
      outlets: Array<{ outlet: string; copiesOrRewrites: number }>
    }
    const wire = list.find((a) => a.location.endsWith('wire-original.html'))
    assert.ok(wire)
    assert.deepEqual(
      lineage.edges.filter((e) => e.from === wire.id && e.to === republished.id).map((e) => [e.kind, e.directed]),
      [['copy', true]],
    )
    assert.equal(lineage.outlets.find((o) => o.outlet === 'Civic Ledger')?.copiesOrRewrites, 1)
    assert.match(run('lineage').stdout, /copy\s+\w{8} Meridian News Agency 2026-04-15\s+→\s+\w{8} Civic Ledger/u)

    const diff = run('diff', wire.id, republished.id, '--width', '100')
    assert.equal(diff.code, 0)
    assert.match(diff.stdout, /^copy: \d+% of the left and \d+% of the right retold by the other; original: left/mu)
    assert.match(diff.stdout, / │ /u)
  })

  test('a failed input exits 1, names the input and keeps the rest', () => {
    const empty = join(dir, 'empty.txt')
    writeFileSync(empty, '')
    const good = join(dir, 'note.txt')
    writeFileSync(good, 'Harbour reopens\n\nThe harbour at Vik reopened on Friday after a week of storms, the port authority said.')
    const result = run('ingest', empty, good)
    assert.equal(result.code, 1)
    assert.match(result.stderr, /empty\.txt: the file is empty \[INPUT_EMPTY\]/u)
    assert.match(result.stdout, /1 new/u)
  })

  test('show with an unknown id exits 1', () => {
    const result = run('show', 'ffffffff')
    assert.equal(result.code, 1)
    assert.match(result.stderr, /no article with id ffffffff/u)
  })

  test('the seed corpus ingests as five articles with the answer key’s metadata', { skip: sharedDir() === null ? 'needs ../shared/corpus/seeds beside the repository' : false }, () => {
    const seeds = join(sharedDir() ?? '', 'corpus', 'seeds')
    const seedDb = join(dir, 'seeds.db')
    const ingest = spawnSync(process.execPath, [BIN, '--db', seedDb, 'ingest', seeds, '--json'], { encoding: 'utf8' })
    assert.equal(ingest.status, 0, ingest.stderr)
    const list = JSON.parse(spawnSync(process.execPath, [BIN, '--db', seedDb, 'articles', '--json'], { encoding: 'utf8' }).stdout) as Array<{
      location: string
      outlet: string | null
      published: string | null
      titleDerived: boolean
      creditedSource: string | null
    }>
    assert.equal(list.length, 5)
    const byFile = (prefix: string) => list.find((a) => a.location.includes(`/${prefix}_`))
    assert.equal(byFile('000')?.outlet, 'Global Village Space')
    assert.equal(byFile('000')?.published, '2025-03-11')
    assert.equal(byFile('002')?.creditedSource, 'RT')
    assert.equal(byFile('003')?.published, null)
    assert.equal(byFile('004')?.titleDerived, true)
  })
})
