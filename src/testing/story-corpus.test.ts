import { test } from 'node:test'
import assert from 'node:assert/strict'
import { runPrepareJob } from '../ingest/prepare-job.js'
import { exampleArticles, properNames, recordJob, reenact } from './story-corpus.js'

const examples = await exampleArticles()
const names = properNames(examples)

test('the names to replace are the actors, not calendar words, outlets or common words', () => {
  for (const name of ['Lisovar', 'Korvel', 'Kostelnik', 'Teodor', 'Veshna']) assert.ok(names.includes(name), name)
  for (const kept of ['Tuesday', 'April', 'The', 'Meridian']) assert.ok(!names.includes(kept), kept)
})

test('a re-enactment has other names, counts and dates, and keeps copies identical', () => {
  const first = reenact(examples, names, 1)
  const again = reenact(examples, names, 1)
  const second = reenact(examples, names, 2)
  assert.deepEqual(first, again, 'deterministic')
  assert.equal(first.length, examples.length)
  const all = first.map((r) => `${r.title}\n${r.text}`).join('\n')
  for (const name of ['Lisovar', 'Korvel', 'Kostelnik', 'LISOVAR']) assert.doesNotMatch(all, new RegExp(`\\b${name}\\b`, 'u'), name)
  assert.notDeepEqual(
    first.map((r) => r.text),
    second.map((r) => r.text),
  )
  // One week back per re-enactment, time of day kept.
  const wire = examples.findIndex((a) => a.published === '2026-04-15T09:20:00+02:00')
  assert.equal(first[wire]?.published, '2026-04-08T09:20:00+02:00')
  assert.equal(second[wire]?.published, '2026-04-01T09:20:00+02:00')
  // Articles that were the same text are still the same text.
  const texts = examples.map((a) => a.text)
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) if (texts[i] === texts[j]) assert.equal(first[i]?.text, first[j]?.text)
  }
})

test('a count that two sources disagree on still disagrees, and the wording around it is kept', () => {
  // The example's planted disagreement: "at least 41 people" (the wire) against "up to 41 people".
  const floorAt = examples.findIndex((a) => /at least 41 people/iu.test(a.text))
  const ceilingAt = examples.findIndex((a) => /up to 41 people/iu.test(a.text))
  assert.ok(floorAt >= 0 && ceilingAt >= 0)
  const records = reenact(examples, names, 3)
  const floor = /at least (\d+) people/iu.exec(records[floorAt]?.text ?? '')?.[1]
  const ceiling = /up to (\d+) people/iu.exec(records[ceilingAt]?.text ?? '')?.[1]
  assert.ok(floor !== undefined && floor !== '41')
  assert.equal(floor, ceiling, 'the same count gets the same value in every article')
})

test('re-enacted records go through ingest preparation like JSON Lines input', () => {
  const [record] = reenact(examples, names, 4)
  const result = runPrepareJob(recordJob(record as NonNullable<typeof record>, 'bench.jsonl', 0))
  assert.ok(result.ok)
  assert.equal(result.article.title, record?.title)
})
