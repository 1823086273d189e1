/**
 * One read model, many views: on the example corpus and the seeds, the
 * story the CLI prints with --json, the one the HTTP API returns and the one
 * the web page renders (it calls `readStory`) are the same object, and every
 * member's lineage in the report is the one the story shows.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, describe, test } from 'node:test'
import { ingest } from '../ingest/ingest.js'
import { createApp } from '../server/app.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import { sharedDir } from '../testing/shared-data.js'
import { readStory, readStoryClaims, readStoryReport } from './read-model.js'

const BIN = fileURLToPath(new URL('../cli/main.js', import.meta.url))
const EXAMPLES = fileURLToPath(new URL('../../examples/corpus', import.meta.url))
const shared = sharedDir()
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-read-model-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const corpora: Array<[string, string | null]> = [
  ['the example corpus', EXAMPLES],
  ['the seeds', shared === null ? null : join(shared, 'corpus', 'seeds')],
]

for (const [name, folder] of corpora) {
  describe(`read model on ${name}`, { skip: folder === null ? 'no ../shared/corpus/seeds beside the repository' : false }, () => {
    test('the CLI, the HTTP API and the web page show the same story object, and the report the same lineage', async () => {
      const db = join(dir, `${name.replace(/\W+/gu, '-')}.db`)
      const store = openSqliteStore(db)
      try {
        const report = await ingest([folder as string], store, { workers: 0 })
        assert.ok(report.inserted > 0)
        const app = createApp({ store, token: 'secret', web: false })
        const stories = await store.listStories()
        assert.ok(stories.length > 0)
        for (const { id } of stories) {
          const story = await readStory(store, id)
          assert.ok(story !== null)
          const api = (await (await app.request(`/api/v1/stories/${id}`)).json()) as unknown
          assert.deepEqual(api, JSON.parse(JSON.stringify(story)), `story ${id}: API = read model`)
          const cli = spawnSync(process.execPath, [BIN, '--db', db, 'story', String(id), '--json'], {
            encoding: 'utf8',
            env: { ...process.env, CROSSCHECK_DB: '' },
          })
          assert.equal(cli.status, 0, cli.stderr)
          assert.deepEqual(JSON.parse(cli.stdout), api, `story ${id}: CLI --json = API`)

          const lineageApi = (await (await app.request(`/api/v1/stories/${id}/lineage`)).json()) as unknown
          const lineageCli = spawnSync(process.execPath, [BIN, '--db', db, 'lineage', '--story', String(id), '--json'], {
            encoding: 'utf8',
            env: { ...process.env, CROSSCHECK_DB: '' },
          })
          assert.deepEqual(JSON.parse(lineageCli.stdout), lineageApi, `story ${id}: lineage --story --json = API`)

          const storyReport = await readStoryReport(store, id)
          assert.ok(storyReport !== null)
          assert.deepEqual(storyReport.missingClaims, [], 'claims were stored at ingest')
          const sources: ReadonlyArray<{ readonly id: string; readonly lineage: unknown }> = storyReport.sources
          for (const member of story.members) {
            const source = sources.find((s) => s.id === member.id)
            assert.deepEqual(source?.lineage, member.lineage, `story ${id}, ${member.outlet ?? member.id}: report lineage = story lineage`)
          }
          // Claims are read back, never extracted again: the API's are the stored ones.
          const claims = (await (await app.request(`/api/v1/stories/${id}/claims`)).json()) as unknown
          assert.deepEqual(claims, JSON.parse(JSON.stringify(await readStoryClaims(store, id))))
        }
      } finally {
        await store.close()
      }
    })
  })
}
