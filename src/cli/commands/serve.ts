/**
 * `crosscheck serve`: the HTTP API and the web app over the store, and
 * optionally feed following, in one process. Ingests run on a writer
 * thread with its own connection to the store file, so the main thread only
 * serves (an in-memory store has no file to share: there they run on the
 * main thread). Stops cleanly on SIGINT or SIGTERM: pollers first, then the
 * listener, then the write queue drains and the writer thread closes its
 * connection; the store is closed by the CLI shell. If the writer thread
 * keeps crashing (see writer.ts), serve stops with an error rather than run
 * on without writes.
 */
import { readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { CrosscheckError, describeError } from '../../errors.js'
import { createFeedFollower, type FollowEvent } from '../../follow/feed-follower.js'
import { parseFeedList } from '../../follow/feed-list.js'
import { createApp } from '../../server/app.js'
import { resolveToken } from '../../server/token.js'
import { checkFetchableUrl } from '../../server/url-check.js'
import { createWriteQueue } from '../../server/write-queue.js'
import { sendItem } from '../../server/write-jobs.js'
import { startWriter, type Writer } from '../../server/writer.js'
import { type Comparer, startComparer } from '../../server/comparer.js'
import type { ReadItem } from '../../ingest/read-input.js'
import { EXIT } from '../exit-codes.js'
import { type CommandContext, integerFlag } from '../command-context.js'

export async function runServe(context: CommandContext): Promise<number> {
  const { store, values, out, err } = context
  const port = integerFlag(values, 'port', 8080)
  if (port > 65_535) throw new CrosscheckError('USAGE', `--port expects 0 to 65535, got ${port}`)
  const host = typeof values['host'] === 'string' ? values['host'] : '127.0.0.1'
  const intervalSeconds = integerFlag(values, 'interval', 300)
  if (intervalSeconds < 1) throw new CrosscheckError('USAGE', '--interval must be at least 1 second')
  const allowPrivateAddresses = values['allow-private'] === true
  const corsOrigin = typeof values['cors'] === 'string' ? values['cors'] : undefined
  const access = readAccess(host, values['public'] === true, values['private'] === true)
  // The name it listens on is one it answers to (IP addresses always are).
  const hostNames = [host, ...(typeof values['host-name'] === 'string' ? values['host-name'].split(',') : [])]
  // The same resolution as the CLI shell uses to open the store.
  const dbPath = (values['db'] as string | undefined) || process.env['CROSSCHECK_DB'] || 'crosscheck.db'
  const token = resolveToken({
    ...(typeof values['token'] === 'string' ? { flag: values['token'] } : {}),
    ...(process.env['CROSSCHECK_TOKEN'] === undefined ? {} : { env: process.env['CROSSCHECK_TOKEN'] }),
    dbPath,
  })

  const queue = createWriteQueue()
  let fatal: ((error: Error) => void) | null = null
  const writerFailed = new Promise<Error>((resolve) => {
    fatal = resolve
  })
  const writer: Writer | undefined =
    dbPath === ':memory:' || dbPath === ''
      ? undefined
      : startWriter({
          dbPath,
          allowPrivateAddresses,
          onCommit: () => queue.noteCommit(),
          onCrash: (error, restarting) => err.write(`crosscheck serve: ${error.message}${restarting ? '; starting a new writer thread' : ''}\n`),
          onFatal: (error) => fatal?.(error),
        })
  const follower = createFeedFollower({
    store,
    queue,
    intervalMs: intervalSeconds * 1000,
    allowPrivateAddresses,
    // Fetched pages are prepared, related and clustered on the writer thread, like API ingests.
    ...(writer === undefined
      ? {}
      : { runIngest: (label: string, items: readonly ReadItem[]) => writer.run({ kind: 'ingest-items', label, items: items.map(sendItem) }) }),
    onEvent: (event) => err.write(`${describeFollowEvent(event)}\n`),
  })
  if (typeof values['follow'] === 'string') {
    const urls = parseFeedList(await readFile(values['follow'], 'utf8'))
    for (const url of urls) {
      try {
        await store.addFeed(await checkFetchableUrl(url, { allowPrivateAddresses }))
      } catch (error) {
        err.write(`crosscheck serve: not following ${url}: ${describeError(error)}\n`)
      }
    }
  }

  // Comparisons align whole articles: on their own thread, so a long one cannot hold up other requests.
  const comparer: Comparer | undefined = dbPath === ':memory:' || dbPath === '' ? undefined : startComparer({ dbPath })
  const app = createApp({
    store,
    token: token.token,
    queue,
    reads: access.reads,
    ...(comparer === undefined ? {} : { comparer }),
    follower,
    allowPrivateAddresses,
    hostNames,
    ...(writer === undefined ? {} : { writer }),
    ...(corsOrigin === undefined ? {} : { corsOrigin }),
  })
  const server = serve({ fetch: app.fetch, port, hostname: host })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', (error) => reject(new CrosscheckError('USAGE', `cannot listen on ${host}:${port}: ${describeError(error)}`)))
  })
  const address = server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  out.write(`crosscheck serving http://${shownHost}:${address.port}/ (API under /api/v1, OpenAPI at /api/openapi.json)\n`)
  if (token.origin === 'generated') {
    out.write(`write token (shown once${token.file === null ? '' : `, kept in ${token.file}`}): ${token.token}\n`)
  } else {
    out.write(`write token: from ${token.origin === 'file' ? token.file : token.origin === 'env' ? '$CROSSCHECK_TOKEN' : '--token'}\n`)
  }
  if (access.warning !== null) err.write(`crosscheck serve: ${access.warning}\n`)
  await follower.start()
  const feeds = (await store.listFeeds()).length
  if (feeds > 0) out.write(`following ${feeds} feed${feeds === 1 ? '' : 's'}, every ${intervalSeconds} s\n`)

  const stop = await Promise.race([
    new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'))
      process.once('SIGTERM', () => resolve('SIGTERM'))
    }),
    writerFailed,
  ])
  err.write(`crosscheck serve: ${typeof stop === 'string' ? stop : stop.message}, stopping\n`)
  await follower.stop()
  // Stop accepting; requests in flight finish (idle keep-alive sockets are closed so close() can complete).
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  if ('closeIdleConnections' in server) server.closeIdleConnections()
  await queue.close()
  await writer?.close()
  await comparer?.close()
  await closed
  out.write('crosscheck serve: stopped\n')
  if (typeof stop !== 'string') throw new CrosscheckError('STORE_FAILED', `crosscheck serve stopped: ${stop.message}`)
  return EXIT.OK
}

