import assert from 'node:assert/strict'
import { test } from 'node:test'
import { assignArticle, calibrate, createClusterState, exportActiveStories, importStories, retireStories } from './online-clusterer.js'
import { decodeClusterSnapshot, encodeClusterSnapshot } from './snapshot-format.js'
import { storyFeatures } from './story-features.js'

// Invented reports: one quake in Valdoria reported twice, another quake in Norrhaven the same week.
const QUAKE_A1 = {
  title: 'Earthquake of magnitude 6.1 strikes Valdoria',
  text: 'An earthquake of magnitude 6.1 struck near Port Esselby in Valdoria on Tuesday, killing 23 people. Governor Mirela Tascu said rescue teams from Brennick were searching collapsed buildings.',
  published: '2026-03-10',
}
const QUAKE_A2 = {
  title: 'Valdoria quake kills 23 near Port Esselby',
  text: 'Rescuers searched the rubble in Port Esselby after a 6.1 magnitude earthquake hit Valdoria, leaving 23 dead. Governor Mirela Tascu asked for help from Brennick.',
  published: '2026-03-10',
}
const QUAKE_B = {
  title: 'Earthquake of magnitude 5.4 hits Norrhaven',
  text: 'An earthquake of magnitude 5.4 struck near Kessling in Norrhaven on Thursday, killing 4 people. Mayor Anders Holm said rescue teams were searching collapsed buildings.',
  published: '2026-03-12',
}
const ELECTION = {
  title: 'Tolvania votes in snap election',
  text: 'Voters in Tolvania chose a new parliament on Sunday after Prime Minister Oskar Vell called a snap election.',
  published: '2026-03-15',
}

test('two reports of one event join; a similar event elsewhere stays apart', () => {
  const state = createClusterState()
  const a1 = assignArticle(state, 'a1', storyFeatures(QUAKE_A1))
  const a2 = assignArticle(state, 'a2', storyFeatures(QUAKE_A2))
  const b = assignArticle(state, 'b', storyFeatures(QUAKE_B))
  assert.equal(a1.created, true)
  assert.equal(a2.story, a1.story)
  assert.equal(a2.created, false)
  assert.ok(a2.score >= state.opts.threshold)
  assert.notEqual(b.story, a1.story)
  assert.equal(b.created, true)
})

test('stories retire out of the window and their index entries go', () => {
  const state = createClusterState({ windowDays: 3 })
  assignArticle(state, 'a1', storyFeatures(QUAKE_A1))
  assignArticle(state, 'b', storyFeatures(QUAKE_B))
  const indexed = state.index.size
  assert.equal(state.stories.size, 2)
  // Five days after the Valdoria quake: its story (last seen day 10) retires, Norrhaven's (day 12) stays.
  assignArticle(state, 'e', storyFeatures(ELECTION))
  assert.equal(state.stories.size, 2)
  assert.equal(state.retired, 1)
  assert.ok([...state.stories.values()].every((s) => s.firstMember !== 'a1'))
  assert.deepEqual(retireStories(state, state.clock + 10).length, 2)
  assert.equal(state.stories.size, 0)
  assert.equal(state.index.size, 0)
  assert.ok(indexed > 0)
})

test('the same articles in the same order give the same stories', () => {
  const run = (): unknown => {
    const state = createClusterState()
    return [QUAKE_A1, QUAKE_B, QUAKE_A2, ELECTION].map((a, i) => assignArticle(state, `x${i}`, storyFeatures(a)))
  }
  assert.deepEqual(run(), run())
})

test('export and import round-trip: the reloaded state continues exactly like the original', () => {
  const original = createClusterState()
  assignArticle(original, 'a1', storyFeatures(QUAKE_A1))
  assignArticle(original, 'b', storyFeatures(QUAKE_B))
  const snapshot = structuredClone(exportActiveStories(original))
  const reloaded = importStories(snapshot)
  assert.deepEqual(exportActiveStories(reloaded), exportActiveStories(original))
  const next = [QUAKE_A2, ELECTION].map((a) => storyFeatures(a))
  assert.deepEqual(
    next.map((f, i) => assignArticle(reloaded, `n${i}`, f)),
    next.map((f, i) => assignArticle(original, `n${i}`, f)),
  )
  assert.deepEqual(reloaded.index, original.index)
  assert.throws(() => importStories(snapshot, { dfBits: 12 }), TypeError)
})

