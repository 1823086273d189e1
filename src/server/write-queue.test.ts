import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createWriteQueue, WriteQueueClosedError } from './write-queue.js'

test('runs tasks in order, moves the generation on after each and at every reported commit', async () => {
  const queue = createWriteQueue()
  const order: string[] = []
  const start = queue.generation
  const first = queue.run(async () => {
    await new Promise((resolve) => setTimeout(resolve, 10))
    queue.noteCommit()
    order.push('first')
  })
  const failing = queue.run(async () => {
    throw new Error('bad batch')
  })
  const second = queue.run(async () => order.push('second'))
  await first
  await assert.rejects(failing, /bad batch/)
  await second
  assert.deepEqual(order, ['first', 'second'])
  assert.equal(queue.generation, start + 4)
  await queue.close()
  await assert.rejects(
    queue.run(async () => 1),
    WriteQueueClosedError,
  )
})
