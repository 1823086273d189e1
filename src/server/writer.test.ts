import { test, describe, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seededRandom, syntheticTextArticle } from '../testing/synthetic.js'
import { StoreError } from '../errors.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import { createApp } from './app.js'
import { BRIDGE_REPORT, LIBRARY_NEWS } from './test-articles.js'
import { receiveError, sendError, sendItem } from './write-jobs.js'
import { createWriteQueue } from './write-queue.js'
import { startWriter, WriterFailedError } from './writer.js'

const TOKEN = 'writer-test-token'
const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
  body: JSON.stringify(body),
})

/** A server over a store file, its ingests on a writer thread. */
function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-writer-'))
  const dbPath = join(dir, 'news.db')
  const store = openSqliteStore(dbPath)
  const queue = createWriteQueue()
  const writer = startWriter({ dbPath, allowPrivateAddresses: false, onCommit: () => queue.noteCommit() })
  const app = createApp({ store, token: TOKEN, queue, writer })
  const close = async (): Promise<void> => {
    await queue.close()
    await writer.close()
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return { store, queue, writer, app, close }
}

describe('writer thread events', () => {
  const server = setup()
  after(() => server.close())

  test("a job's ingest events cross back to the caller as they happen, for the web ingest's job page", async () => {
    const events: string[] = []
    const { jsonRecordToDocument } = await import('../ingest/json.js')
    const doc = jsonRecordToDocument(LIBRARY_NEWS, { kind: 'api', location: 'web' }, 'json', JSON.stringify(LIBRARY_NEWS))
    const report = await server.writer.run({ kind: 'ingest-items', label: 'web', items: [sendItem({ kind: 'document', doc })] }, (event) =>
      events.push(event.kind),
    )
    assert.equal(report.stored.length, 1)
    assert.ok(events.includes('stored'), events.join(', '))
  })
})

describe('the writer thread', () => {
  const server = setup()
  after(() => server.close())

  test('stores a batch posted through the API, and the cached stories list shows it once committed', async () => {
    const { app } = server
    // Read first, so the lists are cached before the write.
    const empty = await app.request('/api/v1/stories')
    assert.deepEqual(((await empty.json()) as { items: unknown[] }).items, [])
    assert.match(await (await app.request('/')).text(), /<\/html>/)

    const res = await app.request('/api/v1/articles', post([BRIDGE_REPORT]))
    assert.equal(res.status, 200)
    assert.equal(((await res.json()) as { inserted: number }).inserted, 1)

    const listed = (await (await app.request('/api/v1/stories')).json()) as { items: Array<{ id: number; titles: string[] }> }
    assert.deepEqual(
      listed.items.map((story) => story.titles),
      [[BRIDGE_REPORT.title]],
    )
    assert.match(await (await app.request('/')).text(), /Lindqvist Bridge to close/)
    const page = await app.request(`/stories/${listed.items[0]?.id}`)
    assert.equal(page.status, 200)
    assert.match(await page.text(), /Riverside Gazette/)
  })

  test('answers reads promptly while a long ingest runs on the writer', async () => {
    const { app, writer } = server
    const random = seededRandom(41)
    const batch = Array.from({ length: 30 }, (_, i) => ({
      title: `Council budget update ${i}`,
      text: syntheticTextArticle(random, 300),
      outlet: 'Vik Courier',
    }))
    const started = performance.now()
    const writing = Promise.resolve(app.request('/api/v1/articles', post(batch)))
    let done = false
    void writing.then(() => (done = true))
    while (writer.pending === 0 && !done) await new Promise((resolve) => setTimeout(resolve, 1))
    const latencies: number[] = []
    while (!done) {
      const t = performance.now()
      const res = await app.request('/api/v1/stories?limit=5')
      await res.text()
      if (!done) latencies.push(performance.now() - t)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const res = await writing
    assert.equal(res.status, 200)
    assert.equal(((await res.json()) as { inserted: number }).inserted, 30)
    const writeMs = performance.now() - started
    // Many reads were answered during the write, each far faster than the write itself.
    assert.ok(latencies.length >= 5, `only ${latencies.length} reads during a ${writeMs.toFixed(0)} ms write`)
    assert.ok(
      Math.max(...latencies) < Math.max(100, writeMs / 4),
      `slowest read ${Math.max(...latencies).toFixed(1)} ms during a ${writeMs.toFixed(0)} ms write`,
    )
  })

  test('runs jobs in order and refuses jobs after close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-writer-'))
    const dbPath = join(dir, 'news.db')
    let commits = 0
    const writer = startWriter({ dbPath, allowPrivateAddresses: false, onCommit: () => commits++ })
    try {
      const { parseArticleBody } = await import('./article-body.js')
      const items = (record: unknown) => parseArticleBody('application/json', JSON.stringify([record]), 'api').map(sendItem)
      const first = writer.run({ kind: 'ingest-items', label: 'api', items: items(LIBRARY_NEWS) })
      const again = writer.run({ kind: 'ingest-items', label: 'api', items: items(LIBRARY_NEWS) })
      assert.deepEqual([(await first).inserted, (await again).duplicates], [1, 1])
      assert.ok(commits > 0)
      // An item that failed before the writer (an InputError) comes back as that item's failure.
      const failed = await writer.run({ kind: 'ingest-items', label: 'api', items: items({ title: 'No body' }) })
      assert.equal(failed.failed.length + failed.stored.length, failed.failed.length)
      await writer.close()
      await assert.rejects(writer.run({ kind: 'ingest-inputs', names: [] }), WriterFailedError)
    } finally {
      await writer.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('reports a crashed thread, restarts it, and gives up after repeated crashes', async () => {
    // A directory is no database: the thread dies as it starts.
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-writer-'))
    const dbPath = join(dir, 'not-a-file')
    mkdirSync(dbPath)
    const crashes: boolean[] = []
    let fatal: Error | null = null
    const writer = startWriter({
      dbPath,
      allowPrivateAddresses: false,
      maxCrashes: 2,
      onCrash: (_, restarting) => crashes.push(restarting),
      onFatal: (error) => (fatal = error),
    })
    try {
      await assert.rejects(
        writer.run({ kind: 'ingest-inputs', names: [] }),
        (error) => error instanceof WriterFailedError && /cannot open database/.test(error.message),
      )
      await assert.rejects(writer.run({ kind: 'ingest-inputs', names: [] }), WriterFailedError)
      assert.deepEqual(crashes, [true, false])
      assert.ok(fatal !== null)
      await assert.rejects(writer.run({ kind: 'ingest-inputs', names: [] }), /not restarted/)
    } finally {
      await writer.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('errors crossing threads', () => {
  test('keep their class, code, input and stack', () => {
    const original = new StoreError('AMBIGUOUS_ID', 'id prefix 3f9a matches several articles', { input: '3f9a' })
    const received = receiveError(structuredClone(sendError(original)))
    assert.ok(received instanceof StoreError)
    assert.deepEqual([received.code, received.input, received.message, received.stack], [original.code, original.input, original.message, original.stack])
    const plain = receiveError(structuredClone(sendError(new TypeError('boom'))))
    assert.deepEqual([plain.name, plain.message], ['TypeError', 'boom'])
  })
})
