/**
 * A document that cannot be read is not retried: its job lands in the
 * failed set with the reason, `queue status` shows it, and the apply stage
 * passes over it as a one-process ingest does. Skipped, saying why, where
 * no PostgreSQL answers.
 */
import assert from 'node:assert/strict'
import { after, test } from 'node:test'
import { openPostgresStore } from '../store/postgres/postgres-store.js'
import { dropSchemas, inSchema, TEST_POSTGRES as PG } from '../testing/test-postgres.js'
import { checkQueueReachable, JOB_OPTIONS, openQueues, queueLocation } from './connection.js'
import { queueStatus } from './status.js'
import { startWorker } from './worker.js'

const SCHEMA = `cc_qfail_${process.pid}`
const db = inSchema(SCHEMA)

async function unreachable(): Promise<string | false> {
  try {
    await checkQueueReachable(queueLocation(PG), 2000)
    return false
  } catch (error) {
    return `${error instanceof Error ? error.message : String(error)}; set CROSSCHECK_TEST_POSTGRES to run these`
  }
}
const skip = await unreachable()

after(async () => {
  if (skip === false) await dropSchemas([SCHEMA, `${SCHEMA}_queue`])
})

test('an unreadable document fails at once with its reason, and the run goes on', { skip, timeout: 120_000 }, async () => {
  const store = await openPostgresStore(db)
  const handles = openQueues(queueLocation(PG, { name: 'failing', schema: `${SCHEMA}_queue` }))
  await handles.ready()
  const ledger = store.queueLedger()
  const session = await ledger.openEnqueueSession('one')
  const [empty, good] = await session.register([
    { key: 'empty', location: 'empty.txt' },
    { key: 'good', location: 'good.txt' },
  ])
  await session.close()
  assert.ok(empty !== undefined && good !== undefined)
  const text = 'Lisovar counts its losses.\n\nThe river rose overnight and the bridge closed at dawn, the mayor said on Tuesday.'
  await handles.queues.analyze.addBulk([
    {
      name: 'analyze',
      data: { seq: empty.seq, location: 'empty.txt', input: { kind: 'text', text: '', source: { kind: 'file', location: 'empty.txt' }, diagnostics: [] } },
      opts: { ...JOB_OPTIONS.analyze, jobId: 'doc-empty' },
    },
    {
      name: 'analyze',
      data: { seq: good.seq, location: 'good.txt', input: { kind: 'text', text, source: { kind: 'file', location: 'good.txt' }, diagnostics: [] } },
      opts: { ...JOB_OPTIONS.analyze, jobId: 'doc-good' },
    },
  ])
  const worker = startWorker(ledger, handles, { pollMs: 200 })
  try {
    let status = await queueStatus(ledger, handles)
    for (let tries = 0; tries < 100 && (status.ledger.outstanding > 0 || status.stages.analyze.failed === 0); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      status = await queueStatus(ledger, handles)
    }
    assert.equal(status.ledger.outstanding, 0, 'both documents passed')
    assert.equal(status.ledger.applied, 1)
    assert.equal(status.ledger.failed, 1)
    const [failure] = status.stages.analyze.failures
    assert.equal(failure?.id, 'doc-empty')
    assert.equal(failure?.attempts, 1, 'not retried: retrying cannot make it readable')
    assert.match(failure?.reason ?? '', /empty\.txt: .+\[[A-Z_]+\]/u)
    assert.equal(await store.countArticles(), 1)
  } finally {
    await worker.close()
    await store.close()
  }
})
