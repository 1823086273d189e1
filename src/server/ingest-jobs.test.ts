import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { IngestReport } from '../ingest/ingest.js'
import { createJobRegistry, describeRequest, outcomesOf, recordEvent } from './ingest-jobs.js'

test('a job belongs to the session that started it, and the oldest finished jobs are forgotten first', () => {
  const jobs = createJobRegistry(2)
  const first = jobs.create('s1', 'Adding 1 URL')
  first.state = 'done'
  const running = jobs.create('s1', 'Adding 1 file')
  assert.equal(jobs.get(first.id, 's2'), null)
  assert.equal(jobs.get(first.id, 's1'), first)
  jobs.create('s1', 'Adding pasted text')
  assert.equal(jobs.get(first.id, 's1'), null, 'forgotten')
  assert.equal(jobs.get(running.id, 's1'), running, 'a running job is kept')
  assert.deepEqual(
    jobs.recent('s1', 5).map((job) => job.summary),
    ['Adding pasted text', 'Adding 1 file'],
  )
})

test('events become outcomes as they come; the reports, with stories, replace them at the end', () => {
  const job = createJobRegistry().create('s', 'x')
  const name = (location: string) => location.replace('/tmp/up/0-', '')
  recordEvent(job, { kind: 'progress', done: 1, total: 3, current: '/tmp/up/0-a.jsonl' }, name)
  recordEvent(job, { kind: 'failed', location: '/tmp/up/0-a.jsonl#1', code: 'NO_CONTENT', message: 'no article body' }, name)
  assert.deepEqual(job.progress, { done: 1, total: 3, current: 'a.jsonl' })
  assert.equal(job.outcomes[0]?.input, 'a.jsonl#1')
  const report: IngestReport = {
    stored: [{ location: '/tmp/up/0-a.jsonl#0', id: 'abcd1234abcd1234', status: 'inserted', title: 'T', outlet: 'O' }],
    failed: [{ location: '/tmp/up/0-a.jsonl#1', code: 'NO_CONTENT', message: 'no article body' }],
    skipped: [],
    inserted: 1,
    duplicates: 0,
    relations: 0,
  }
  const outcomes = outcomesOf([report], new Map([['abcd1234abcd1234', 7]]), name)
  assert.deepEqual(
    outcomes.map((o) => [o.input, o.status, o.storyId, o.reason]),
    [
      ['a.jsonl#0', 'inserted', 7, null],
      ['a.jsonl#1', 'failed', null, 'no article body (NO_CONTENT)'],
    ],
  )
})

test('describeRequest says what a form asked for', () => {
  assert.equal(describeRequest({ urls: 2, texts: 1, files: 1 }), 'Adding 2 URLs, pasted text and 1 file')
  assert.equal(describeRequest({ urls: 1, texts: 0, files: 0 }), 'Adding 1 URL')
  assert.equal(describeRequest({ urls: 0, texts: 0, files: 3 }), 'Adding 3 files')
})
