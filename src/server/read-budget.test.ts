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
  const budget = createReadBudget({ generation: () => 0, what: 'the report', concurrent: 1, timeMs: 1000 })
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
