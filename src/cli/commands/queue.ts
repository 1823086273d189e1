import { CrosscheckError } from '../../errors.js'
import { type QueueStatus, queueStatus } from '../../queue/status.js'
import { type CommandContext, writeJson } from '../command-context.js'
import { printable } from '../escape.js'
import { EXIT } from '../exit-codes.js'
import { formatTable } from '../table.js'
import { connectQueue } from './queue-connect.js'

/** `crosscheck queue status`: the work queue at a glance. */
export async function runQueue(context: CommandContext): Promise<number> {
  const [action] = context.positionals
  if (action !== 'status')
    throw new CrosscheckError('USAGE', `name what to do with the queue: 'crosscheck queue status'${action === undefined ? '' : `, got '${action}'`}`)
  const { ledger, handles } = await connectQueue(context)
  try {
    const status = await queueStatus(ledger, handles)
    if (context.json) writeJson(context.out, status)
    else context.out.write(formatStatus(status))
  } finally {
    await handles.close()
  }
  return EXIT.OK
}

function formatStatus(status: QueueStatus): string {
  const { ledger } = status
  const rows = Object.entries(status.stages).map(([stage, s]) => ({
    stage,
    waiting: s.waiting,
    active: s.active,
    retrying: s.delayed,
    completed: s.completed,
    failed: s.failed,
    'last minute': s.lastMinute,
  }))
  const lines = [
    `queue ${printable(status.queue)}`,
    formatTable(rows),
    `documents: ${ledger.pending} to analyse, ${ledger.analyzed} analysed and waiting to be stored, ${ledger.applied} stored, ${ledger.failed} unreadable; ${ledger.outstanding} still ahead of the store`,
  ]
  for (const [stage, s] of Object.entries(status.stages)) {
    for (const failure of s.failures) {
      lines.push(
        `failed ${stage} job ${printable(failure.id)} after ${failure.attempts} attempt${failure.attempts === 1 ? '' : 's'}: ${printable(failure.reason)}`,
      )
    }
  }
  return `${lines.join('\n')}\n`
}
