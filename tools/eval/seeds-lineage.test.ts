import assert from 'node:assert/strict'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from 'node:test'
import { sharedDir } from '../../dist/testing/shared-data.js'
import { seedsLineage } from './seeds-lineage.js'

const shared = sharedDir()

test(
  'the seeds: every pair has the kind the answer key gives, and no wrong original',
  { skip: shared === null ? 'needs ../shared/corpus/seeds beside the repository' : false },
  async () => {
    const result = await seedsLineage(join(shared ?? '', 'corpus', 'seeds'))
    assert.deepEqual(result.notes, [])
    assert.equal(result.checks?.failed, 0)
  },
)

test('the example corpus: every pair of the main story as planted', async () => {
  const result = await seedsLineage(fileURLToPath(new URL('../../examples', import.meta.url)))
  assert.deepEqual(result.notes, [])
})
