/**
 * The `Store` contract, run against every backend. A backend joins by adding
 * an entry to `ALL_BACKENDS`; `BACKENDS=sqlite` (comma-separated names)
 * narrows a run. Tests go through the `Store` interface only, plus the few
 * hooks in `Storage` that need backend knowledge (a newer schema, an
 * integrity check, how a child process opens the store).
 */
import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StoreError } from '../errors.js'
import type { Article } from '../types.js'
import { makeArticle, makeArticles } from './fixtures.js'
import { MIGRATIONS, SCHEMA_VERSION } from './sqlite/migrations.js'
import { openSqliteStore } from './sqlite/sqlite-store.js'
import type { SqliteStore } from './sqlite/sqlite-store.js'
import { SEARCH_MARK_END, SEARCH_MARK_START } from '../storage.js'
import type { ClusterStateChanges, ClusterStateRecord, SearchOpts, Store } from '../storage.js'
import { DF_LOG_FOLD_AT } from './rows.js'
import { PG_MIGRATIONS } from './postgres/migrations.js'
import { openPostgresStore, type PostgresStore } from './postgres/postgres-store.js'
import { dropSchemas, inSchema, noTestPostgres } from '../testing/test-postgres.js'

/** Fresh, empty storage for one test (a file, a database schema). */
interface Storage {
  /** Open a store on this storage; call again after `close` to reopen it. */
  open(opts?: { readonly now?: () => Date }): Promise<Store>
  /** Open it as a newer release of crosscheck would, leaving a schema newer than this code's. */
  openAsNewerRelease(): Promise<Store>
  /** How a child process opens this storage: `(await import(moduleUrl))[exportName](target)`. */
  readonly child: { readonly moduleUrl: string; readonly exportName: string; readonly target: string }
  /** The backend's own consistency check: the problems found, empty when sound. */
  checkIntegrity(): Promise<string[]>
  /** Close whatever is still open and delete the storage. */
  destroy(): Promise<void>
}

interface Backend {
  readonly name: string
  create(): Promise<Storage>
}

/** A schema step this code does not know, as a later release would add it. */
const FUTURE_MIGRATION = { version: SCHEMA_VERSION + 1, name: 'from-the-future', sql: 'CREATE TABLE from_the_future (x INTEGER) STRICT' }

const sqliteBackend: Backend = {
  name: 'sqlite',
  async create() {
    const dir = await mkdtemp(join(tmpdir(), 'crosscheck-store-'))
    // A missing parent directory on purpose: opening must create it.
    const path = join(dir, 'nested', 'crosscheck.db')
    const opened: SqliteStore[] = []
    const open = (opts: Parameters<typeof openSqliteStore>[1]): SqliteStore => {
      const store = openSqliteStore(path, opts)
      opened.push(store)
      return store
    }
    return {
      open: async (opts) => open(opts?.now === undefined ? {} : { now: opts.now }),
      openAsNewerRelease: async () => open({ migrations: [...MIGRATIONS, FUTURE_MIGRATION] }),
      child: { moduleUrl: new URL('./sqlite/sqlite-store.js', import.meta.url).href, exportName: 'openSqliteStore', target: path },
      async checkIntegrity() {
        const store = open({ readonly: true })
        try {
          return await store.checkIntegrity()
        } finally {
          await store.close()
        }
      },
      async destroy() {
        for (const store of opened) await store.close()
        await rm(dir, { recursive: true, force: true })
      },
    }
  },
}

/**
 * PostgreSQL: the tests' server (src/testing/test-postgres.ts). Each storage
 * is a fresh schema, dropped afterwards. Where no server answers, the
 * backend's tests are skipped with the reason.
 */
const postgresSkip = await noTestPostgres()

