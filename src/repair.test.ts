/**
 * A store as an older release could leave it after a crash (articles stored
 * without fingerprints, relations, stories or claims) is reported by
 * `checkStore`, completed by `repairStore`, and then equals a store that
 * ingested the same corpus whole: same fingerprints (as candidates find
 * them), relations, story partition and claims.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, test } from 'node:test'
import { chronoDateFinder } from './ingest/date-finder.js'
import { ingest } from './ingest/ingest.js'
import { fingerprintArticle } from './lineage/fingerprint.js'
import { updateLineage } from './lineage/update-lineage.js'
import { checkStore, isSound, repairStore } from './repair.js'
import type { Store } from './storage.js'
import { storyPartition } from './testing/store-answers.js'
import { dropSchemas, inSchema, noTestPostgres } from './testing/test-postgres.js'
import { makeArticle } from './store/fixtures.js'
import { openSqliteStore } from './store/sqlite/sqlite-store.js'
import type { Article } from './types.js'

const CORPUS = fileURLToPath(new URL('../examples/corpus', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-repair-'))
after(() => rmSync(dir, { recursive: true, force: true }))

/** Every stored article, in the order stored. */
async function storedArticles(store: Store): Promise<Article[]> {
  return store.getArticles((await store.listArticles({ limit: 10_000 })).map((a) => a.id))
}

/** What a repair must restore, in a form that does not depend on story numbers. */
async function answers(store: Store): Promise<Record<string, unknown>> {
  const articles = await storedArticles(store)
  const ids = articles.map((a) => a.id)
  const relations = (await store.listRelations()).map((r) => JSON.stringify(r)).sort()
  const partition = await storyPartition(store, ids)
  // Fingerprints as the store uses them: the candidates each article finds.
  const candidates: Record<string, unknown> = {}
  for (const article of articles) candidates[article.id] = await store.findCandidates(fingerprintArticle(article))
  const claims = Object.fromEntries([...(await store.getClaims(ids))].sort(([a], [b]) => a.localeCompare(b)))
  return { ids, relations, partition, candidates, claims }
}

/**
 * What separate commits per stage could leave of `articles` in `broken`:
 * the first third stored bare, the second with fingerprints, the rest with
 * fingerprints and relations (cut off before stories), the first of those
 * with claims from an older extractor. Returns the groups.
 */
async function breakStore(broken: Store, articles: readonly Article[]): Promise<{ bare: Article[]; old: Article }> {
  const third = Math.floor(articles.length / 3)
  const bare = articles.slice(0, third)
  const fingerprinted = articles.slice(third, 2 * third)
  const related = articles.slice(2 * third)
  await broken.putArticles(bare)
  await broken.putArticles(fingerprinted)
  await broken.putFingerprints(fingerprinted.map(fingerprintArticle))
  await broken.putArticles(related)
  const relatedFresh = related.map((article) => ({ article, fingerprint: fingerprintArticle(article) }))
  await broken.putFingerprints(relatedFresh.map((item) => item.fingerprint))
  await updateLineage(broken, relatedFresh)
  const old = related[0] as Article
  const empty = { articleId: old.id, entities: [], quotes: [], figures: [], events: [] }
  await broken.putClaims([{ articleId: old.id, extractorVersion: 0, datesReadAgainst: null, claims: empty }])
  return { bare, old }
}

