/**
 * `crosscheck report` as a user runs it: the built binary in a child
 * process, on the example corpus, with a store in a temporary folder.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'

const BIN = fileURLToPath(new URL('../main.js', import.meta.url))
const EXAMPLES = fileURLToPath(new URL('../../../examples/corpus', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-report-cli-'))
const db = join(dir, 'cli.db')
after(() => rmSync(dir, { recursive: true, force: true }))

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, CROSSCHECK_DB: '' } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('crosscheck report', () => {
  let storyId = ''
  before(() => {
    assert.equal(run('ingest', EXAMPLES, '--quiet').code, 0)
    const stories = JSON.parse(run('stories', '--json').stdout) as Array<{ id: number; members: number }>
    storyId = String(stories.find((s) => s.members >= 5)?.id)
  })

  test('text by default, JSON with --format json or --json', () => {
    const text = run('report', storyId)
    assert.equal(text.code, 0, text.stderr)
    assert.match(text.stdout, /^Story \d+: /u)
    assert.match(text.stdout, /people killed: DIFFER/u)
    const json = JSON.parse(run('report', storyId, '--format', 'json').stdout) as { schemaVersion: number; sources: unknown[] }
    assert.equal(json.schemaVersion, 1)
    assert.equal(json.sources.length, 6)
  })

  test('--out writes an HTML file; --csv adds the figures and quotes', () => {
    const html = join(dir, 'r.html')
    const csv = join(dir, 'r.csv')
    assert.equal(run('report', storyId, '--format', 'html', '--out', html, '--csv', csv).code, 0)
    assert.match(readFileSync(html, 'utf8'), /^<!doctype html>/u)
    assert.match(readFileSync(csv, 'utf8'), /^story,type,group,verdict,/u)
  })

  test('--all --out <dir> writes one file per story', () => {
    const out = join(dir, 'all')
    const result = run('report', '--all', '--out', out, '--format', 'markdown')
    assert.equal(result.code, 0, result.stderr)
    const files = readdirSync(out).filter((f) => f.endsWith('.md'))
    assert.equal(files.length, 4, 'the example corpus has four stories')
    assert.match(readFileSync(join(out, `story-${storyId}.md`), 'utf8'), /^# Story/u)
  })

  test('usage errors and unknown stories', () => {
    assert.equal(run('report').code, 2)
    assert.equal(run('report', storyId, '--format', 'pdf').code, 2)
    const missing = run('report', '9999')
    assert.equal(missing.code, 1)
    assert.match(missing.stderr, /no story 9999/u)
  })
})
