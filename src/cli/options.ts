/**
 * Every flag of the CLI, declared once. `--help` text and the argument
 * parser are both generated from these tables, so they cannot drift apart.
 */
import type { ParseArgsConfig } from 'node:util'
import { DEFAULT_BATCH_SIZE, DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_BYTES } from '../limits.js'

export interface OptionSpec {
  readonly type: 'string' | 'boolean'
  readonly short?: string
  readonly description: string
  /** Placeholder shown in help for string options. */
  readonly argument?: string
  /** Default shown in help (the code resolves it where the value is used). */
  readonly defaultText?: string
}

export type OptionTable = Readonly<Record<string, OptionSpec>>

export const GLOBAL_OPTIONS = {
  db: {
    type: 'string',
    description:
      'the store: a SQLite file (created by the first command that writes) or a postgres:// URL (add ?schema=<name> for a schema other than public); also $CROSSCHECK_DB',
    argument: '<file|url>',
    defaultText: './crosscheck.db',
  },
  json: { type: 'boolean', description: 'print machine-readable JSON on stdout' },
  help: { type: 'boolean', short: 'h', description: 'show help' },
  version: { type: 'boolean', description: 'print the version' },
} as const satisfies OptionTable

export interface CommandSpec {
  readonly name: string
  readonly usage: string
  readonly summary: string
  readonly details?: string
  /** True for a command that writes to the store: only these create a store that does not exist yet. */
  readonly writes?: boolean
  readonly options: OptionTable
}

