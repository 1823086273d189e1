#!/usr/bin/env node
/**
 * The `crosscheck` command: parses argv against the option tables, opens the
 * store, and hands over to one command. Each command is a thin shell over
 * the core; errors become exit codes here and nowhere else.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { describeError } from '../errors.js'
import { openStore } from '../store/open-store.js'
import type { Store } from '../storage.js'
import { runArticles } from './commands/articles.js'
import { runCheck } from './commands/check.js'
import { runClaims } from './commands/claims.js'
import { runDiff } from './commands/diff.js'
import { runIngest } from './commands/ingest.js'
import { runLineage } from './commands/lineage.js'
import { runRecluster } from './commands/recluster.js'
import { runReanalyze } from './commands/reanalyze.js'
import { runReport } from './commands/report.js'
import { runServe } from './commands/serve.js'
import { runShow } from './commands/show.js'
import { runStories, runStory } from './commands/stories.js'
import { runQueue } from './commands/queue.js'
import { runWorker } from './commands/worker.js'
import { classifyError, writeError } from './cli-error.js'
import { EXIT } from './exit-codes.js'
import { COMMANDS, type CommandName, type CommandSpec, GLOBAL_OPTIONS, helpText, parseArgsOptions } from './options.js'
import type { CommandContext } from './command-context.js'

const RUNNERS: Record<CommandName, (context: CommandContext) => Promise<number>> = {
  ingest: runIngest,
  worker: runWorker,
  queue: runQueue,
  articles: runArticles,
  show: runShow,
  lineage: runLineage,
  diff: runDiff,
  stories: runStories,
  story: runStory,
  recluster: runRecluster,
  reanalyze: runReanalyze,
  claims: runClaims,
  report: runReport,
  serve: runServe,
  check: runCheck,
}

export async function main(argv: readonly string[]): Promise<number> {
  const commandIndex = argv.findIndex((arg) => Object.hasOwn(COMMANDS, arg))
  const name = commandIndex === -1 ? undefined : (argv[commandIndex] as CommandName)
  const command = name === undefined ? undefined : COMMANDS[name]
  let parsed
  try {
    parsed = parseArgs({
      args: commandIndex === -1 ? [...argv] : [...argv.slice(0, commandIndex), ...argv.slice(commandIndex + 1)],
      options: parseArgsOptions(command?.options ?? GLOBAL_OPTIONS),
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    // --json is honoured even when the rest of the line could not be parsed.
    if (argv.includes('--json')) writeError(process.stderr, { code: 'USAGE', message: describeError(error), input: null, exitCode: EXIT.USAGE }, { json: true })
    else process.stderr.write(`crosscheck: ${describeError(error)}\n\n${helpText(command)}\n`)
    return EXIT.USAGE
  }
  const values = parsed.values as Record<string, string | boolean | undefined>
  if (values['version'] === true) {
    process.stdout.write(`${readVersion()}\n`)
    return EXIT.OK
  }
  if (values['help'] === true) {
    process.stdout.write(`${helpText(command)}\n`)
    return EXIT.OK
  }
  const json = values['json'] === true
  if (name === undefined) {
    const unknown = parsed.positionals[0]
    if (json) {
      writeError(
        process.stderr,
        { code: 'USAGE', message: unknown === undefined ? 'name a command' : `unknown command '${unknown}'`, input: unknown ?? null, exitCode: EXIT.USAGE },
        { json },
      )
      return EXIT.USAGE
    }
    process.stderr.write(`${unknown === undefined ? '' : `crosscheck: unknown command '${unknown}'\n\n`}${helpText()}\n`)
    return EXIT.USAGE
  }

  const dbPath = (values['db'] as string | undefined) || process.env['CROSSCHECK_DB'] || 'crosscheck.db'
  let store: Store
  try {
    // Only a command that writes creates a store: one that reads says the store is missing.
    store = await openStore(dbPath, { create: (command as CommandSpec | undefined)?.writes === true })
  } catch (error) {
    writeError(process.stderr, classifyError(error), { json, command: name })
    return EXIT.STORE
  }
  try {
    return await RUNNERS[name]({
      values,
      positionals: parsed.positionals,
      json,
      store,
      out: process.stdout,
      err: process.stderr,
    })
  } catch (error) {
    const failure = classifyError(error)
    writeError(process.stderr, failure, { json, command: name })
    return failure.exitCode
  } finally {
    await store.close()
  }
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

// Run only when executed, not when imported by tests.
if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  // Output piped into `head` that closes early is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.OK)
    throw error
  })
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
