import { describeError } from '../../errors.js'
import { queueIdle } from '../../queue/status.js'
import { startWorker } from '../../queue/worker.js'
import { DEFAULT_BATCH_SIZE } from '../../limits.js'
import { type CommandContext, integerFlag } from '../command-context.js'
import { printable } from '../escape.js'
import { EXIT } from '../exit-codes.js'
import { connectQueue } from './queue-connect.js'

/**
 * `crosscheck worker`: runs until SIGTERM/SIGINT (or, with --drain, until
 * nothing is left), then stops gracefully: the jobs in hand are finished, a
 * second signal hands them back to the queue instead.
 */
export async function runWorker(context: CommandContext): Promise<number> {
  const { values, err } = context
  const quiet = values['quiet'] === true
  const { ledger, handles } = await connectQueue(context)
  const log = (line: string): void => {
    err.write(`crosscheck worker: ${line}\n`)
  }
  const worker = startWorker(ledger, handles, {
    concurrency: Math.max(1, integerFlag(values, 'concurrency', 2)),
    batchSize: Math.max(1, integerFlag(values, 'batch-size', DEFAULT_BATCH_SIZE)),
    onEvent: (event) => {
      if (event.kind === 'error') log(`${event.stage}: ${printable(event.message)}`)
      else if (event.kind === 'unreadable') log(`cannot read ${printable(event.message)}`)
      else if (event.kind === 'applied' && !quiet) log(`stored a batch of ${event.documents} (through #${event.through})`)
    },
  })
  const where = handles.location.kind === 'postgres' ? `${handles.location.shown} (schema ${handles.location.schema})` : handles.location.shown
  if (!quiet) log(`working on the queues ${handles.location.name}-analyze and -apply at ${where}; stop with Ctrl-C or SIGTERM`)

  let stopping: Promise<void> | null = null
  const stop = (force: boolean): Promise<void> => {
    if (stopping === null || force) stopping = worker.close(force)
    return stopping
  }
  const done = new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      const force = stopping !== null
      if (!quiet) log(force ? `${signal} again: handing the jobs in hand back to the queue` : `${signal}: finishing the jobs in hand`)
      stop(force).then(resolve, resolve)
    }
    process.on('SIGTERM', onSignal)
    process.on('SIGINT', onSignal)
    if (values['drain'] === true) {
      // Idle twice in a row: a document being enqueued between two looks is not missed.
      let idleLooks = 0
      const look = (): void => {
        queueIdle(ledger, handles)
          .then((idle) => {
            idleLooks = idle ? idleLooks + 1 : 0
            if (idleLooks >= 2) {
              if (!quiet) log('nothing left to do')
              stop(false).then(resolve, resolve)
            } else setTimeout(look, 1000)
          })
          .catch((error: unknown) => {
            log(`cannot read the queue: ${printable(describeError(error))}`)
            setTimeout(look, 2000)
          })
      }
      setTimeout(look, 1000)
    }
  })
  await done
  return EXIT.OK
}
