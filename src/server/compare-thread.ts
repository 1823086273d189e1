/**
 * The comparison thread: renders `/compare/a/b` pages on its own store
 * connection. Aligning two long articles is CPU work that no await
 * interrupts; here it cannot hold up the thread that answers every other
 * request, and a comparison over its budget is stopped by ending the
 * thread (see comparer.ts).
 *
 * Started by `startComparer`; not meant to be imported.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openStore } from '../store/open-store.js'
import { sendError } from './write-jobs.js'
import { type ComparerThreadData, comparisonRenderer, type FromComparer, type ToComparer } from './comparer.js'

if (parentPort === null) throw new Error('compare-thread.js runs as a worker thread; start it with startComparer()')
const port = parentPort
const store = await openStore((workerData as ComparerThreadData).dbPath)
const render = comparisonRenderer(store)

port.on('message', (message: ToComparer) => {
  void (async () => {
    let answer: FromComparer
    try {
      answer = { id: message.id, ok: true, body: await render(message.a, message.b, message.format, message.page) }
    } catch (error) {
      answer = { id: message.id, ok: false, error: sendError(error) }
    }
    port.postMessage(answer)
  })()
})
