import { test } from 'node:test'
import assert from 'node:assert/strict'
import { HttpProblem } from './http-errors.js'
import { createReadBudget } from './read-budget.js'

const later = <T>(ms: number, value: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), ms))

test('a result is computed once per data version', async () => {
  let version = 0
  let loads = 0
  const budget = createReadBudget({ generation: () => version, what: 'the report' })
  const load = async () => `body ${++loads}`
  assert.equal(await budget.run('r1', load), 'body 1')
  assert.equal(await budget.run('r1', load), 'body 1')
  version++
  assert.equal(await budget.run('r1', load), 'body 2', 'a write makes it stale')
})

test('past the time budget: 503 OVER_BUDGET, and the result lands in the cache for the next request', async () => {
  const budget = createReadBudget({ generation: () => 0, what: 'the comparison', timeMs: 20 })
  await assert.rejects(
    budget.run('a b', () => later(80, 'done')),
    (error: unknown) => error instanceof HttpProblem && error.status === 503 && error.code === 'OVER_BUDGET' && /still being computed/.test(error.message),
  )
  await later(100, null)
  assert.equal(await budget.run('a b', () => Promise.resolve('again')), 'done')
})

test('past the concurrency limit: 429 for a new key, while a key being computed is shared', async () => {
  const budget = createReadBudget({ generation: () => 0, what: 'the report', concurrent: 1, waiting: 0, timeMs: 1000 })
  const first = budget.run('r1', () => later(50, 'one'))
  const shared = budget.run('r1', () => Promise.resolve('never'))
  await assert.rejects(
    budget.run('r2', () => Promise.resolve('two')),
    (error: unknown) => error instanceof HttpProblem && error.status === 429,
  )
  assert.equal(await first, 'one')
  assert.equal(await shared, 'one')
  assert.equal(await budget.run('r2', () => Promise.resolve('two')), 'two', 'a refused key is not cached as refused')
})

test('budgetedResponses keeps a route’s 200 answers whole, per data version, and passes others through uncached', async () => {
  const { Hono } = await import('hono')
  const { budgetedResponses } = await import('./read-budget.js')
  let version = 0
  let calls = 0
  const app = new Hono()
  app.get('/stories/:id/:file', budgetedResponses(createReadBudget({ generation: () => version, what: 'the report' })))
  app.get('/stories/:id/:file', (c) => {
    calls++
    if (c.req.param('id') === '404') return c.text('no story', 404)
    return c.body(`report ${calls}`, 200, { 'Content-Type': 'text/markdown', 'Content-Disposition': 'attachment; filename="r.md"' })
  })
  const first = await app.request('/stories/1/report.md')
  assert.equal(await first.text(), 'report 1')
  const second = await app.request('/stories/1/report.md')
  assert.equal(await second.text(), 'report 1')
  assert.equal(second.headers.get('content-disposition'), 'attachment; filename="r.md"')
  assert.equal(calls, 1)
  version++
  assert.equal(await (await app.request('/stories/1/report.md')).text(), 'report 2')
  assert.equal((await app.request('/stories/404/report.md')).status, 404)
  assert.equal((await app.request('/stories/404/report.md')).status, 404)
  assert.equal(calls, 4)
})

test('a result not being computed waits for a turn, within the time budget', async () => {
  const budget = createReadBudget({ generation: () => 0, what: 'the report', concurrent: 1, waiting: 4, timeMs: 1000 })
  const order: string[] = []
  const slow = (name: string) => () => later(30, name).then((value) => (order.push(value), value))
  const results = await Promise.all([budget.run('a', slow('a')), budget.run('b', slow('b')), budget.run('c', slow('c'))])
  assert.deepEqual(results, ['a', 'b', 'c'])
  assert.deepEqual(order, ['a', 'b', 'c'], 'one at a time, in turn')
  assert.equal(budget.computing, 0)
})
