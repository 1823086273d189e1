import { availableParallelism } from 'node:os'
import { CrosscheckError } from '../../errors.js'
import { ingest } from '../../ingest/ingest.js'
import { EXIT } from '../exit-codes.js'
import { plural } from '../../text/plural.js'
import { type CommandContext, integerFlag, writeJson } from '../command-context.js'
import { printable } from '../escape.js'
import { progressBar } from '../progress.js'
import { DEFAULT_BATCH_SIZE, DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_BYTES } from '../../limits.js'
import { runIngestToQueue } from './queue-ingest.js'

/** `crosscheck ingest <inputs…>`: exit 0 when every input was read, 1 when some failed. */
export async function runIngest(context: CommandContext): Promise<number> {
  const { values, positionals, store, json, out } = context
  if (positionals.length === 0) throw new CrosscheckError('USAGE', 'name at least one file, directory, URL or - (standard input)')
  const timeoutSeconds = integerFlag(values, 'timeout', DEFAULT_FETCH_TIMEOUT_MS / 1000)
  if (typeof values['queue'] === 'string') return runIngestToQueue(context, values['queue'], timeoutSeconds)
  const quiet = values['quiet'] === true || json
  const bar = progressBar(context.err)
  const report = await ingest(positionals, store, {
    followLinks: values['follow-links'] === true,
    allowPrivateAddresses: values['allow-private'] === true,
    timeoutMs: timeoutSeconds * 1000,
    maxBytes: integerFlag(values, 'max-bytes', DEFAULT_MAX_BYTES),
    batchSize: Math.max(1, integerFlag(values, 'batch-size', DEFAULT_BATCH_SIZE)),
    workers: integerFlag(values, 'workers', availableParallelism()),
    onEvent: (event) => {
      // Locations, titles and messages come from the inputs: printed escaped, one line each.
      if (event.kind === 'progress') bar.update(event.done, event.total, printable(event.current))
      else if (event.kind === 'failed') bar.log(`error: ${printable(event.location)}: ${printable(event.message)} [${event.code}]`)
      else if (event.kind === 'skipped' && !quiet) bar.log(`skipped: ${printable(event.location)}: ${printable(event.reason)}`)
      else if (event.kind === 'stored' && !quiet) {
        const what = event.status === 'inserted' ? 'stored' : 'already stored'
        bar.log(`${what}: ${event.id} ${printable(event.location)}${event.title === null ? '' : ` "${printable(event.title)}"`}`)
      }
    },
  })
  bar.done()
  if (json) {
    writeJson(out, report)
  } else {
    const parts = [`${report.inserted} new`, `${report.duplicates} already stored`, `${report.failed.length} failed`]
    if (report.skipped.length > 0) parts.push(`${report.skipped.length} skipped`)
    out.write(`ingested ${plural(report.stored.length, 'article')} (${parts.join(', ')})\n`)
    if (report.relations > 0)
      out.write(
        `found ${report.relations} cop${report.relations === 1 ? 'y, rewrite or partial reuse' : 'ies, rewrites or partial reuses'}: see crosscheck lineage\n`,
      )
  }
  return report.failed.length > 0 ? EXIT.PARTIAL : EXIT.OK
}
