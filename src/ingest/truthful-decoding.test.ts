import assert from 'node:assert/strict'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { InputError } from '../errors.js'
import { normalizeStatedDate } from './date-parser.js'
import { decodedLines } from './lines.js'
import { type ReadItem, readInput } from './read-input.js'

let dir = ''
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-decoding-'))
})
after(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function read(name: string, content: string | Uint8Array): Promise<ReadItem[]> {
  const path = join(dir, name)
  await writeFile(path, content)
  const items: ReadItem[] = []
  for await (const item of readInput({ kind: 'file', path, size: (await stat(path)).size, fromDirectory: false })) items.push(item)
  return items
}

const BODY = 'The ferry service resumed on Tuesday after the storm, the harbour authority said.'
const LINES = [1, 2, 3].map((n) => JSON.stringify({ title: `Ferry ${n} — “sails”`, text: BODY })).join('\r\n')

function titles(items: readonly ReadItem[]): string[] {
  return items.map((item) => (item instanceof InputError ? item.code : item.kind === 'document' ? (item.doc.metadata.title ?? '') : item.kind))
}

test('JSON Lines with a UTF-8 BOM, in UTF-16 LE or BE (with or without a BOM) keep every line', async () => {
  const expected = ['Ferry 1 — “sails”', 'Ferry 2 — “sails”', 'Ferry 3 — “sails”']
  assert.deepEqual(titles(await read('bom.jsonl', `\uFEFF${LINES}`)), expected)
  const le = Buffer.from(`\uFEFF${LINES}`, 'utf16le')
  assert.deepEqual(titles(await read('le.jsonl', le)), expected)
  assert.deepEqual(titles(await read('be.jsonl', Buffer.from(le).swap16())), expected)
  assert.deepEqual(titles(await read('le-nobom.jsonl', Buffer.from(LINES, 'utf16le'))), expected)
  // The same through the whole-file path (a .json holding lines).
  assert.deepEqual(titles(await read('lines.json', Buffer.from(`\uFEFF${LINES}`, 'utf16le'))), expected)
})

test('a line over the size budget is reported by number without being held, and the next line is read', async () => {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield Buffer.from('short\n')
    for (let i = 0; i < 100; i++) yield Buffer.alloc(1024, 0x61)
    yield Buffer.from('\nlast')
  }
  const lines = []
  for await (const line of decodedLines(chunks(), 4096)) lines.push(line)
  assert.deepEqual(lines, [
    { text: 'short', tooLong: false },
    { text: '', tooLong: true },
    { text: 'last', tooLong: false },
  ])
})

test('body, title, URL and date fields of the wrong type fail the record, naming the field', async () => {
  const cases: Array<[Record<string, unknown>, RegExp]> = [
    [{ text: ['a', 'b'] }, /"text" must be a string, but it holds an array/u],
    [{ body: { p: BODY } }, /"body" must be a string, but it holds an object/u],
    [{ text: BODY, title: 42 }, /"title" must be a string, but it holds a number/u],
    [{ text: BODY, url: ['https://a.example/'] }, /"url" must be a string/u],
    [{ text: BODY, date: { y: 2025 } }, /"date" must be a string/u],
  ]
  for (const [record, message] of cases) {
    const [item] = await read('typed.json', JSON.stringify(record))
    assert.ok(item instanceof InputError, JSON.stringify(record))
    assert.equal(item.code, 'PARSE_FAILED')
    assert.match(item.message, message)
  }
  // Authors and outlets keep their documented shapes: a list of names, an object with a name.
  const [fine] = await read('shapes.json', JSON.stringify({ text: BODY, authors: ['A. Writer', 'B. Writer'], source: { name: 'Gazette' } }))
  assert.ok(fine !== undefined && !(fine instanceof InputError) && fine.kind === 'document')
  assert.equal(fine.doc.metadata.byline, 'A. Writer, B. Writer')
  assert.equal(fine.doc.metadata.outlet, 'Gazette')
})

test('dates outside the calendar are refused, with a diagnostic', async () => {
  for (const date of ['9999-99-99', '2025-02-30', '2025-03-11T24:30:00Z', '2025-00-10', '0000-01-01']) assert.equal(normalizeStatedDate(date), null, date)
  assert.equal(normalizeStatedDate('2024-02-29'), '2024-02-29')
  assert.equal(normalizeStatedDate('2025-03-11T23:59:60Z'), '2025-03-11T23:59:60Z')
  const [item] = await read('date.json', JSON.stringify({ text: BODY, date: '9999-99-99' }))
  assert.ok(item !== undefined && !(item instanceof InputError) && item.kind === 'document')
  assert.equal(item.doc.metadata.published, undefined)
  assert.equal(item.doc.diagnostics[0]?.ruleId, 'input/impossible-date')
})
