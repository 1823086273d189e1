/**
 * End-to-end lineage benchmark: 10,000 synthetic articles, a tenth of them
 * near-copies of another (a sentence dropped, a promo added), ingested into
 * a new SQLite store with fingerprints, candidate lookup and alignment.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ingest } from '../../dist/ingest/ingest.js'
import { openSqliteStore } from '../../dist/store/sqlite/sqlite-store.js'
import type { BenchCase } from './measure.js'
import { seededRandom, syntheticTextArticle } from '../../dist/testing/synthetic.js'

const ARTICLES = 10_000
const COPY_SHARE = 0.1

export const LINEAGE_CASES: readonly BenchCase[] = [
  {
    name: 'lineage end to end (10k articles → SQLite)',
    about: `${ARTICLES} synthetic articles as JSON Lines, ${COPY_SHARE * 100}% near-copies: ingest, fingerprint, candidates, align, store`,
    unit: 'articles',
    prepare: () => {
      const random = seededRandom(11)
      const dir = mkdtempSync(join(tmpdir(), 'crosscheck-lineage-bench-'))
      const texts: string[] = []
      const lines: string[] = []
      for (let i = 0; i < ARTICLES; i++) {
        let text: string
        const source = texts[Math.floor(random() * texts.length)]
        if (source !== undefined && random() < COPY_SHARE) {
          // A near-copy: the same paragraphs, one dropped, under another outlet.
          const paragraphs = source.split('\n\n')
          paragraphs.splice(1 + Math.floor(random() * (paragraphs.length - 2)), 1)
          text = paragraphs.join('\n\n')
        } else {
          text = syntheticTextArticle(random, 350).split('\n\n').slice(3).join('\n\n')
        }
        texts.push(text)
        lines.push(JSON.stringify({ title: `Report ${i}`, text, outlet: `Outlet ${i % 50}`, date: '2026-05-04' }))
      }
      writeFileSync(join(dir, 'articles.jsonl'), lines.join('\n'))
      return dir
    },
    run: async (input) => {
      const dir = input as string
      const store = openSqliteStore(join(dir, 'bench.db'))
      try {
        const report = await ingest([join(dir, 'articles.jsonl')], store)
        return { items: report.inserted, notes: `${report.relations} relations found` }
      } finally {
        await store.close()
        rmSync(dir, { recursive: true, force: true })
      }
    },
  },
]
