import { enqueueInputs } from '../../queue/enqueue.js'
import { DEFAULT_MAX_BYTES } from '../../limits.js'
import { type CommandContext, integerFlag, writeJson } from '../command-context.js'
import { printable } from '../escape.js'
import { EXIT } from '../exit-codes.js'
import { connectQueue } from './queue-connect.js'

/** `crosscheck ingest --queue <url> <inputs…>`: enqueue for the workers; exit 1 when some inputs could not be read. */
export async function runIngestToQueue(context: CommandContext, queueUrl: string, timeoutSeconds: number): Promise<number> {
  const { values, positionals, json, out, err } = context
  const { ledger, handles } = await connectQueue(context, queueUrl)
  try {
    const report = await enqueueInputs(positionals, ledger, handles, {
      followLinks: values['follow-links'] === true,
      allowPrivateAddresses: values['allow-private'] === true,
      timeoutMs: timeoutSeconds * 1000,
      maxBytes: integerFlag(values, 'max-bytes', DEFAULT_MAX_BYTES),
    })
    if (json) writeJson(out, report)
    else {
      for (const failure of report.failed) err.write(`error: ${printable(failure.location)}: ${printable(failure.message)} [${failure.code}]\n`)
      const parts = [`${report.enqueued} new`, `${report.requeued} queued before`, `${report.done} already stored`, `${report.failed.length} failed`]
      if (report.skipped.length > 0) parts.push(`${report.skipped.length} skipped`)
      out.write(`queued ${report.enqueued + report.requeued} documents for the workers (${parts.join(', ')}); see crosscheck queue status\n`)
    }
    return report.failed.length > 0 ? EXIT.PARTIAL : EXIT.OK
  } finally {
    await handles.close()
  }
}
