/**
 * What only the SQLite backend has: the file on disk, its pragmas, the
 * migration runner, read-only opens. Behaviour every backend shares is in
 * `../store.contract.test.ts`.
 */
import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { StoreError } from '../../errors.js'
import { makeArticle, makeArticles } from '../fixtures.js'
import { migrate, MIGRATIONS, readSchemaVersion, SCHEMA_VERSION } from './migrations.js'
import { openSqliteStore } from './sqlite-store.js'

/** Run `fn` with a fresh temporary directory, always removed afterwards. */
async function inTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-sqlite-'))
  try {
    await fn(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function isStoreError(code: StoreError['code'], message?: RegExp): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof StoreError, `expected a StoreError, got ${String(error)}`)
    assert.equal(error.code, code, error.message)
    if (message !== undefined) assert.match(error.message, message)
    return true
  }
}

describe('sqlite store: the file', () => {
  test('creates the file and its missing parent directories on first open, in WAL mode', async () => {
    await inTempDir(async (dir) => {
      const path = join(dir, 'a', 'b', 'crosscheck.db')
      const store = openSqliteStore(path)
      await store.putArticles([makeArticle()])
      assert.ok(existsSync(path))
      assert.ok(existsSync(`${path}-wal`), 'writes go to the write-ahead log')
      // journal_mode = WAL is stored in the file, so a second connection sees it.
      const db = new Database(path, { readonly: true })
      try {
        assert.equal(db.pragma('journal_mode', { simple: true }), 'wal')
        assert.equal(readSchemaVersion(db), SCHEMA_VERSION)
      } finally {
        db.close()
      }
      await store.close()
    })
  })

  test('lets two connections to one file write in turn', async () => {
    await inTempDir(async (dir) => {
      const path = join(dir, 'crosscheck.db')
      const first = openSqliteStore(path)
      const second = openSqliteStore(path)
      await first.putArticles([makeArticle({ id: '1111000000000000' })])
      await second.putArticles([makeArticle({ id: '2222000000000000' })])
      assert.equal(await first.countArticles(), 2)
      await first.close()
      await second.close()
    })
  })

  test('works in memory', async () => {
    const store = openSqliteStore(':memory:')
    await store.putArticles([makeArticle()])
    assert.equal(await store.countArticles(), 1)
    await store.close()
  })

  test('rejects an id that is not 4 to 64 lowercase hex digits, storing nothing of the batch', async () => {
    const store = openSqliteStore(':memory:')
    for (const id of ['ABCD000000000000', 'not-an-id', 'abc']) {
      await assert.rejects(store.putArticles([makeArticle({ id: '9999000000000000' }), makeArticle({ id })]), isStoreError('STORE_FAILED', /CHECK/))
    }
    assert.equal(await store.countArticles(), 0)
    await store.close()
  })

  test('reports a file that is not a database as STORE_FAILED', async () => {
    await inTempDir(async (dir) => {
      const path = join(dir, 'notes.db')
      await writeFile(path, 'this is a text file, not a database\n'.repeat(100))
      assert.throws(() => openSqliteStore(path), isStoreError('STORE_FAILED', /notes\.db/))
    })
  })
})

describe('sqlite store: read-only', () => {
  test('reads a store and refuses to write to it', async () => {
    await inTempDir(async (dir) => {
      const path = join(dir, 'crosscheck.db')
      const writer = openSqliteStore(path)
      const article = makeArticle()
      await writer.putArticles([article])
      await writer.close()

      const reader = openSqliteStore(path, { readonly: true })
      assert.deepEqual(await reader.getArticle(article.id), article)
      await assert.rejects(reader.putArticles([makeArticle({ id: 'abab000000000000' })]), isStoreError('STORE_FAILED', /readonly/))
      await reader.close()
    })
  })

  test('does not create a missing file', async () => {
    await inTempDir(async (dir) => {
      const path = join(dir, 'missing', 'crosscheck.db')
      assert.throws(() => openSqliteStore(path, { readonly: true }), isStoreError('STORE_FAILED'))
      assert.equal(existsSync(join(dir, 'missing')), false)
    })
  })

  test('does not migrate: an older schema needs one read-write open first', async () => {
    await inTempDir(async (dir) => {
      const path = join(dir, 'old.db')
      new Database(path).close()
      assert.throws(() => openSqliteStore(path, { readonly: true }), isStoreError('STORE_FAILED', /schema version 0/))
    })
  })

  test('refuses a newer schema too', async () => {
    await inTempDir(async (dir) => {
      const path = join(dir, 'future.db')
      const db = new Database(path)
      db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
      db.close()
      assert.throws(() => openSqliteStore(path, { readonly: true }), isStoreError('STORE_SCHEMA_TOO_NEW', /future\.db/))
      assert.throws(() => openSqliteStore(path), isStoreError('STORE_SCHEMA_TOO_NEW', /upgrade crosscheck/))
    })
  })
})