test('mustJoin puts a rewrite into its relative’s story whatever the similarity', () => {
  const state = createClusterState()
  const quake = assignArticle(state, 'a1', storyFeatures(QUAKE_A1))
  const forced = assignArticle(state, 'e', storyFeatures(ELECTION), { mustJoin: quake.story })
  assert.equal(forced.story, quake.story)
  assert.equal(forced.created, false)
  assert.ok(forced.score < state.opts.threshold)
  // An unknown story: assigned as usual.
  assert.equal(assignArticle(state, 'b', storyFeatures(QUAKE_B), { mustJoin: 999 }).created, true)
})

test('story ids increase and are never reused after retirement', () => {
  const state = createClusterState({ windowDays: 1 })
  const first = assignArticle(state, 'a1', storyFeatures(QUAKE_A1)).story
  retireStories(state, state.clock + 5)
  const second = assignArticle(state, 'a2', storyFeatures(QUAKE_A2)).story
  assert.ok(second > first)
})

test('a feed item’s full article, found later at the same address, joins the item’s story whatever its words', () => {
  const state = createClusterState()
  const item = assignArticle(
    state,
    'item',
    storyFeatures({ title: 'Valdoria quake: dozens feared dead', text: '', published: '2026-03-10', url: 'https://quake.example/valdoria?utm_source=rss' }),
  )
  assignArticle(state, 'other', storyFeatures(ELECTION))
  // The page fetched later says far more than its headline did, in other words; only the address ties them.
  const page = assignArticle(state, 'page', storyFeatures({ ...ELECTION, title: 'Rescuers dig through the night', url: 'https://quake.example/valdoria#top' }))
  assert.equal(page.story, item.story)
  // The addresses are part of the saved state: a reloaded clusterer ties them the same way.
  const reloaded = importStories(structuredClone(exportActiveStories(state)))
  const again = assignArticle(reloaded, 'page2', storyFeatures({ ...QUAKE_B, url: 'https://quake.example/valdoria' }))
  assert.equal(again.story, item.story)
  // A story that retires forgets its addresses.
  retireStories(reloaded, reloaded.clock + 30)
  assert.equal(reloaded.links.size, 0)
})

test('short items are judged with their own weights, long ones with the articles’, blended in between', () => {
  const o = createClusterState().opts
  assert.equal(calibrate(o, 0).termWeight, o.shortTermWeight)
  assert.equal(calibrate(o, o.shortWords).entityWeight, o.shortEntityWeight)
  assert.equal(calibrate(o, o.fullWords), o)
  const middle = calibrate(o, (o.shortWords + o.fullWords) / 2)
  assert.ok(Math.abs(middle.termWeight - (o.termWeight + o.shortTermWeight) / 2) < 1e-9)
  assert.equal(storyFeatures({ title: 'Quake', text: 'Two words', published: null }).words, 2)
})

test('the saved JSON state keeps the stories’ addresses, and a state saved before them reads as having none', () => {
  const state = createClusterState()
  assignArticle(
    state,
    'item',
    storyFeatures({ title: 'Valdoria quake: dozens feared dead', text: '', published: '2026-03-10', url: 'https://quake.example/valdoria' }),
  )
  const json = encodeClusterSnapshot(exportActiveStories(state))
  const reloaded = importStories(decodeClusterSnapshot(json))
  assert.deepEqual(reloaded.links, state.links)
  const older = JSON.parse(json) as { stories: Array<Record<string, unknown>> }
  for (const story of older.stories) delete story.links
  assert.equal(importStories(decodeClusterSnapshot(JSON.stringify(older))).links.size, 0)
})
