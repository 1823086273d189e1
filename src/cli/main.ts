#!/usr/bin/env node
/**
 * The `crosscheck` command: parses argv against the option tables, opens the
 * store, and hands over to one command. Each command is a thin shell over
 * the core; errors become exit codes here and nowhere else.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { CrosscheckError, describeError } from '../errors.js'
import { openStore } from '../store/open-store.js'
import type { Store } from '../storage.js'
import { runArticles } from './commands/articles.js'
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
import { EXIT, exitCodeFor } from './exit-codes.js'
import { COMMANDS, type CommandName, GLOBAL_OPTIONS, helpText, parseArgsOptions } from './options.js'
import type { CommandContext } from './command-context.js'
import { printable } from './escape.js'

const RUNNERS: Record<CommandName, (context: CommandContext) => Promise<number>> = {
  ingest: runIngest,
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
    process.stderr.write(`crosscheck: ${describeError(error)}\n\n${helpText(command)}\n`)
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
  if (name === undefined) {
    const unknown = parsed.positionals[0]
    process.stderr.write(`${unknown === undefined ? '' : `crosscheck: unknown command '${unknown}'\n\n`}${helpText()}\n`)
    return EXIT.USAGE
  }

  const dbPath = (values['db'] as string | undefined) || process.env['CROSSCHECK_DB'] || 'crosscheck.db'
  let store: Store
  try {
    store = await openStore(dbPath)
  } catch (error) {
    process.stderr.write(`crosscheck: ${describeError(error)}\n`)
    return EXIT.STORE
  }
  try {
    return await RUNNERS[name]({
      values,
      positionals: parsed.positionals,
      json: values['json'] === true,
      store,
      out: process.stdout,
      err: process.stderr,
    })
  } catch (error) {
    if (error instanceof CrosscheckError) {
      process.stderr.write(`crosscheck ${name}: ${printable(error.message)}${error.input === undefined ? '' : ` (${printable(error.input)})`}\n`)
      return exitCodeFor(error.code)
    }
    process.stderr.write(`crosscheck ${name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    return EXIT.INTERNAL
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