export const COMMANDS = {
  ingest: {
    name: 'ingest',
    writes: true,
    usage: 'crosscheck ingest <path|directory|url|->...',
    summary: 'read articles, clean them and keep them in the store',
    details: [
      'Formats: plain text (.txt), HTML pages (.html), JSON (.json), JSON Lines (.jsonl),',
      'RSS/Atom/RDF feeds (.rss, .atom, .xml), WARC archives (.warc, .warc.gz), URLs, and',
      "'-' for standard input (format sniffed). Directories are read recursively.",
      'An input that fails is reported with the reason; the rest goes on. Ingesting the',
      'same article again changes nothing.',
    ].join('\n'),
    options: {
      'follow-links': { type: 'boolean', description: "fetch the page each feed item links to instead of the feed's own text" },
      'allow-private': {
        type: 'boolean',
        description: 'let URLs reach loopback and private networks (refused by default)',
      },
      timeout: { type: 'string', argument: '<seconds>', description: 'time limit for one fetch', defaultText: String(DEFAULT_FETCH_TIMEOUT_MS / 1000) },
      'max-bytes': {
        type: 'string',
        argument: '<bytes>',
        description: 'largest single document (file, page, JSON line, WARC record)',
        defaultText: String(DEFAULT_MAX_BYTES),
      },
      'batch-size': { type: 'string', argument: '<n>', description: 'articles per store transaction', defaultText: String(DEFAULT_BATCH_SIZE) },
      workers: {
        type: 'string',
        argument: '<n>',
        description: 'worker threads for parsing and cleaning (0: none)',
        defaultText: 'the number of cores',
      },
      quiet: { type: 'boolean', short: 'q', description: 'print only errors and the summary' },
      queue: {
        type: 'string',
        argument: '<url>',
        description:
          "hand the documents to 'crosscheck worker' processes instead of analysing them here: a postgres:// or redis:// queue (needs a PostgreSQL --db)",
      },
      'queue-name': { type: 'string', argument: '<name>', description: 'names the queues, for several pipelines on one server', defaultText: 'crosscheck' },
    },
  },
  worker: {
    name: 'worker',
    writes: true,
    usage: 'crosscheck worker --db <postgres url> [--queue <url>] [--concurrency n] [--drain]',
    summary: "analyse and store the documents 'crosscheck ingest --queue' enqueued; run as many as you like, on any machine",
    details: [
      'Runs until SIGTERM or Ctrl-C: then finishes the jobs in hand and stops (a second signal returns them to the queue).',
      'Documents are stored in the order they were enqueued, in the same batches as one ingest: the answers do not',
      'depend on the number of workers. The queue defaults to the store database (BullMQ on PostgreSQL).',
    ].join('\n'),
    options: {
      queue: { type: 'string', argument: '<url>', description: 'the queue: postgres://… or redis://…', defaultText: 'the --db database' },
      'queue-name': { type: 'string', argument: '<name>', description: 'names the queues', defaultText: 'crosscheck' },
      concurrency: { type: 'string', argument: '<n>', description: 'documents analysed at once by this process', defaultText: '2' },
      'batch-size': {
        type: 'string',
        argument: '<n>',
        description: 'articles per store transaction (keep the ingest default for the same answers)',
        defaultText: String(DEFAULT_BATCH_SIZE),
      },
      drain: { type: 'boolean', description: 'stop once nothing is left to do instead of waiting for more' },
      quiet: { type: 'boolean', short: 'q', description: 'print only errors' },
    },
  },
  queue: {
    name: 'queue',
    usage: 'crosscheck queue status --db <postgres url> [--queue <url>]',
    summary: 'the work queue: waiting, active and failed jobs per stage, throughput, and why jobs failed',
    options: {
      queue: { type: 'string', argument: '<url>', description: 'the queue: postgres://… or redis://…', defaultText: 'the --db database' },
      'queue-name': { type: 'string', argument: '<name>', description: 'names the queues', defaultText: 'crosscheck' },
    },
  },
  articles: {
    name: 'articles',
    usage: 'crosscheck articles [--limit n] [--offset n]',
    summary: 'list stored articles, oldest first',
    options: {
      limit: { type: 'string', argument: '<n>', description: 'how many', defaultText: '100' },
      offset: { type: 'string', argument: '<n>', description: 'skip this many', defaultText: '0' },
    },
  },
  show: {
    name: 'show',
    usage: 'crosscheck show <id>',
    summary: 'show one article: metadata, cleaned text, and what cleaning removed',
    details: 'The id may be shortened to any unique prefix of at least 4 characters.',
    options: {
      raw: { type: 'boolean', description: 'also print the raw input as it was ingested' },
    },
  },
  lineage: {
    name: 'lineage',
    usage: 'crosscheck lineage [--story <id>] [--article <id>]',
    summary: "who copied, rewrote or partly reused whom, with the evidence, and each outlet's profile",
    details: [
      'Relations are found as articles are ingested: copies through shared word shingles (MinHash/LSH),',
      'rewrites through shared numbers, names and quotations, then confirmed by aligning sentences.',
      'An arrow points from the original to the derived article where the evidence names one.',
    ].join('\n'),
    options: {
      story: { type: 'string', argument: '<id>', description: 'only the articles of this story' },
      article: { type: 'string', argument: '<id>', description: 'only the relations of this article' },
    },
  },
  diff: {
    name: 'diff',
    usage: 'crosscheck diff <id> <id>',
    summary: 'two articles side by side, aligned sentence by sentence, with the rewording marked',
    details: 'Changed words are marked [-like this-] on the left and {+like this+} on the right (in colour on a terminal).',
    options: {
      width: { type: 'string', argument: '<columns>', description: 'total width of the two columns', defaultText: 'the terminal width, or 120' },
      all: { type: 'boolean', description: 'also show the sentences that have no counterpart' },
    },
  },
  stories: {
    name: 'stories',
    usage: 'crosscheck stories [--since <date>]',
    summary: 'stories (articles about one event), the most recently active first',
    details: 'Stories are formed as articles arrive: a new article joins the most similar active story, or starts one.',
    options: {
      since: { type: 'string', argument: '<date>', description: 'only stories active on or after this date (YYYY-MM-DD)' },
      limit: { type: 'string', argument: '<n>', description: 'how many', defaultText: '50' },
      offset: { type: 'string', argument: '<n>', description: 'skip this many', defaultText: '0' },
    },
  },
  story: {
    name: 'story',
    usage: 'crosscheck story <id>',
    summary: 'one story: its members with outlet, date and lineage',
    options: {},
  },
  recluster: {
    name: 'recluster',
    writes: true,
    usage: 'crosscheck recluster',
    summary: 'regroup every stored article into stories, independent of arrival order (for backfills)',
    details: 'Stories that disappear point to the story that took most of their members, so their ids stay valid.',
    options: {},
  },
  reanalyze: {
    name: 'reanalyze',
    writes: true,
    usage: 'crosscheck reanalyze [--story <id>] [--all]',
    summary: "extract stored articles' claims again: after an upgrade, or for a story that gained dated members",
    details: [
      'Claims are extracted once, at ingest, and stored with the version of the extractor that read them.',
      'Without options, reads the articles whose claims are missing or were read by an older crosscheck.',
    ].join('\n'),
    options: {
      story: { type: 'string', argument: '<id>', description: 'every member of this story (an undated member reads its dates against the story as it is now)' },
      all: { type: 'boolean', description: 'every stored article' },
    },
  },
  claims: {
    name: 'claims',
    usage: 'crosscheck claims <article id|story id|article:<id>|story:<n>>',
    summary: 'what an article (or every article of a story) claims: quotes, figures, dated events, entities',
    details: [
      'A story is named by its number, an article by its id or a unique prefix of at least 4 characters;',
      'story:<n> and article:<id> say which (a bare number that is both a story and an article prefix is refused).',
      'Figures: value, qualifier (at least, up to, about, ...), what is counted, who it is credited to, where, when.',
      'Quotes: direct and partial quotations with the speaker resolved across the article; reported speech.',
    ].join('\n'),
    options: {},
  },
  report: {
    name: 'report',
    usage: 'crosscheck report <story id> [--format text|markdown|html|json] | --all --out <dir>',
    summary: 'one story across its sources: where they agree, disagree, and what each adds or leaves out',
    options: {
      format: { type: 'string', argument: '<format>', description: 'text, markdown, html or json', defaultText: 'text' },
      all: { type: 'boolean', description: 'write one report per story into --out' },
      out: { type: 'string', argument: '<path>', description: 'write to this file (or directory, with --all) instead of standard output' },
      csv: { type: 'string', argument: '<file>', description: 'also write the figures and quotes as CSV to this file' },
    },
  },
  serve: {
    name: 'serve',
    writes: true,
    usage: 'crosscheck serve [--port n] [--host addr] [--follow feeds.txt]',
    summary: 'run the HTTP API and the web app over the store, optionally following feeds',
    options: {
      port: { type: 'string', argument: '<n>', description: 'TCP port', defaultText: '8080' },
      host: { type: 'string', argument: '<address>', description: 'address to listen on', defaultText: '127.0.0.1' },
      'host-name': {
        type: 'string',
        argument: '<names>',
        description: 'answer requests for these host names too (comma-separated), besides loopback names and IP addresses',
      },
      follow: { type: 'string', argument: '<file>', description: 'poll the RSS/Atom feeds listed in this file, one URL per line' },
      interval: { type: 'string', argument: '<seconds>', description: 'how often each followed feed is polled', defaultText: '300' },
      token: {
        type: 'string',
        argument: '<token>',
        description: 'write token for the API; also $CROSSCHECK_TOKEN',
        defaultText: 'generated and printed at first start',
      },
      'allow-private': { type: 'boolean', description: 'let URL ingest and feeds reach loopback and private networks' },
      cors: { type: 'string', argument: '<origin>', description: 'allow cross-origin requests from this origin (off by default)' },
      public: {
        type: 'boolean',
        description: 'bound beyond loopback (--host), let anyone who reaches the server read its pages and API without the token (writes still need it)',
      },
      private: { type: 'boolean', description: 'require the token for reads too, even on loopback (the sign-in page asks for it)' },
    },
  },
  check: {
    name: 'check',
    usage: 'crosscheck check [--repair] [--thorough]',
    summary: 'find articles an interrupted write left half-done (no fingerprints, story or claims), and repair them',
    details: [
      'Stores written by crosscheck before batches were applied in one transaction can hold articles',
      'that a crash cut off between stages; a re-run of ingest skips them as already stored.',
      "Also runs the database's own integrity check (SQLite's quick_check; --thorough for integrity_check).",
      'Exit status 5 when anything is found and left unrepaired (with --repair: when something could not be).',
    ].join('\n'),
    options: {
      repair: { type: 'boolean', description: 'complete them: fingerprints, then lineage, then stories, then claims, in transactions' },
      thorough: { type: 'boolean', description: "run the database's full integrity check (slower on a large store)" },
    },
  },
} as const satisfies Readonly<Record<string, CommandSpec>>

