/**
 * What `ingest --queue`, `worker` and `queue status` share: the store's
 * queue ledger (PostgreSQL only) and the queue, checked to answer before
 * anything waits on it.
 */
import { StoreError } from '../../errors.js'
import { checkQueueReachable, type QueueHandles, openQueues, queueLocation, queueSchemaFor } from '../../queue/connection.js'
import type { Store } from '../../storage.js'
import type { QueueLedger } from '../../store/postgres/queue-ledger.js'
import type { CommandContext } from '../command-context.js'

export interface QueueConnection {
  readonly ledger: QueueLedger
  readonly handles: QueueHandles
}

/** The store's location as `main` chose it. */
function storeLocation(values: CommandContext['values']): string {
  return (values['db'] as string | undefined) || process.env['CROSSCHECK_DB'] || 'crosscheck.db'
}

export async function connectQueue(context: Pick<CommandContext, 'values' | 'store'>, queueUrl?: string): Promise<QueueConnection> {
  const ledger = ledgerOf(context.store)
  const db = storeLocation(context.values)
  const url = queueUrl ?? (context.values['queue'] as string | undefined) ?? db
  const location = queueLocation(url, {
    ...(typeof context.values['queue-name'] === 'string' ? { name: context.values['queue-name'] } : {}),
    // The queue in the store's own database gets a schema beside the store's.
    ...(url === db ? { schema: queueSchemaFor(db) } : {}),
  })
  await checkQueueReachable(location)
  const handles = openQueues(location)
  try {
    await handles.ready()
  } catch (error) {
    await handles.close().catch(() => {})
    throw error
  }
  return { ledger, handles }
}

function ledgerOf(store: Store): QueueLedger {
  const candidate = store as Store & { queueLedger?: () => QueueLedger }
  if (typeof candidate.queueLedger !== 'function') {
    throw new StoreError('USAGE', 'the work queue needs a PostgreSQL store that every worker can reach: pass --db postgres://… (or set CROSSCHECK_DB)')
  }
  return candidate.queueLedger()
}
