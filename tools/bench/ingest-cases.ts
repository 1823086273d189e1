/**
 * Ingestion benchmarks: text and HTML, through the core alone (parse, clean,
 * segment, identify) and end to end into a SQLite store; plain
 * @mozilla/readability on the same pages as the reference.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { chronoDateParser } from '../../dist/ingest/date-parser.js'
import { parseHtmlPage } from '../../dist/ingest/html.js'
import { ingest } from '../../dist/ingest/ingest.js'
import { detectLanguage } from '../../dist/ingest/language.js'
import { parseTextDocument } from '../../dist/ingest/text.js'
import { prepareArticle } from '../../dist/pipeline.js'
import { openSqliteStore } from '../../dist/store/sqlite/sqlite-store.js'
import { sharedDir } from '../../dist/testing/shared-data.js'
import type { BenchCase } from './measure.js'
import { exampleArticles, properNames, reenact } from '../../dist/testing/story-corpus.js'
import { seededRandom, syntheticHtmlPage, syntheticTextArticle } from '../../dist/testing/synthetic.js'

const TEXT_ARTICLES = 5000
/** Re-enactments of the example corpus (9 articles each) for the realistic end-to-end case. */
const REENACTMENTS = 300
const HTML_ROUNDS = 3

function textArticles(): string[] {
  const random = seededRandom(42)
  return Array.from({ length: TEXT_ARTICLES }, () => syntheticTextArticle(random))
}

/** Real pages when the shared benchmark data is there (the AEB pages), synthetic ones otherwise. */
function htmlPages(): { pages: string[]; origin: string } {
  const shared = sharedDir()
  const folder = shared === null ? null : join(shared, 'bench', 'aeb', 'html')
  if (folder !== null) {
    try {
      const names = readdirSync(folder)
        .filter((n) => n.endsWith('.html.gz'))
        .sort()
      const pages = names.map((n) => gunzipSync(readFileSync(join(folder, n))).toString('utf8'))
      if (pages.length > 0) return { pages, origin: `${pages.length} AEB pages × ${HTML_ROUNDS}` }
    } catch {
      // Fall through to synthetic pages.
    }
  }
  const random = seededRandom(7)
  return { pages: Array.from({ length: 100 }, () => syntheticHtmlPage(random)), origin: `100 synthetic pages × ${HTML_ROUNDS}` }
}

const opts = { parseDate: chronoDateParser, detectLanguage }

export const INGEST_CASES: readonly BenchCase[] = [
  {
    name: 'ingest text (core)',
    about: `${TEXT_ARTICLES} synthetic 600-word text articles: parse, clean, segment, identify`,
    unit: 'articles',
    prepare: textArticles,
    run: (input) => {
      const texts = input as string[]
      for (const [i, text] of texts.entries()) prepareArticle(parseTextDocument(text, { kind: 'file', location: `${i}.txt` }), opts)
      return { items: texts.length }
    },
  },
  {
    name: 'ingest text (files → SQLite)',
    about: `${TEXT_ARTICLES} text files ingested end to end into a new SQLite store`,
    unit: 'articles',
    prepare: () => {
      const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'))
      textArticles().forEach((text, i) => writeFileSync(join(dir, `${String(i).padStart(5, '0')}.txt`), text))
      return dir
    },
    run: async (input) => {
      const dir = input as string
      const store = openSqliteStore(join(dir, 'bench.db'))
      try {
        const report = await ingest([dir], store)
        return { items: report.inserted }
      } finally {
        await store.close()
        rmSync(dir, { recursive: true, force: true })
      }
    },
  },
  {
    name: 'ingest re-enacted news (JSON Lines → SQLite)',
    about: `the example corpus re-enacted ${REENACTMENTS} times (stories with copies, rewrites, quotes, figures) as one JSON Lines file, ingested end to end: lineage, stories and claims`,
    unit: 'articles',
    prepare: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'))
      const examples = await exampleArticles()
      const names = properNames(examples)
      const lines: string[] = []
      for (let n = REENACTMENTS - 1; n >= 0; n--) for (const record of reenact(examples, names, n)) lines.push(JSON.stringify(record))
      writeFileSync(join(dir, 'news.jsonl'), `${lines.join('\n')}\n`)
      return dir
    },
    run: async (input) => {
      const dir = input as string
      const store = openSqliteStore(join(dir, 'bench.db'))
      try {
        const report = await ingest([join(dir, 'news.jsonl')], store)
        return { items: report.inserted, notes: `${report.relations} relations, ${(await store.listStories({ limit: 100_000 })).length} stories` }
      } finally {
        await store.close()
        rmSync(dir, { recursive: true, force: true })
      }
    },
  },
  {
    name: 'ingest HTML (core)',
    about: 'news pages: DOM, metadata, Readability, blocks, clean, segment, identify',
    unit: 'pages',
    prepare: htmlPages,
    run: (input) => {
      const { pages, origin } = input as ReturnType<typeof htmlPages>
      for (let round = 0; round < HTML_ROUNDS; round++) {
        for (const [i, html] of pages.entries()) prepareArticle(parseHtmlPage(html, { kind: 'file', location: `${i}.html` }), opts)
      }
      return { items: pages.length * HTML_ROUNDS, notes: origin }
    },
  },
  {
    name: 'reference: plain @mozilla/readability',
    about: 'the same pages through linkedom + Readability.parse() only',
    unit: 'pages',
    prepare: htmlPages,
    run: (input) => {
      const { pages, origin } = input as ReturnType<typeof htmlPages>
      for (let round = 0; round < HTML_ROUNDS; round++) {
        for (const html of pages) {
          const { document } = parseHTML(html)
          new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()
        }
      }
      return { items: pages.length * HTML_ROUNDS, notes: origin }
    },
  },
]