export type CommandName = keyof typeof COMMANDS

/** The `parseArgs` option config for a command: its own flags plus the global ones. */
export function parseArgsOptions(table: OptionTable): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {}
  const all: OptionTable = { ...GLOBAL_OPTIONS, ...table }
  for (const [name, spec] of Object.entries(all)) {
    options[name] = { type: spec.type, ...(spec.short === undefined ? {} : { short: spec.short }) }
  }
  return options
}

/** Help text for the whole CLI, or for one command. */
export function helpText(command?: CommandSpec): string {
  if (command === undefined) {
    const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length))
    return [
      'crosscheck: which articles tell the same story, who copied whom, what each claims.',
      '',
      'Usage: crosscheck [--db <file>] [--json] <command> [options]',
      '',
      'Commands:',
      ...Object.values(COMMANDS).map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
      '',
      'Global options:',
      ...optionLines(GLOBAL_OPTIONS),
      '',
      "Run 'crosscheck <command> --help' for a command's options.",
    ].join('\n')
  }
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary.charAt(0).toUpperCase() + command.summary.slice(1) + '.',
    ...(command.details === undefined ? [] : ['', command.details]),
    '',
    'Options:',
    ...optionLines(command.options),
    '',
    'Global options:',
    ...optionLines(GLOBAL_OPTIONS),
  ].join('\n')
}

function optionLines(table: OptionTable): string[] {
  const rows = Object.entries(table).map(([name, spec]) => {
    const flag = `${spec.short === undefined ? '    ' : `-${spec.short}, `}--${name}${spec.argument === undefined ? '' : ` ${spec.argument}`}`
    const text = `${spec.description}${spec.defaultText === undefined ? '' : ` (default: ${spec.defaultText})`}`
    return [flag, text] as const
  })
  const width = Math.max(0, ...rows.map(([flag]) => flag.length))
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`)
}
