import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createReadCache } from './read-cache.js'

test('serves an entry until the generation changes, and loads concurrent misses once', async () => {
  let generation = 0
  let loads = 0
  const cache = createReadCache<string>({ generation: () => generation })
  const load = async (): Promise<string> => `stories at ${generation} (load ${++loads})`
  assert.deepEqual(await Promise.all([cache.get('list', load), cache.get('list', load)]), ['stories at 0 (load 1)', 'stories at 0 (load 1)'])
  assert.equal(await cache.get('list', load), 'stories at 0 (load 1)')
  generation++
  assert.equal(await cache.get('list', load), 'stories at 1 (load 2)')
})

test('keeps an entry across generations while its version is unchanged', async () => {
  let generation = 0
  let members = 'a,b'
  let loads = 0
  const cache = createReadCache<string>({ generation: () => generation })
  const page = (): Promise<string> =>
    cache.get(
      'story 7',
      async () => `page ${++loads}`,
      async () => members,
    )
  assert.equal(await page(), 'page 1')
  generation++
  assert.equal(await page(), 'page 1')
  members = 'a,b,c'
  generation++
  assert.equal(await page(), 'page 2')
})

test('drops the least recently used entry beyond its bound, and does not keep failures', async () => {
  const cache = createReadCache<number>({ generation: () => 0, maxEntries: 2 })
  let loads = 0
  const load = async (): Promise<number> => ++loads
  await cache.get('a', load)
  await cache.get('b', load)
  await cache.get('a', load) // a is now the most recent
  await cache.get('c', load) // b goes
  assert.equal(cache.size, 2)
  assert.equal(await cache.get('a', load), 1)
  assert.equal(await cache.get('b', load), 4)
  await assert.rejects(cache.get('d', async () => Promise.reject(new Error('store closed'))))
  assert.equal(await cache.get('d', async () => 42), 42)
})