/** Ingest the corpus whole into `whole`, break a copy into `broken`, check, repair, and compare. */
async function reportRepairCompare(whole: Store, broken: Store): Promise<void> {
  const report = await ingest([CORPUS], whole, { workers: 0 })
  assert.ok(report.inserted >= 9)
  assert.ok(report.relations > 0, 'the corpus holds copies and rewrites for lineage to find again')
  assert.ok(isSound(await checkStore(whole)), 'a store ingested whole is sound')
  const articles = await storedArticles(whole)
  const { bare, old } = await breakStore(broken, articles)

  const found = await checkStore(broken)
  const ids = (list: readonly Article[]): string[] => list.map((a) => a.id)
  assert.deepEqual(found.missingFingerprints, ids(bare))
  assert.deepEqual(found.missingStory, ids(articles))
  assert.deepEqual(found.missingClaims, ids(articles.filter((a) => a.id !== old.id)))
  assert.deepEqual(found.staleClaims, [old.id])
  assert.deepEqual(found.integrity, [])
  assert.equal(isSound(found), false)

  const repaired = await repairStore(broken, { findDates: chronoDateFinder, batchSize: 4 })
  assert.equal(repaired.fingerprinted, bare.length)
  assert.equal(repaired.assigned, articles.length)
  assert.equal(repaired.claims, articles.length)
  assert.ok(isSound(await checkStore(broken)), 'the store is sound after the repair')
  assert.deepEqual(await answers(broken), await answers(whole))

  // A second repair finds nothing to do and changes nothing.
  const again = await repairStore(broken, { findDates: chronoDateFinder })
  assert.deepEqual(again, { fingerprinted: 0, related: 0, relations: 0, assigned: 0, claims: 0 })
  assert.deepEqual(await answers(broken), await answers(whole))
}

test('a half-done store is reported, repaired, and then equals one ingested whole', async () => {
  const whole = openSqliteStore(join(dir, 'whole.db'))
  const broken = openSqliteStore(join(dir, 'broken.db'))
  try {
    await reportRepairCompare(whole, broken)
  } finally {
    await whole.close()
    await broken.close()
  }
})

test('the same repair on PostgreSQL equals a whole PostgreSQL ingest', { skip: await noTestPostgres() }, async () => {
  const { openPostgresStore } = await import('./store/postgres/postgres-store.js')
  const schemas = ['whole', 'broken'].map((name) => `crosscheck_repair_${name}_${process.pid}`)
  const whole = await openPostgresStore(inSchema(schemas[0] as string))
  const broken = await openPostgresStore(inSchema(schemas[1] as string))
  try {
    await reportRepairCompare(whole, broken)
  } finally {
    await whole.close()
    await broken.close()
    await dropSchemas(schemas)
  }
})

test('a repair cut off midway leaves whole batches, and running it again finishes the job', async () => {
  const whole = openSqliteStore(join(dir, 'whole-2.db'))
  const broken = openSqliteStore(join(dir, 'interrupted.db'))
  try {
    await ingest([CORPUS], whole, { workers: 0 })
    const articles = await storedArticles(whole)
    await breakStore(broken, articles)
    // The second transaction fails as a crash would end it: the first batch stays repaired, the rest untouched.
    let transactions = 0
    const failing = new Proxy(broken, {
      get(target, property) {
        if (property === 'transaction') {
          return async (work: Parameters<Store['transaction']>[0]) => {
            if (++transactions === 2) throw new Error('killed')
            return target.transaction(work)
          }
        }
        const value: unknown = Reflect.get(target, property, target)
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
      },
    })
    await assert.rejects(repairStore(failing, { findDates: chronoDateFinder, batchSize: 4 }), /killed/u)
    const between = await checkStore(broken)
    assert.equal(between.missingStory.length, articles.length - 4, 'the first batch of 4 got its stories, whole')
    assert.ok(between.missingClaims.length > 0)

    await repairStore(broken, { findDates: chronoDateFinder, batchSize: 4 })
    assert.ok(isSound(await checkStore(broken)))
    assert.deepEqual((await answers(broken)).partition, (await answers(whole)).partition)
    assert.deepEqual((await answers(broken)).relations, (await answers(whole)).relations)
  } finally {
    await whole.close()
    await broken.close()
  }
})

test('an article with no words and no names is not reported as missing fingerprints', async () => {
  const store = openSqliteStore(':memory:')
  try {
    const article = makeArticle({ text: '', paragraphs: [], sentences: [], title: null })
    const empty = fingerprintArticle(article)
    assert.equal(empty.bands.length + empty.anchors.length, 0)
    await store.putArticles([article])
    assert.deepEqual((await checkStore(store)).missingFingerprints, [])
    assert.deepEqual((await checkStore(store)).missingStory, [article.id])
  } finally {
    await store.close()
  }
})