/**
 * Who may read, from where the server listens and the flags: open on
 * loopback; beyond it, only with the token unless `--public`; never open
 * with `--private`. The warning says what is exposed whenever the server
 * listens beyond this machine.
 *
 * @example
 * readAccess('0.0.0.0', false, false) // => { reads: 'token', warning: 'listening beyond this machine on 0.0.0.0: …' }
 */
export function readAccess(host: string, open: boolean, closed: boolean): { reads: 'open' | 'token'; warning: string | null } {
  if (open && closed) throw new CrosscheckError('USAGE', '--public and --private contradict each other: give one')
  const loopback = isLoopbackHost(host)
  if (closed) {
    return {
      reads: 'token',
      warning: loopback ? null : `listening beyond this machine on ${host}; --private: every page and API route needs the token, writes too`,
    }
  }
  // --public on loopback changes nothing: reads are open there already.
  if (loopback) return { reads: 'open', warning: null }
  if (open) {
    return {
      reads: 'open',
      warning: `listening beyond this machine on ${host} with --public: anyone who can reach it can read every story, article, report, search and the list of followed feeds; writes still need the token`,
    }
  }
  return {
    reads: 'token',
    warning: `listening beyond this machine on ${host}: every page and API route needs the token (the sign-in page asks for it); give --public to let anyone read, writes still needing the token`,
  }
}

/** Loopback addresses and names: 127.0.0.0/8, ::1, localhost. */
function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/gu, '')
  return name === 'localhost' || name === '::1' || /^127(?:\.\d{1,3}){3}$/u.test(name) || name === '::ffff:127.0.0.1'
}

function describeFollowEvent(event: FollowEvent): string {
  switch (event.kind) {
    case 'not-modified':
      return `feed ${event.url}: not modified`
    case 'polled': {
      const report = event.report
      return `feed ${event.url}: ${event.newItems} new item${event.newItems === 1 ? '' : 's'}${report === null ? '' : ` (${report.inserted} stored, ${report.failed.length} failed)`}`
    }
    case 'failed':
      return `feed ${event.url}: failed (${event.message}); retrying in ${Math.round(event.retryInMs / 1000)} s`
  }
}
