import assert from 'node:assert/strict'
import { test } from 'node:test'
import { seededRandom } from '../testing/synthetic.js'
import { recluster } from './recluster.js'
import { storyFeatures } from './story-features.js'

// Invented reports of three events: two fires of the same kind in different towns, and a match.
const ARTICLES = [
  [
    'f1',
    'Warehouse fire in Grelton injures 9',
    'A fire destroyed a warehouse in Grelton on Friday. Fire chief Nadia Orsk said 9 workers were hurt.',
    '2026-06-05',
  ],
  [
    'f2',
    'Grelton warehouse blaze: 9 hurt',
    'Nine workers were hurt when fire swept through a Grelton warehouse, chief Nadia Orsk said on Friday.',
    '2026-06-05',
  ],
  ['f3', 'Fire chief Orsk: Grelton warehouse gutted', 'The Grelton warehouse fire left 9 injured, according to Nadia Orsk.', '2026-06-06'],
  [
    'g1',
    'Warehouse fire in Lissom injures 3',
    'A fire destroyed a warehouse in Lissom on Saturday. Fire chief Tomas Reyk said 3 workers were hurt.',
    '2026-06-06',
  ],
  ['g2', 'Lissom warehouse blaze: 3 hurt', 'Three workers were hurt when fire swept through a Lissom warehouse, chief Tomas Reyk said.', '2026-06-06'],
  [
    'm1',
    'Harbour United beat Kestrel City 3-1',
    'Harbour United won 3-1 against Kestrel City at Oldfield Park, with two goals from Joao Pereira.',
    '2026-06-07',
  ],
  [
    'm2',
    'Pereira double as Harbour United see off Kestrel City',
    'Joao Pereira scored twice at Oldfield Park as Harbour United beat Kestrel City.',
    '2026-06-07',
  ],
].map(([id, title, text, published]) => ({
  id: id as string,
  features: storyFeatures({ title: title as string, text: text as string, published: published as string }),
}))

function partition(stories: Map<string, number>): string[][] {
  const groups = new Map<number, string[]>()
  for (const [id, story] of stories) groups.set(story, [...(groups.get(story) ?? []), id])
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0] as string).localeCompare(b[0] as string))
}

test('groups the reports of each event and keeps the two fires apart', () => {
  assert.deepEqual(partition(recluster(ARTICLES)), [
    ['f1', 'f2', 'f3'],
    ['g1', 'g2'],
    ['m1', 'm2'],
  ])
})

test('gives the same stories, with the same ids, whatever the input order', () => {
  const expected = recluster(ARTICLES)
  const random = seededRandom(42)
  for (let round = 0; round < 5; round++) {
    const shuffled = [...ARTICLES]
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[shuffled[i], shuffled[j]] = [shuffled[j] as (typeof shuffled)[number], shuffled[i] as (typeof shuffled)[number]]
    }
    assert.deepEqual([...recluster(shuffled)].sort(), [...expected].sort())
  }
})

test('an empty set gives no stories', () => {
  assert.equal(recluster([]).size, 0)
})

test('a feed item and its page at one address are one story, whatever their words', () => {
  const item = {
    id: 'h1',
    features: storyFeatures({ title: 'Lissom blaze', text: '', published: '2026-06-06', url: 'https://lissom.example/fire?utm_source=rss' }),
  }
  const page = {
    id: 'p1',
    features: storyFeatures({ title: 'Harbour United beat Kestrel City 3-1', text: 'A report.', published: '2026-06-07', url: 'https://lissom.example/fire' }),
  }
  const stories = recluster([...ARTICLES, item, page])
  assert.equal(stories.get('h1'), stories.get('p1'))
})