const postgresBackend: Backend = {
  name: 'postgres',
  async create() {
    const schema = `crosscheck_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
    const target = inSchema(schema)
    const opened: PostgresStore[] = []
    const open = async (opts: Parameters<typeof openPostgresStore>[1]): Promise<PostgresStore> => {
      const store = await openPostgresStore(target, opts)
      opened.push(store)
      return store
    }
    const future = { version: PG_MIGRATIONS.length + 1, name: 'from-the-future', sql: 'CREATE TABLE from_the_future (x INTEGER)' }
    return {
      open: async (opts) => open(opts?.now === undefined ? {} : { now: opts.now }),
      openAsNewerRelease: async () => open({ migrations: [...PG_MIGRATIONS, future] }),
      child: { moduleUrl: new URL('./postgres/postgres-store.js', import.meta.url).href, exportName: 'openPostgresStore', target },
      async checkIntegrity() {
        return (await open({})).checkIntegrity()
      },
      async destroy() {
        for (const store of opened) await store.close()
        await dropSchemas([schema])
      },
    }
  },
}

/** A whole clusterer state to save: a header, no stories, a small DF table. */
function stateChanges(header: string, generation: number): ClusterStateChanges {
  return { generation, header, stories: [], retired: [], df: { table: Uint32Array.of(1, 2, 3) }, replace: true }
}

/** What `stateChanges(header, …)` loads back as, at `generation`. */
function savedState(header: string, generation: number): ClusterStateRecord {
  return { header, stories: [], df: Uint32Array.of(1, 2, 3), generation }
}

const ALL_BACKENDS: readonly Backend[] = [sqliteBackend, postgresBackend]

const wanted = process.env.BACKENDS?.split(',').map((name) => name.trim())
const BACKENDS = ALL_BACKENDS.filter((backend) => wanted?.includes(backend.name) ?? true)

/** Run `fn` on fresh storage of `backend`, always cleaning up. */
async function withStorage(backend: Backend, fn: (storage: Storage) => Promise<void>): Promise<void> {
  const storage = await backend.create()
  try {
    await fn(storage)
  } finally {
    await storage.destroy()
  }
}

/** A clock that only moves when told to, so `ingestedAt` order is certain. */
function fakeClock(start = '2025-03-11T08:00:00.000Z'): { now: () => Date; tick: (ms?: number) => void; iso: () => string } {
  let time = Date.parse(start)
  return {
    now: () => new Date(time),
    tick: (ms = 1000) => {
      time += ms
    },
    iso: () => new Date(time).toISOString(),
  }
}

/** The one article of a fresh series named `seed`. */
function one(seed: string): Article {
  const [article] = makeArticles(1, { seed })
  assert.ok(article)
  return article
}

function isStoreError(code: StoreError['code']): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof StoreError, `expected a StoreError, got ${String(error)}`)
    assert.equal(error.code, code, error.message)
    return true
  }
}

/** An article with every optional field absent, every nullable field null, and text that trips naive encodings. */
function bareArticle(): Article {
  const first = 'Große Überschwemmung 🌊 in Nørdby erreicht Rekordstand.'
  const second = 'Der Pegel stieg auf 4,2 m; Anwohner wurden um 3 Uhr geweckt — «zu spät», sagt Jörg Hellwig.'
  const text = `${first}\n\n${second}`
  return makeArticle({
    text,
    source: { kind: 'stdin', location: '-' },
    format: 'text',
    url: null,
    outlet: null,
    title: first,
    titleDerived: true,
    published: null,
    byline: null,
    creditedSource: null,
    language: null,
    paragraphs: [
      { kind: 'paragraph', start: 0, end: first.length },
      { kind: 'paragraph', start: first.length + 2, end: text.length },
    ],
    sentences: [
      { start: 0, end: first.length },
      { start: first.length + 2, end: text.length },
    ],
    removed: [],
    diagnostics: [],
    raw: `${first}\r\n\r\n${second}\r\n`,
  })
}

for (const backend of BACKENDS) {
  describe(`${backend.name}: store contract`, { skip: backend === postgresBackend ? postgresSkip : false }, () => {
    test('returns a stored article deep-equal to what was put, every field included', async () => {
      await withStorage(backend, async (storage) => {
        const store = await storage.open()
        const article = makeArticle()
        await store.putArticles([article])
        assert.deepEqual(await store.getArticle(article.id), article)
      })
    })

    test('round-trips an article with no optional fields, null metadata and non-ASCII text', async () => {
      await withStorage(backend, async (storage) => {
        const store = await storage.open()
        const article = bareArticle()
        await store.putArticles([article])
        const stored = await store.getArticle(article.id)
        assert.deepEqual(stored, article)
        assert.equal(stored !== null && 'index' in stored.source, false, 'no index key when the source had none')
      })
    })

    test('reports an already stored id as duplicate and leaves the stored article unchanged', async () => {
      await withStorage(backend, async (storage) => {
        const clock = fakeClock()
        const store = await storage.open({ now: clock.now })
        const article = makeArticle()
        const firstIngest = clock.iso()
        assert.deepEqual(await store.putArticles([article]), [{ id: article.id, status: 'inserted' }])
        clock.tick()
        const sameId = makeArticle({ title: 'A different headline', raw: '<p>changed</p>' })
        assert.deepEqual(await store.putArticles([sameId]), [{ id: article.id, status: 'duplicate' }])
        assert.deepEqual(await store.getArticle(article.id), article)
        assert.equal(await store.countArticles(), 1)
        const [summary] = await store.listArticles()
        assert.equal(summary?.ingestedAt, firstIngest)
      })
    })

    test('stores an id repeated within one batch once, keeps the first, reports outcomes in input order', async () => {
      await withStorage(backend, async (storage) => {
        const store = await storage.open()
        const stored = one('stored-before')
        await store.putArticles([stored])
        const [a, b] = makeArticles(2, { seed: 'batch' })
        assert.ok(a && b)
        const aAgain = { ...a, title: 'Second copy in the same batch' }
        assert.deepEqual(await store.putArticles([a, stored, b, aAgain]), [
          { id: a.id, status: 'inserted' },
          { id: stored.id, status: 'duplicate' },
          { id: b.id, status: 'inserted' },
          { id: a.id, status: 'duplicate' },
        ])
        assert.deepEqual(await store.getArticle(a.id), a)
        assert.equal(await store.countArticles(), 3)
      })
    })

    test('accepts an empty batch', async () => {
      await withStorage(backend, async (storage) => {
        const store = await storage.open()
        assert.deepEqual(await store.putArticles([]), [])
        assert.equal(await store.countArticles(), 0)
      })
    })

    test('stores nothing of a batch when one article fails, and keeps earlier batches', async () => {
      await withStorage(backend, async (storage) => {
        const store = await storage.open()
        const earlier = makeArticles(2, { seed: 'earlier' })
        await store.putArticles(earlier)

        const [before, after] = makeArticles(2, { seed: 'doomed' })
        assert.ok(before && after)
        // A caller bug the type system would normally stop: a body that is
        // not a string. Only the database's NOT NULL constraint catches it,
        // after the first article of the batch was already written.
        const broken = { ...one('broken'), text: null } as unknown as Article
        await assert.rejects(store.putArticles([before, broken, after]), (error) => {
          isStoreError('STORE_FAILED')(error)
          assert.equal((error as StoreError).input, broken.id, 'the error names the article that failed')
          return true
        })

        assert.equal(await store.countArticles(), 2)
        assert.equal(await store.getArticle(before.id), null)
        for (const article of earlier) assert.deepEqual(await store.getArticle(article.id), article)
        // Nothing of the failed batch lingers: the good articles go in as new.
        assert.deepEqual(
          (await store.putArticles([before, after])).map((outcome) => outcome.status),
          ['inserted', 'inserted'],
        )
      })
    })

    describe('lookup by id prefix', () => {
      const ids = ['abcd000000000001', 'abcd000000000002', 'abce000000000001', 'ef01234567890abc']
      const seven = Array.from({ length: 7 }, (_, i) => `cafe00000000000${i}`)

      async function seeded(storage: Storage): Promise<Store> {
        const store = await storage.open()
        await store.putArticles([...ids, ...seven].map((id) => makeArticle({ id })))
        return store
      }

      test('finds an article by a unique prefix of 4 or more hex digits, in any case', async () => {
        await withStorage(backend, async (storage) => {
          const store = await seeded(storage)
          assert.equal((await store.getArticle('abce'))?.id, 'abce000000000001')
          assert.equal((await store.getArticle('abcd000000000002'))?.id, 'abcd000000000002')
          assert.equal((await store.getArticle('EF01'))?.id, 'ef01234567890abc')
          assert.equal((await store.getArticle('ef01234567890abc'))?.id, 'ef01234567890abc')
        })
      })

      test('throws AMBIGUOUS_ID naming the candidates when a prefix matches several', async () => {
        await withStorage(backend, async (storage) => {
          const store = await seeded(storage)
          await assert.rejects(store.getArticle('abcd'), (error) => {
            isStoreError('AMBIGUOUS_ID')(error)
            const { message } = error as StoreError
            assert.match(message, /abcd000000000001/)
            assert.match(message, /abcd000000000002/)
            assert.doesNotMatch(message, /abce/)
            return true
          })
        })
      })

      test('lists at most five candidates', async () => {
        await withStorage(backend, async (storage) => {
          const store = await seeded(storage)
          await assert.rejects(store.getArticle('cafe'), (error) => {
            isStoreError('AMBIGUOUS_ID')(error)
            const listed = (error as StoreError).message.match(/cafe0{11}\d/g) ?? []
            assert.equal(listed.length, 5)
            return true
          })
        })
      })

      test('returns null for prefixes that are too short, not hex, too long or unknown', async () => {
        await withStorage(backend, async (storage) => {
          const store = await seeded(storage)
          for (const input of ['', 'abc', 'abcg', 'ab-d', ' abcd', 'abcd ', 'a'.repeat(65), '0000', 'abcd000000000003', '%', 'ab%', 'abc*']) {
            assert.equal(await store.getArticle(input), null, JSON.stringify(input))
          }
        })
      })
    })

    test('lists in the order articles were stored, within and across batches, in pages', async () => {
      await withStorage(backend, async (storage) => {
        const clock = fakeClock()
        const store = await storage.open({ now: clock.now })
        const batches = [['bbbb000000000000', 'aaaa000000000000'], ['0000000000000000'], ['ffff000000000000', 'cccc000000000000']]
        for (const batch of batches) {
          await store.putArticles(batch.map((id) => makeArticle({ id })))
          clock.tick()
        }
        const expected = ['bbbb000000000000', 'aaaa000000000000', '0000000000000000', 'ffff000000000000', 'cccc000000000000']
        assert.deepEqual(
          (await store.listArticles()).map((summary) => summary.id),
          expected,
        )
        assert.deepEqual(
          (await store.listArticles({ limit: 2 })).map((summary) => summary.id),
          expected.slice(0, 2),
        )
        assert.deepEqual(
          (await store.listArticles({ limit: 2, offset: 2 })).map((summary) => summary.id),
          expected.slice(2, 4),
        )
        assert.deepEqual(
          (await store.listArticles({ limit: 2, offset: 4 })).map((summary) => summary.id),
          expected.slice(4),
        )
        assert.deepEqual(await store.listArticles({ offset: 5 }), [])
        assert.deepEqual(await store.listArticles({ limit: 0 }), [])
        assert.equal(await store.countArticles(), 5)
      })
    })

    test('lists 100 summaries by default and rejects negative or fractional paging', async () => {
      await withStorage(backend, async (storage) => {
        const store = await storage.open()
        await store.putArticles(makeArticles(101, { seed: 'many' }))
        assert.equal((await store.listArticles()).length, 100)
        assert.equal((await store.listArticles({ offset: 100 })).length, 1)
        assert.equal(await store.countArticles(), 101)
        await assert.rejects(store.listArticles({ limit: -1 }), isStoreError('USAGE'))
        await assert.rejects(store.listArticles({ offset: 1.5 }), isStoreError('USAGE'))
      })
    })

    test('summarises an article with its metadata, body length and ingest time', async () => {
      await withStorage(backend, async (storage) => {
        const clock = fakeClock('2025-03-12T06:45:10.250Z')
        const store = await storage.open({ now: clock.now })
        const article = makeArticle()
        await store.putArticles([article])
        assert.deepEqual(await store.listArticles(), [
          {
            id: article.id,
            title: article.title,
            titleDerived: false,
            outlet: 'The Coastal Ledger',
            published: '2025-03-11T09:30:00Z',
            creditedSource: 'Northline Wire',
            language: 'en',
            format: 'rss',
            location: 'feeds/coastal-ledger.xml',
            url: article.url,
            length: article.text.length,
            ingestedAt: '2025-03-12T06:45:10.250Z',
          },
        ])
      })
    })

    test('keeps everything across close and reopen', async () => {
      await withStorage(backend, async (storage) => {
        const first = await storage.open()
        const articles = [makeArticle(), bareArticle(), ...makeArticles(3, { seed: 'reopen' })]
        await first.putArticles(articles)
        const listed = await first.listArticles()
        await first.close()
        await first.close() // closing twice is harmless

        const second = await storage.open()
        assert.equal(await second.countArticles(), articles.length)
        for (const article of articles) assert.deepEqual(await second.getArticle(article.id), article)
        assert.deepEqual(await second.listArticles(), listed)
        assert.deepEqual(
          (await second.putArticles([makeArticle()])).map((outcome) => outcome.status),
          ['duplicate'],
        )
      })
    })

    test('refuses storage written by a newer release with STORE_SCHEMA_TOO_NEW, leaving it intact', async () => {
      await withStorage(backend, async (storage) => {
        const current = await storage.open()
        await current.putArticles([makeArticle()])
        await current.close()
        const newer = await storage.openAsNewerRelease()
        await newer.close()

        await assert.rejects(storage.open(), (error) => {
          isStoreError('STORE_SCHEMA_TOO_NEW')(error)
          assert.match((error as StoreError).message, /newer/)
          return true
        })
        const again = await storage.openAsNewerRelease()
        assert.equal(await again.countArticles(), 1)
      })
    })

    test('finds candidates by shared bands or enough shared anchors, most shared first, never the article itself', async () => {
      await withStorage(backend, async (storage) => {
        const store = await storage.open()
        const [a, b, c, d] = makeArticles(4, { seed: 'lineage' })
        assert.ok(a && b && c && d)
        await store.putArticles([a, b, c, d])
        const fp = (id: string, bands: number[], anchors: number[]) => ({ id, bands: Uint32Array.from(bands), anchors: Uint32Array.from(anchors) })
        await store.putFingerprints([
          fp(a.id, [1, 2, 3], [10, 11, 12, 13]),
          fp(b.id, [1, 99, 98], [50]), // one shared band
          fp(c.id, [97, 96, 95], [10, 11, 12]), // three shared anchors, no band
          fp(d.id, [94, 93, 92], [10, 11]), // two shared anchors: not enough
        ])
        const found = await store.findCandidates(fp(a.id, [1, 2, 3], [10, 11, 12, 13]))
        assert.deepEqual(found, [
          { id: b.id, sharedBands: 1, sharedAnchors: 0 },
          { id: c.id, sharedBands: 0, sharedAnchors: 3 },
        ])
        // Replacing a fingerprint replaces its postings.
        await store.putFingerprints([fp(b.id, [90], [50])])
        assert.deepEqual(
          (await store.findCandidates(fp(a.id, [1, 2, 3], [10, 11, 12, 13]))).map((x) => x.id),
          [c.id],
        )
        // Anchors carried by too many articles do not count.
        assert.deepEqual(await store.findCandidates(fp(a.id, [], [10, 11, 12, 13]), { maxAnchorFrequency: 1 }), [])
      })
    })

    test('keeps one relation per pair, replaced on update, listed per article and by kind', async () => {
      await withStorage(backend, async (storage) => {
        const store = await storage.open()
        const [a, b, c] = makeArticles(3, { seed: 'relations' }).sort((x, y) => (x.id < y.id ? -1 : 1))
        assert.ok(a && b && c)
        await store.putArticles([a, b, c])
        const match = { a: { start: 0, end: 10 }, b: { start: 5, end: 15 }, score: 0.9, overlap: 0.4, quoteOnly: false }
        const rewrite = {
          a: a.id,
          b: b.id,
          kind: 'rewrite' as const,
          coverageA: 0.9,
          coverageB: 0.8,
          matches: [match],
          direction: { original: a.id, confidence: 0.7, reasons: ['published first'] },
        }
        const partial = { ...rewrite, a: b.id, b: c.id, kind: 'partial' as const, direction: { original: null, confidence: 0, reasons: [] } }
        await store.putRelations([rewrite, partial])
        await store.putRelations([{ ...rewrite, coverageB: 0.85 }])
        assert.deepEqual(await store.listRelations(), [{ ...rewrite, coverageB: 0.85 }, partial])
        assert.deepEqual(await store.listRelations({ articleId: c.id }), [partial])
        assert.deepEqual(await store.listRelations({ kinds: ['rewrite'] }), [{ ...rewrite, coverageB: 0.85 }])
        // Among a set: only pairs with both ends in it, each once, in one query.
        assert.deepEqual(await store.listRelations({ among: [a.id, b.id] }), [{ ...rewrite, coverageB: 0.85 }])
        assert.deepEqual(await store.listRelations({ among: [a.id, b.id, c.id], kinds: ['partial'] }), [partial])
        assert.deepEqual(await store.listRelations({ among: [] }), [])
        assert.deepEqual(await store.getArticles([c.id, 'ffffffffffffffff', a.id]), [c, a])
      })
    })

    test('refuses to save the clusterer state over a generation another writer replaced', async () => {
      await withStorage(backend, async (storage) => {
        const store = await storage.open()
        const [a, b] = makeArticles(2, { seed: 'generations' })
        assert.ok(a && b)
        await store.putArticles([a, b])
        assert.equal(await store.clusterGeneration(), 0)
        assert.equal(await store.saveStoryAssignments([{ articleId: a.id, storyId: 1 }], stateChanges('{"by":"first"}', 0)), 1)
        // A second writer that read generation 0 too must not overwrite the first one's state.
        await assert.rejects(
          store.saveStoryAssignments([{ articleId: b.id, storyId: 1 }], stateChanges('{"by":"second"}', 0)),
          (error: unknown) => error instanceof StoreError && error.code === 'STORE_CONFLICT',
        )
        assert.deepEqual(await store.loadClusterState(), savedState('{"by":"first"}', 1))
        assert.deepEqual([...(await store.storiesOf([a.id, b.id]))], [[a.id, 1]])
      })
    })

    test('saves the clusterer state by its changes: stories upserted and retired, DF counters logged and folded', async () => {
      await withStorage(backend, async (storage) => {
        const store = await storage.open()
        const [a, b] = makeArticles(2, { seed: 'state-parts' })
        assert.ok(a && b)
        await store.putArticles([a, b])
        const table = new Uint32Array(DF_LOG_FOLD_AT * 2)
        table[7] = 3
        const first: ClusterStateChanges = {
          generation: 0,
          header: '{"h":1}',
          stories: [
            { id: 1, json: '{"id":1}' },
            { id: 2, json: '{"id":2}' },
          ],
          retired: [],
          df: { table },
          replace: true,
        }
        assert.equal(await store.saveStoryAssignments([{ articleId: a.id, storyId: 1 }], first), 1)
        // A batch writes only what changed: story 2 retired, story 1 changed, story 3 new, two counters moved.
        const second: ClusterStateChanges = {
          generation: 1,
          header: '{"h":2}',
          stories: [
            { id: 1, json: '{"id":1,"v":2}' },
            { id: 3, json: '{"id":3}' },
          ],
          retired: [2],
          df: { slots: Uint32Array.of(7, 9), counts: Uint32Array.of(4, 1) },
          replace: false,
        }
        assert.equal(await store.saveStoryAssignments([{ articleId: b.id, storyId: 3 }], second), 2)
        const loaded = await store.loadClusterState()
        assert.equal(loaded?.header, '{"h":2}')
        assert.deepEqual([...(loaded?.stories ?? [])].sort(), ['{"id":1,"v":2}', '{"id":3}'])
        assert.deepEqual([loaded?.df?.[7], loaded?.df?.[9], loaded?.df?.[8], loaded?.df?.length], [4, 1, 0, table.length])
        // A log longer than the fold threshold is folded into the base: the counters read the same after it.
        const many = Uint32Array.from({ length: DF_LOG_FOLD_AT + 1 }, (_, i) => i)
        const third: ClusterStateChanges = { ...second, generation: 2, stories: [], retired: [], df: { slots: many, counts: many } }
        assert.equal(await store.saveStoryAssignments([], third), 3)
        const folded = await store.loadClusterState()
        assert.deepEqual([folded?.df?.[7], folded?.df?.[9], folded?.df?.[DF_LOG_FOLD_AT], folded?.df?.[DF_LOG_FOLD_AT + 1]], [7, 9, DF_LOG_FOLD_AT, 0])
        assert.deepEqual([...(folded?.stories ?? [])].sort(), ['{"id":1,"v":2}', '{"id":3}'])
      })
    })

    test('lists articles without fingerprints or without a story, in storing order, paged, and runs its integrity check', async () => {
      await withStorage(backend, async (storage) => {
        const store = await storage.open()
        const [a, b, c, d] = makeArticles(4, { seed: 'half-done' })
        assert.ok(a && b && c && d)
        await store.putArticles([a, b, c, d])
        assert.deepEqual(await store.listArticlesWithoutFingerprints(), [a.id, b.id, c.id, d.id])
        assert.deepEqual(await store.listArticlesWithoutStory(), [a.id, b.id, c.id, d.id])
        // Bands alone or anchors alone are a fingerprint.
        await store.putFingerprints([
          { id: b.id, bands: Uint32Array.of(1, 2), anchors: new Uint32Array(0) },
          { id: d.id, bands: new Uint32Array(0), anchors: Uint32Array.of(7) },
        ])
        assert.deepEqual(await store.listArticlesWithoutFingerprints(), [a.id, c.id])
        assert.deepEqual(await store.listArticlesWithoutFingerprints({ limit: 1, offset: 1 }), [c.id])
        await store.saveStoryAssignments([{ articleId: c.id, storyId: 1 }], stateChanges('{}', 0))
        assert.deepEqual(await store.listArticlesWithoutStory(), [a.id, b.id, d.id])
        assert.deepEqual(await store.listArticlesWithoutStory({ limit: 2, offset: 1 }), [b.id, d.id])
        await assert.rejects(store.listArticlesWithoutStory({ limit: -1 }), isStoreError('USAGE'))
        assert.deepEqual(await store.checkIntegrity({ quick: true }), [])
        assert.deepEqual(await store.checkIntegrity(), [])
      })
    })

    test('keeps claims per article with their extractor version, replaced on update, and lists stale ones', async () => {
      await withStorage(backend, async (storage) => {
        const store = await storage.open()
        const [a, b, c] = makeArticles(3, { seed: 'claims' })
        assert.ok(a && b && c)
        await store.putArticles([a, b, c])
        const claims = (id: string, speaker: string) => ({
          articleId: id,
          quotes: [],
          figures: [],
          events: [],
          entities: [{ name: speaker, kind: 'person' as const, aliases: [speaker], role: null, mentions: [{ start: 0, end: speaker.length }] }],
        })
        const first = {
          articleId: a.id,
          extractorVersion: 1,
          datesReadAgainst: { day: '2025-03-10', basis: 'published' as const },
          claims: claims(a.id, 'Mia Holt'),
        }
        const second = { articleId: b.id, extractorVersion: 2, datesReadAgainst: null, claims: claims(b.id, 'Ole Berg') }
        await store.putClaims([first, second])
        const got = await store.getClaims([a.id, b.id, c.id])
        assert.deepEqual([...got.keys()], [a.id, b.id])
        assert.deepEqual(got.get(a.id), first)
        assert.deepEqual(got.get(b.id), second)
        // Stale: read by an older extractor, or never read (c), in storing order.
        assert.deepEqual(await store.listStaleClaims(2), [a.id, c.id])
        assert.deepEqual(await store.listStaleClaims(2, { limit: 1, offset: 1 }), [c.id])
        const updated = { ...first, extractorVersion: 2, datesReadAgainst: { day: '2025-03-11', basis: 'story' as const } }
        await store.putClaims([updated])
        assert.deepEqual((await store.getClaims([a.id])).get(a.id), updated)
        assert.deepEqual(await store.listStaleClaims(2), [c.id])
      })
    })

    test('commits a transaction whole or not at all', async () => {
      await withStorage(backend, async (storage) => {
        const store = await storage.open()
        const [a, b, c] = makeArticles(3, { seed: 'transactions' })
        assert.ok(a && b && c)
        await store.transaction(async (tx) => {
          await tx.putArticles([a])
          await tx.saveStoryAssignments([{ articleId: a.id, storyId: 1 }], stateChanges('{}', 0))
        })
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.putArticles([b, c])
            await tx.saveStoryAssignments([{ articleId: b.id, storyId: 2 }], stateChanges('{}', 1))
            throw new Error('the writer failed after its story assignments')
          }),
          /the writer failed/,
        )
        assert.equal(await store.countArticles(), 1)
        assert.equal(await store.clusterGeneration(), 1)
        assert.equal((await store.listStories()).length, 1)
        assert.equal(await store.nextStoryId(), 2)
        // A transaction inside a transaction is a misuse, refused.
        await assert.rejects(
          store.transaction(async (tx) => tx.transaction(async () => 1)),
          (error: unknown) => error instanceof StoreError && error.code === 'USAGE',
        )
      })
    })

    test('keeps story assignments with the clusterer state, lists stories by latest activity, follows merges', async () => {
      await withStorage(backend, async (storage) => {
        const store = await storage.open()
        const [a, b, c] = makeArticles(3, { seed: 'stories' })
        assert.ok(a && b && c)
        const dated = [
          { ...a, published: '2026-04-14', outlet: 'Vik Courier' },
          { ...b, published: '2026-04-15', outlet: 'Harbour Post' },
          { ...c, published: '2026-04-20', outlet: 'Vik Courier' },
        ]
        await store.putArticles(dated)
        assert.equal(await store.loadClusterState(), null)
        await store.saveStoryAssignments(
          [
            { articleId: a.id, storyId: 1 },
            { articleId: b.id, storyId: 1 },
            { articleId: c.id, storyId: 2 },
          ],
          stateChanges('{"state":1}', 0),
        )
        assert.deepEqual(await store.loadClusterState(), savedState('{"state":1}', 1))
        assert.equal(await store.clusterGeneration(), 1)
        // Ids continue after every story ever given.
        assert.equal(await store.nextStoryId(), 3)
        assert.deepEqual(
          [...(await store.storiesOf([a.id, c.id, 'ffffffffffffffff']))],
          [
            [a.id, 1],
            [c.id, 2],
          ],
        )
        const listed = await store.listStories()
        assert.deepEqual(
          listed.map((s) => [s.id, s.members, s.firstSeen, s.lastSeen, [...s.outlets].sort()]),
          [
            [2, 1, '2026-04-20', '2026-04-20', ['Vik Courier']],
            [1, 2, '2026-04-14', '2026-04-15', ['Harbour Post', 'Vik Courier']],
          ],
        )
        assert.deepEqual(listed[1]?.titles, [dated[0]?.title, dated[1]?.title])
        assert.deepEqual(
          (await store.listStories({ since: '2026-04-16' })).map((s) => s.id),
          [2],
        )
        assert.equal(await store.countStories(), 2)
        assert.equal(await store.countStories({ since: '2026-04-16' }), 1)

        // A recluster puts everything into story 3: stories 1 and 2 point to it.
        await store.replaceStories(
          dated.map((x) => ({ articleId: x.id, storyId: 3 })),
          stateChanges('{"state":9}', 0),
        )
        assert.deepEqual(await store.loadClusterState(), savedState('{"state":9}', 2))
        const merged = await store.getStory(1)
        assert.equal(merged?.id, 3)
        assert.equal(merged?.askedFor, 1)
        assert.deepEqual(merged?.memberIds, [a.id, b.id, c.id])
        assert.equal((await store.getStory(2))?.id, 3)
        assert.equal(await store.getStory(99), null)
      })
    })

    test('keeps story listings right as articles move between stories and stories empty', async () => {
      await withStorage(backend, async (storage) => {
        const store = await storage.open()
        const [a, b, c, d] = makeArticles(4, { seed: 'moves' })
        assert.ok(a && b && c && d)
        const dated = [
          { ...a, published: '2026-05-01', outlet: 'Vik Courier' },
          { ...b, published: '2026-05-03', outlet: 'Harbour Post' },
          { ...c, published: '2026-05-02', outlet: null },
          { ...d, published: '2026-05-09', outlet: 'Vik Courier' },
        ]
        await store.putArticles(dated)
        await store.saveStoryAssignments(
          [
            { articleId: a.id, storyId: 1 },
            { articleId: b.id, storyId: 2 },
            { articleId: c.id, storyId: 2 },
          ],
          stateChanges('{}', 0),
        )
        // b moves to story 1, c leaves story 2 empty for story 3, and d starts story 4.
        await store.saveStoryAssignments([{ articleId: b.id, storyId: 1 }], stateChanges('{}', 1))
        await store.saveStoryAssignments(
          [
            { articleId: c.id, storyId: 3 },
            { articleId: d.id, storyId: 4 },
          ],
          stateChanges('{}', 2),
        )
        const listed = await store.listStories()
        assert.deepEqual(
          listed.map((s) => [s.id, s.members, s.firstSeen, s.lastSeen, [...s.outlets].sort(), s.titles]),
          [
            [4, 1, '2026-05-09', '2026-05-09', ['Vik Courier'], [dated[3]?.title]],
            [1, 2, '2026-05-01', '2026-05-03', ['Harbour Post', 'Vik Courier'], [dated[0]?.title, dated[1]?.title]],
            [3, 1, '2026-05-02', '2026-05-02', [], [dated[2]?.title]],
          ],
        )
        assert.equal(await store.getStory(2), null)
        assert.deepEqual(
          (await store.listStories({ limit: 1, offset: 1 })).map((s) => s.id),
          [1],
        )
        const one = await store.getStory(1)
        assert.deepEqual([one?.members, one?.memberIds, one?.lastSeen], [2, [a.id, b.id], '2026-05-03'])

        // A recluster rebuilds every listing.
        await store.replaceStories(
          [
            { articleId: a.id, storyId: 5 },
            { articleId: b.id, storyId: 5 },
            { articleId: c.id, storyId: 5 },
            { articleId: d.id, storyId: 4 },
          ],
          stateChanges('{}', 0),
        )
        assert.deepEqual(
          (await store.listStories()).map((s) => [s.id, s.members]),
          [
            [4, 1],
            [5, 3],
          ],
        )
      })
    })

    describe('full-text search', () => {
      /** Two invented articles with different titles and bodies, and the base fixture. */
      function searchCorpus(): Article[] {
        const flood = makeArticle({
          title: 'Sälby flood defences hold as river peaks',
          text: 'Engineers in Sälby said the new flood barrier held overnight as the river Arlen peaked at 4.1 metres.',
          outlet: 'Harbour Post',
        })
        const budget = makeArticle({
          title: 'Council delays vote on harbour budget',
          text: 'The council postponed its vote on the harbour budget after a dispute over the flood barrier maintenance costs.',
          outlet: 'Vik Courier',
        })
        return [flood, budget, makeArticle()]
      }

      test('finds articles by words in the title or body, title matches ranked first, with marked snippets', async () => {
        await withStorage(backend, async (storage) => {
          const store = await storage.open()
          const [flood, budget] = searchCorpus()
          assert.ok(flood && budget)
          await store.putArticles(searchCorpus())
          const hits = await store.searchArticles('flood')
          assert.deepEqual(
            hits.map((hit) => hit.id),
            [flood.id, budget.id],
          )
          const [first, second] = hits
          assert.ok(first && second)
          assert.ok(first.rank > second.rank, 'a title match outranks a body-only match')
          assert.equal(first.title, flood.title)
          assert.equal(first.outlet, 'Harbour Post')
          assert.equal(first.published, flood.published)
          assert.match(second.snippet, new RegExp(`${SEARCH_MARK_START}flood${SEARCH_MARK_END} barrier`))
          // Every word must occur; case and accents do not matter.
          assert.deepEqual(
            (await store.searchArticles('HARBOUR budget')).map((hit) => hit.id),
            [budget.id],
          )
          assert.deepEqual(
            (await store.searchArticles('salby')).map((hit) => hit.id),
            [flood.id],
          )
          assert.deepEqual(await store.searchArticles('nothing-like-this-anywhere'), [])
          assert.equal(await store.countSearchHits('flood'), 2)
          assert.equal(await store.countSearchHits('  !!  '), 0)
        })
      })

      test('narrows a search to an outlet, a date range and a set of articles', async () => {
        await withStorage(backend, async (storage) => {
          const store = await storage.open()
          const [flood, budget] = searchCorpus()
          assert.ok(flood && budget)
          await store.putArticles(searchCorpus())
          const ids = async (opts: SearchOpts) => (await store.searchArticles('flood', opts)).map((hit) => hit.id)
          assert.deepEqual(await ids({ outlet: 'Vik Courier' }), [budget.id])
          assert.deepEqual(await ids({ outlet: 'Nobody' }), [])
          assert.deepEqual(await ids({ among: [flood.id] }), [flood.id])
          assert.deepEqual(await ids({ among: [] }), [])
          const day = (flood.published ?? '').slice(0, 10)
          assert.ok(day !== '', 'the fixture is dated')
          assert.deepEqual(new Set(await ids({ since: day, before: '2999-01-01' })), new Set(await ids({})))
          assert.deepEqual(await ids({ before: '1900-01-01' }), [])
          assert.deepEqual(await ids({ since: '2999-01-01' }), [])
        })
      })

      test('treats any query as plain words: search syntax and stray quotes never fail', async () => {
        await withStorage(backend, async (storage) => {
          const store = await storage.open()
          await store.putArticles(searchCorpus())
          for (const query of ['"unbalanced', 'flood AND', 'NEAR(flood', 'title:flood', '*', 'flood OR', '-flood', '(', "o'brien", '']) {
            await assert.doesNotReject(store.searchArticles(query), `query ${JSON.stringify(query)}`)
          }
          assert.deepEqual(await store.searchArticles('  !!  '), [])
          // "OR" is a word to look for, not an operator: nothing has it.
          assert.deepEqual(await store.searchArticles('flood OR budget'), [])
        })
      })

      test('pages results and rejects out-of-range paging', async () => {
        await withStorage(backend, async (storage) => {
          const store = await storage.open()
          await store.putArticles(makeArticles(5, { seed: 'search-pages' }))
          const all = await store.searchArticles('Vellmar')
          assert.equal(all.length, 5)
          assert.deepEqual(await store.searchArticles('Vellmar', { limit: 2, offset: 1 }), all.slice(1, 3))
          await assert.rejects(store.searchArticles('Vellmar', { limit: -1 }), isStoreError('USAGE'))
          await assert.rejects(store.searchArticles('Vellmar', { offset: 1.5 }), isStoreError('USAGE'))
        })
      })

      test('indexes articles stored before and after a reopen', async () => {
        await withStorage(backend, async (storage) => {
          const first = await storage.open()
          const [flood, budget, base] = searchCorpus()
          assert.ok(flood && budget && base)
          await first.putArticles([flood])
          await first.close()
          const second = await storage.open()
          await second.putArticles([budget, base, flood])
          assert.deepEqual((await second.searchArticles('barrier')).map((hit) => hit.id).sort(), [flood.id, budget.id].sort())
        })
      })
    })

    test('follows feeds: adds once, records polls, remembers seen items, forgets on removal', async () => {
      await withStorage(backend, async (storage) => {
        const clock = fakeClock()
        const store = await storage.open({ now: clock.now })
        const url = 'https://harbour-post.example/feed.xml'
        const other = 'https://vik-courier.example/rss'
        const added = await store.addFeed(url)
        assert.equal(added.created, true)
        assert.deepEqual(added.feed, {
          url,
          addedAt: clock.iso(),
          etag: null,
          lastModified: null,
          lastCheckedAt: null,
          lastSuccessAt: null,
          failures: 0,
          lastError: null,
        })
        assert.equal((await store.addFeed(url)).created, false)
        await store.addFeed(other)
        assert.deepEqual(
          (await store.listFeeds()).map((feed) => feed.url),
          [url, other],
        )

        await store.recordFeedPoll({ url, ok: false, checkedAt: '2025-03-11T09:00:00.000Z', error: 'timed out' })
        await store.recordFeedPoll({ url, ok: false, checkedAt: '2025-03-11T09:01:00.000Z', error: 'HTTP 503' })
        let [feed] = await store.listFeeds()
        assert.equal(feed?.failures, 2)
        assert.equal(feed?.lastError, 'HTTP 503')
        await store.recordFeedPoll({ url, ok: true, checkedAt: '2025-03-11T09:05:00.000Z', etag: '"v2"', lastModified: 'Tue, 11 Mar 2025 09:04:00 GMT' })
        ;[feed] = await store.listFeeds()
        assert.deepEqual(
          [feed?.failures, feed?.lastError, feed?.etag, feed?.lastModified, feed?.lastSuccessAt],
          [0, null, '"v2"', 'Tue, 11 Mar 2025 09:04:00 GMT', '2025-03-11T09:05:00.000Z'],
        )

        const links = ['https://harbour-post.example/a', 'https://harbour-post.example/b', 'https://harbour-post.example/c']
        assert.deepEqual(await store.unseenFeedItems(url, links), links)
        await store.markFeedItemsSeen(url, [links[0] ?? '', links[2] ?? ''])
        await store.markFeedItemsSeen(url, [links[0] ?? ''])
        assert.deepEqual(await store.unseenFeedItems(url, links), [links[1]])
        // Seen items are per feed.
        assert.deepEqual(await store.unseenFeedItems(other, links), links)

        await store.close()
        const reopened = await storage.open()
        assert.deepEqual(await reopened.unseenFeedItems(url, links), [links[1]])
        assert.equal(await reopened.removeFeed(url), true)
        assert.equal(await reopened.removeFeed(url), false)
        assert.deepEqual(
          (await reopened.listFeeds()).map((f) => f.url),
          [other],
        )
        // Following it again starts afresh.
        await reopened.addFeed(url)
        assert.deepEqual(await reopened.unseenFeedItems(url, links), links)
      })
    })

    test('loses no acknowledged batch when the writing process is killed mid-run', async () => {
      await withStorage(backend, async (storage) => {
        const batchSize = 100
        const acked = await runAndKill(storage, { batchSize, killAfterAcks: 4 })
        const lastAcked = Math.max(...acked)
        assert.deepEqual(
          acked,
          Array.from({ length: lastAcked + 1 }, (_, i) => i),
          'acks come in order',
        )

        assert.deepEqual(await storage.checkIntegrity(), [])
        const store = await storage.open()
        const total = await store.countArticles()
        // Every batch is whole or absent: the stored total is whole batches,
        // at least the acknowledged ones plus perhaps one committed just
        // before the kill whose ack was never written.
        assert.equal(total % batchSize, 0, `${total} articles is not a whole number of batches`)
        const wholeBatches = total / batchSize
        assert.ok(wholeBatches === lastAcked + 1 || wholeBatches === lastAcked + 2, `${wholeBatches} batches stored, ${lastAcked + 1} acknowledged`)
        for (let batch = 0; batch < wholeBatches; batch++) {
          for (const article of makeArticles(batchSize, { seed: `crash-${batch}` })) {
            assert.deepEqual(await store.getArticle(article.id), article)
          }
        }
      })
    })
  })
}

/**
 * What the child runs: batch after batch, printing `begin <n>` before batch
 * n's putArticles and `ack <n>` once it has resolved.
 */
const CRASH_WRITER = `
const [moduleUrl, exportName, target, fixturesUrl, batchSize] = process.argv.slice(2)
const { [exportName]: open } = await import(moduleUrl)
const { makeArticles } = await import(fixturesUrl)
const store = await open(target)
for (let batch = 0; batch < 1_000_000; batch++) {
  const articles = makeArticles(Number(batchSize), { seed: 'crash-' + batch })
  process.stdout.write('begin ' + batch + '\\n')
  await store.putArticles(articles)
  process.stdout.write('ack ' + batch + '\\n')
}
`

/**
 * Start a child that writes batches to `storage`, SIGKILL it after
 * `killAfterAcks` acknowledgements, and return every batch number it
 * acknowledged before dying (including acks still in the pipe at the kill).
 */
async function runAndKill(storage: Storage, opts: { batchSize: number; killAfterAcks: number }): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-crash-'))
  try {
    const script = join(dir, 'crash-writer.mjs')
    await writeFile(script, CRASH_WRITER)
    // Compiled tests sit beside the compiled modules, so resolve from here.
    const fixturesUrl = new URL('./fixtures.js', import.meta.url).href
    const { moduleUrl, exportName, target } = storage.child
    const child = spawn(process.execPath, [script, moduleUrl, exportName, target, fixturesUrl, String(opts.batchSize)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acked: number[] = []
    let stdout = ''
    let stderr = ''
    let killScheduled = false
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      const lines = stdout.split('\n')
      stdout = lines.pop() ?? ''
      for (const line of lines) {
        const [word, batch] = line.split(' ')
        if (word === 'ack') acked.push(Number(batch))
        if (word === 'begin' && acked.length >= opts.killAfterAcks && !killScheduled) {
          killScheduled = true
          // A couple of milliseconds after a batch begins, so the signal lands
          // inside its transaction (a batch of 100 takes several ms to write).
          // Checked: with the transaction removed from putArticles, this test
          // finds half-written batches in nearly every run.
          setTimeout(() => child.kill('SIGKILL'), 2)
        }
      }
    })
    // A safety net so a stuck child fails the test instead of hanging it.
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
      child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]))
    })
    clearTimeout(timer)
    assert.equal(signal, 'SIGKILL', `the writer should have been killed, but it exited with ${String(code)}: ${stderr}`)
    assert.ok(acked.length >= opts.killAfterAcks, `only ${acked.length} acks before the kill: ${stderr}`)
    return acked
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