describe('sqlite store: create: false (for commands that only read)', () => {
  test('a missing file is an error naming it, and nothing is created', async () => {
    await inTempDir(async (dir) => {
      const path = join(dir, 'no', 'such', 'crosscheck.db')
      assert.throws(() => openSqliteStore(path, { create: false }), isStoreError('STORE_FAILED', /^the store .*crosscheck\.db does not exist$/))
      assert.equal(existsSync(join(dir, 'no')), false)
    })
  })

  test('an existing store opens as usual, migrated when it is older', async () => {
    await inTempDir(async (dir) => {
      const path = join(dir, 'old.db')
      new Database(path).close()
      const store = openSqliteStore(path, { create: false })
      assert.equal(await store.countArticles(), 0)
      await store.close()
    })
  })
})

describe('migrations', () => {
  test('are numbered 1, 2, 3, … without gaps', () => {
    assert.deepEqual(
      MIGRATIONS.map((migration) => migration.version),
      Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1),
    )
    assert.equal(SCHEMA_VERSION, MIGRATIONS.length)
  })

  test('bring a new database to the latest version, then do nothing', () => {
    const db = new Database(':memory:')
    assert.deepEqual(migrate(db), { from: 0, to: SCHEMA_VERSION })
    assert.deepEqual(migrate(db), { from: SCHEMA_VERSION, to: SCHEMA_VERSION })
    assert.equal(readSchemaVersion(db), SCHEMA_VERSION)
    const table = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'articles'").pluck().get()
    assert.match(String(table), /STRICT/)
    db.close()
  })

  test('roll a failing migration back whole, version included', () => {
    const db = new Database(':memory:')
    migrate(db)
    const broken = {
      version: SCHEMA_VERSION + 1,
      name: 'broken',
      sql: 'CREATE TABLE half_done (x INTEGER) STRICT; INSERT INTO no_such_table VALUES (1);',
    }
    assert.throws(() => migrate(db, { migrations: [...MIGRATIONS, broken], location: 'test.db' }), isStoreError('STORE_FAILED', /migration \d+ \(broken\)/))
    assert.equal(readSchemaVersion(db), SCHEMA_VERSION)
    assert.equal(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get(), 0)
    assert.equal(db.inTransaction, false)
    db.close()
  })

  test('fill story summaries for stories stored before version 5', async () => {
    await inTempDir(async (dir) => {
      const path = join(dir, 'old.db')
      const store = openSqliteStore(path)
      const [a, b, c] = makeArticles(3, { seed: 'backfill' })
      assert.ok(a && b && c)
      await store.putArticles([
        { ...a, published: '2026-03-01', outlet: 'Vik Courier' },
        { ...b, published: '2026-03-04', outlet: 'Harbour Post' },
        { ...c, published: null, outlet: null },
      ])
      await store.saveStoryAssignments(
        [
          { articleId: a.id, storyId: 1 },
          { articleId: b.id, storyId: 1 },
          { articleId: c.id, storyId: 2 },
        ],
        { generation: 0, header: '{}', stories: [], retired: [], df: { table: new Uint32Array(4) }, replace: true },
      )
      const before = await store.listStories()
      await store.close()
      // Back to a version 4 file, as an older crosscheck left it.
      const db = new Database(path)
      db.exec(
        'DROP TABLE story_summaries; DROP TABLE article_claims; DROP TABLE clusterer_state; DROP TABLE clusterer_stories; DROP TABLE clusterer_df; DROP TABLE clusterer_df_log; ALTER TABLE articles DROP COLUMN raw_deflated',
      )
      db.pragma('user_version = 4')
      db.close()
      const reopened = openSqliteStore(path)
      assert.deepEqual(await reopened.listStories(), before)
      assert.equal(before.length, 2)
      await reopened.close()
    })
  })

  test('refuse a list with a gap', () => {
    const db = new Database(':memory:')
    const gap = [...MIGRATIONS, { version: SCHEMA_VERSION + 2, name: 'skipped-one', sql: '' }]
    assert.throws(() => migrate(db, { migrations: gap }), TypeError)
    db.close()
  })
})
