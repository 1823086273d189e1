/**
 * Lineage as ingestion finds it, on the example corpus: every planted
 * relation found with its kind, the unrelated articles related to nothing,
 * and the same relations whatever the order of arrival or a re-ingest.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, test } from 'node:test'
import { ingest } from '../ingest/ingest.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import type { Store } from '../storage.js'
import { exampleArticles, properNames, reenact } from '../testing/story-corpus.js'
import type { Article } from '../types.js'
import { alignableSentences } from './align-articles.js'
import { fingerprintArticle } from './fingerprint.js'
import type { AlignableArticle } from './relate.js'
import { updateLineage } from './update-lineage.js'

const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url))
const CORPUS = join(EXAMPLES, 'corpus')
const key = JSON.parse(readFileSync(join(EXAMPLES, 'expected.json'), 'utf8')) as {
  relations: { pairs: Array<{ a: string; b: string; kind: string; original?: string | null; originalStrict?: boolean }> }
}
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-lineage-'))
after(() => rmSync(dir, { recursive: true, force: true }))

/** file key (`feeds.jsonl#0`) → article id, from what the store says each came from. */
async function idsByKey(store: Store): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  for (const summary of await store.listArticles({ limit: 1000 })) {
    const article = await store.getArticle(summary.id)
    if (article === null) continue
    const name = article.source.location.split('/').at(-1) ?? ''
    ids.set(article.source.index === undefined ? name : `${name}#${article.source.index}`, article.id)
  }
  return ids
}

async function relationsOf(files: string[], dbName: string) {
  const store = openSqliteStore(join(dir, dbName))
  try {
    await ingest(files, store, { workers: 0 })
    return { relations: await store.listRelations(), ids: await idsByKey(store) }
  } finally {
    await store.close()
  }
}

test('every planted relation of the example corpus is found with its kind, and nothing else', async () => {
  const { relations, ids } = await relationsOf([CORPUS], 'forward.db')
  const found = new Map(relations.map((r) => [[r.a, r.b].sort().join('/'), r]))
  let expectedRelated = 0
  for (const pair of key.relations.pairs) {
    const pairKey = [ids.get(pair.a), ids.get(pair.b)].sort().join('/')
    const relation = found.get(pairKey)
    if (pair.kind === 'independent') {
      assert.equal(relation, undefined, `${pair.a} / ${pair.b} should be independent, found ${relation?.kind}`)
      continue
    }
    expectedRelated++
    assert.equal(relation?.kind, pair.kind, `${pair.a} / ${pair.b}`)
    if (typeof pair.original === 'string') {
      const original = relation?.direction.original
      const acceptable = original === ids.get(pair.original) || (original === null && pair.originalStrict === false)
      assert.ok(acceptable, `${pair.a} / ${pair.b}: original ${original}, expected ${pair.original}`)
    }
  }
  assert.equal(relations.length, expectedRelated, 'the unrelated articles are related to nothing')
})

test('ingesting in another order, or twice, gives the same relations', async () => {
  const forward = await relationsOf([CORPUS], 'order-a.db')
  const files = ['wire-original.html', 'spun-rewrite.txt', 'republished-verbatim.txt', 'independent-b.html', 'regional-feed.rss', 'feeds.jsonl']
  const reversed = await relationsOf(
    files.reverse().map((f) => join(CORPUS, f)),
    'order-b.db',
  )
  assert.deepEqual(reversed.relations, forward.relations)
  const store = openSqliteStore(join(dir, 'order-b.db'))
  try {
    const again = await ingest([CORPUS], store, { workers: 0 })
    assert.equal(again.inserted, 0)
    assert.deepEqual(await store.listRelations(), forward.relations)
  } finally {
    await store.close()
  }
})

test('a candidate found only through anchors is not aligned months apart', async () => {
  // The follow-up that partly reuses the wire report, moved eight months later.
  const followUp = JSON.parse(readFileSync(join(CORPUS, 'feeds.jsonl'), 'utf8').split('\n')[0] ?? '{}') as { date: string }
  const write = (name: string, date: string): string => {
    const path = join(dir, name)
    writeFileSync(path, JSON.stringify({ ...followUp, date }))
    return path
  }
  const kinds = async (dbName: string, file: string): Promise<string[]> => {
    const store = openSqliteStore(join(dir, dbName))
    try {
      await ingest([join(CORPUS, 'wire-original.html'), file], store, { workers: 0 })
      return (await store.listRelations()).map((r) => r.kind)
    } finally {
      await store.close()
    }
  }
  assert.deepEqual(await kinds('window-near.db', write('near.jsonl', followUp.date)), ['partial'])
  assert.deepEqual(await kinds('window-far.db', write('far.jsonl', '2026-12-20T10:00:00Z')), [])
})

test('the alignment cache never changes a relation, however full it is', async () => {
  // A run's cache is warm where a re-run after a crash starts cold: lineage must not depend on which.
  const articles = await exampleArticles()
  let runs = 0
  const relate = async (cache: Map<string, AlignableArticle>, cacheSize: number): Promise<string[]> => {
    // A store of its own per run: lineage relates articles whose fingerprints are not stored yet.
    const store = openSqliteStore(join(dir, `cache-${runs++}.db`))
    try {
      await store.putArticles(articles)
      const relations = await updateLineage(
        store,
        articles.map((article) => ({ article, fingerprint: fingerprintArticle(article) })),
        { cache, cacheSize },
      )
      return relations.map((r) => `${r.a} ${r.b} ${r.kind}`).sort()
    } finally {
      await store.close()
    }
  }
  const cold = await relate(new Map(), 2000)
  assert.ok(cold.length > 0)
  // The smallest cache there is, holding an article that is some other article's candidate: the first in line to be evicted.
  const first = articles[0] as Article
  const full = new Map([[first.id, { article: first, sentences: alignableSentences(first) }]])
  assert.deepEqual(await relate(full, 1), cold)
})

test('lineage does not depend on how the input is cut into batches', async () => {
  // A large batch once lost candidates: later articles of the batch, already indexed, took the top places and were then dropped.
  const examples = await exampleArticles()
  const names = properNames(examples)
  const records = Array.from({ length: 12 }, (_, n) => reenact(examples, names, n)).flat()
  const file = join(dir, 'batches.jsonl')
  writeFileSync(file, `${records.map((record) => JSON.stringify(record)).join('\n')}\n`)
  const relations = async (batchSize: number): Promise<string[]> => {
    const store = openSqliteStore(join(dir, `batches-${batchSize}.db`))
    try {
      await ingest([file], store, { workers: 0, batchSize })
      return (await store.listRelations()).map((r) => `${r.a} ${r.b} ${r.kind} ${r.coverageA.toFixed(3)} ${r.coverageB.toFixed(3)}`)
    } finally {
      await store.close()
    }
  }
  const whole = await relations(500)
  assert.ok(whole.length > 50, `enough relations to tell (${whole.length})`)
  assert.deepEqual(await relations(7), whole)
  assert.deepEqual(await relations(1), whole)
})
