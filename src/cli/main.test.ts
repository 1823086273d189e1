/**
 * The CLI as a user runs it: the built `crosscheck` binary in a child process,
 * on the example corpus, with a store in a temporary folder.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
  return runOn(db, args)
}

function runOn(store: string, args: readonly string[], cwd?: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, '--db', store, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CROSSCHECK_DB: '' },
    ...(cwd === undefined ? {} : { cwd }),
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const README = fileURLToPath(new URL('../../README.md', import.meta.url))

/** The commands of the README's shell examples with concrete arguments (no `<placeholder>`), as argv. */
function readmeCommands(): string[][] {
  const commands: string[][] = []
  let inBlock = false
  for (const line of readFileSync(README, 'utf8').split('\n')) {
    if (line.startsWith('```')) inBlock = !inBlock
    else if (inBlock) {
      const command = /^(?:node dist\/cli\/main\.js|crosscheck) (.*)$/u.exec(line.replace(/\s+#.*$/u, '').trim())?.[1]
      if (command !== undefined && !/[<[]/u.test(command)) commands.push(command.split(/\s+/u))
    }
  }
  return commands
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

  test('every README example names an id the example corpus gets, and runs', () => {
    const readmeDb = join(dir, 'readme.db')
    const cwd = mkdtempSync(join(dir, 'readme-'))
    assert.equal(runOn(readmeDb, ['ingest', EXAMPLES, '--quiet']).code, 0)
    const commands = readmeCommands().filter(([name]) => name !== 'serve' && name !== 'ingest')
    assert.ok(commands.some(([name]) => name === 'show') && commands.some(([name]) => name === 'diff'), 'the README examples were found')
    for (const args of commands) {
      const result = runOn(readmeDb, args, cwd)
      assert.equal(result.code, 0, `README: crosscheck ${args.join(' ')}: ${result.stderr}`)
      assert.doesNotMatch(result.stderr, /no (article|story)/u, args.join(' '))
    }
  })

  test('a path that cannot be written is a one-line I/O error with exit code 4, no stack trace', () => {
    const missing = join(dir, 'nodir', 'x')
    for (const args of [
      ['report', '1', '--out', join(missing, 'r.txt')],
      ['report', '1', '--csv', join(missing, 'r.csv')],
    ]) {
      const result = run(...args)
      assert.equal(result.code, 4, args.join(' '))
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr)
      assert.match(result.stderr, /^crosscheck report: cannot open .*nodir.*: no such file or directory$/mu)
      assert.doesNotMatch(result.stderr, /\n\s+at /u)
    }
    const json = run('report', '1', '--out', join(missing, 'r.txt'), '--json')
    assert.equal(json.code, 4)
    assert.deepEqual(JSON.parse(json.stderr), {
      error: { code: 'IO_FAILED', message: `cannot open ${join(missing, 'r.txt')}: no such file or directory`, input: join(missing, 'r.txt') },
    })
  })

  test('a command that only reads does not create a store; one that writes does', () => {
    const absent = join(dir, 'no', 'such', 'dir', 'x.db')
    for (const command of ['articles', 'stories', 'lineage', 'story', 'claims', 'report', 'show', 'diff']) {
      const result = runOn(absent, [
        command,
        ...(command === 'diff' ? ['b7e0', 'b57d'] : command === 'articles' || command === 'stories' || command === 'lineage' ? [] : ['1']),
      ])
      assert.equal(result.code, 3, command)
      assert.equal(result.stderr, `crosscheck ${command}: the store ${absent} does not exist\n`)
    }
    assert.equal(existsSync(join(dir, 'no')), false, 'no folder was made')
    const json = runOn(absent, ['articles', '--json'])
    assert.equal(JSON.parse(json.stderr).error.code, 'STORE_FAILED')
    assert.equal(runOn(absent, ['recluster']).code, 0)
    assert.equal(existsSync(absent), true)
  })

  test('stories --since a date after every story says none match, not that nothing is stored', () => {
    const result = run('stories', '--since', '2099-01-01')
    assert.equal(result.code, 0)
    assert.equal(result.stdout, 'no story active on or after 2099-01-01\n')
    const empty = runOn(join(dir, 'empty.db'), ['recluster'])
    assert.equal(empty.code, 0)
    assert.match(runOn(join(dir, 'empty.db'), ['stories', '--since', '2099-01-01']).stdout, /^no stories yet: ingest articles first/u)
  })

  test('claims takes article:<id> and story:<n>, and a bare number that is neither says so', () => {
    const list = JSON.parse(run('articles', '--json').stdout) as Array<{ id: string; location: string; outlet: string | null }>
    // An article whose id starts with 4 or more digits: a bare number that can only be that article (no story has such a number).
    const numeric = list.find((a) => (/^\d+/u.exec(a.id)?.[0].length ?? 0) >= 4)
    assert.ok(numeric, `an example article id starting with four digits, among ${list.map((a) => a.id).join(', ')}`)
    const digits = /^\d+/u.exec(numeric.id)?.[0] ?? ''
    assert.match(run('claims', digits).stdout, new RegExp(`^${numeric.id}  `, 'u'))
    assert.match(run('claims', `article:${numeric.id.slice(0, 4)}`).stdout, new RegExp(`^${numeric.id}`, 'u'))
    assert.match(run('claims', 'story:1').stdout, /^story 1: 6 articles\n/u)
    assert.equal(run('claims', 'story:abc').code, 2)
    const neither = run('claims', '9999')
    assert.equal(neither.code, 1)
    assert.match(neither.stderr, /no story 9999 and no article whose id starts with 9999/u)
  })

  test('diff refuses to compare an article with itself', () => {
    const result = run('diff', 'b57d', 'b57d04f96c872aca')
    assert.equal(result.code, 2)
    assert.match(result.stderr, /^crosscheck diff: b57d and b57d04f96c872aca are the same article \(b57d04f96c872aca\): name two different articles\n$/u)
    assert.equal(result.stdout, '')
  })

  test('under --json an error is one JSON object on stderr, with the documented exit code', () => {
    for (const [args, code, exit] of [
      [['show', 'ffffffff'], 'NOT_FOUND', 1],
      [['story', '999'], 'NOT_FOUND', 1],
      [['articles', '--limit', 'ten'], 'USAGE', 2],
      [['articles', '--colour'], 'USAGE', 2],
      [['frobnicate'], 'USAGE', 2],
    ] as const) {
      const result = run(...args, '--json')
      assert.equal(result.code, exit, args.join(' '))
      assert.equal(result.stdout, '')
      const parsed = JSON.parse(result.stderr) as { error: { code: string; message: string; input: string | null } }
      assert.deepEqual(Object.keys(parsed.error), ['code', 'message', 'input'])
      assert.equal(parsed.error.code, code, args.join(' '))
    }
    assert.equal((JSON.parse(run('show', 'ffffffff', '--json').stderr) as { error: { input: string } }).error.input, 'ffffffff')
  })

  test('counts of one are singular', () => {
    assert.match(run('story', '2').stdout, /^1 article from 1 outlet, /mu)
    assert.match(run('claims', 'story:2').stdout, /^story 2: 1 article\n/u)
  })

  test('articles shows the (derived) marker of a title cut to fit', () => {
    const untitled = join(dir, 'untitled.txt')
    writeFileSync(
      untitled,
      'Rescue teams in the Sarn hills pulled two more hikers from the mud on Saturday after a second night of storms closed every road into the valley, the regional police said in a statement.\n',
    )
    const store = join(dir, 'derived.db')
    assert.equal(runOn(store, ['ingest', untitled]).code, 0)
    const row = runOn(store, ['articles']).stdout.split('\n')[2] ?? ''
    assert.match(row, /Rescue teams in the Sarn hills .*… \(derived\)$/u)
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

  test(
    'the seed corpus ingests as five articles with the answer key’s metadata',
    { skip: sharedDir() === null ? 'needs ../shared/corpus/seeds beside the repository' : false },
    () => {
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
    },
  )
})
