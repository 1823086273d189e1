import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Entity } from '../claims/types.js'
import type { SearchHit, SearchOpts, StoredClaims } from '../storage.js'
import type { StoryDetail } from '../types.js'
import { aliasesOf, searchStore } from './search.js'

interface Doc {
  readonly id: string
  readonly text: string
  readonly outlet: string
  readonly published: string
  readonly story: number
  readonly entities: readonly Entity[]
}

const person = (aliases: string[]): Entity => ({ kind: 'person', name: aliases[0] as string, aliases, role: null, mentions: [{ start: 0, end: 4 }] })

const DOCS: readonly Doc[] = [
  {
    id: 'a1',
    text: 'Mayor Andrei Kostelnik said the dam had failed',
    outlet: 'Meridian',
    published: '2026-04-15',
    story: 1,
    entities: [person(['Andrei Kostelnik', 'Kostelnik'])],
  },
  {
    id: 'a2',
    text: 'Andrei Kostelnyk, the mayor, wept',
    outlet: 'Signal',
    published: '2026-04-17',
    story: 1,
    entities: [person(['Andrei Kostelnyk', 'Kostelnyk'])],
  },
  { id: 'a3', text: 'Kostelnik again spoke of the dam', outlet: 'Ledger', published: '2026-04-16', story: 1, entities: [person(['Kostelnik'])] },
  { id: 'b1', text: 'A ferry timetable changed', outlet: 'Meridian', published: '2026-05-01', story: 2, entities: [] },
]

/** A store double: plain word search over the documents, with the store's filters. */
function fakeStore() {
  const words = (t: string): string[] => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  return {
    async searchArticles(query: string, opts?: SearchOpts): Promise<SearchHit[]> {
      const wanted = words(query)
      if (wanted.length === 0) return []
      return DOCS.filter((d) => wanted.every((w) => words(d.text).includes(w)))
        .filter((d) => opts?.outlet === undefined || d.outlet === opts.outlet)
        .filter((d) => opts?.since === undefined || d.published >= opts.since)
        .filter((d) => opts?.before === undefined || d.published < opts.before)
        .filter((d) => opts?.among === undefined || opts.among.includes(d.id))
        .slice(0, opts?.limit ?? 20)
        .map((d, i) => ({ id: d.id, title: d.text, outlet: d.outlet, published: d.published, snippet: d.text, rank: 10 - i }))
    },
    async getClaims(ids: readonly string[]): Promise<Map<string, StoredClaims>> {
      return new Map(
        DOCS.filter((d) => ids.includes(d.id)).map((d) => [
          d.id,
          {
            articleId: d.id,
            extractorVersion: 1,
            datesReadAgainst: null,
            claims: { articleId: d.id, quotes: [], figures: [], events: [], entities: d.entities },
          },
        ]),
      )
    },
    async storiesOf(ids: readonly string[]): Promise<Map<string, number>> {
      return new Map(DOCS.filter((d) => ids.includes(d.id)).map((d) => [d.id, d.story]))
    },
    async getStory(id: number): Promise<StoryDetail | null> {
      const members = DOCS.filter((d) => d.story === id)
      if (members.length === 0) return null
      return {
        id,
        askedFor: id,
        titles: members.map((d) => d.text),
        firstSeen: '2026-04-15',
        lastSeen: '2026-04-17',
        outlets: members.map((d) => d.outlet),
        memberIds: members.map((d) => d.id),
      } as unknown as StoryDetail
    },
  }
}

test('one spelling of a name finds the articles that write another', async () => {
  const store = fakeStore()
  assert.deepEqual(await aliasesOf(store, 'Kostelnyk'), ['Kostelnik'])
  const view = await searchStore(store, 'Kostelnyk', {})
  assert.deepEqual(view.aliases, ['Kostelnik'])
  assert.deepEqual(new Set(view.hits.map((h) => h.id)), new Set(['a1', 'a2', 'a3']))
  assert.equal(view.hits.find((h) => h.id === 'a2')?.foundBy, 'Kostelnyk')
  assert.equal(view.hits.find((h) => h.id === 'a1')?.foundBy, 'Kostelnik')
  assert.deepEqual(view.hits[0]?.story, { id: 1, label: view.hits[0]?.story?.label ?? null })
})

test('a word that names no entity is searched as it is', async () => {
  const view = await searchStore(fakeStore(), 'ferry', {})
  assert.deepEqual(view.aliases, [])
  assert.deepEqual(
    view.hits.map((h) => h.id),
    ['b1'],
  )
})

test('filters narrow every spelling: outlet, an inclusive date range, a story', async () => {
  const store = fakeStore()
  const ids = async (filters: Parameters<typeof searchStore>[2]) => (await searchStore(store, 'Kostelnyk', filters)).hits.map((h) => h.id).sort()
  assert.deepEqual(await ids({ outlet: 'Meridian' }), ['a1'])
  assert.deepEqual(await ids({ from: '2026-04-16', to: '2026-04-16' }), ['a3'])
  assert.deepEqual(await ids({ story: 1 }), ['a1', 'a2', 'a3'])
  assert.deepEqual(await ids({ story: 2 }), [])
  assert.deepEqual(await ids({ story: 99 }), [])
})

test('pages through the merged hits', async () => {
  const store = fakeStore()
  const first = await searchStore(store, 'Kostelnyk', {}, { perPage: 2 })
  const second = await searchStore(store, 'Kostelnyk', {}, { perPage: 2, page: 2 })
  assert.equal(first.hits.length, 2)
  assert.equal(first.hasNext, true)
  assert.equal(second.hits.length, 1)
  assert.equal(second.hasNext, false)
  assert.equal(new Set([...first.hits, ...second.hits].map((h) => h.id)).size, 3)
})
