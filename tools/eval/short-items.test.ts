import assert from 'node:assert/strict'
import { test } from 'node:test'
import { headlineOf, shortItemSets, snippetText, type ClusterDocument } from './short-items.js'

// Invented documents in the clustering layout: the title is the first line of the text.
const DOCS: ClusterDocument[] = Array.from({ length: 30 }, (_, i) => ({
  id: `d${i}`,
  title: i % 5 === 0 ? 'June 06 , 2013' : `Ferry number ${i} halted on Lake Velm`,
  text: [
    i % 5 === 0 ? 'June 06 , 2013' : `Ferry number ${i} halted on Lake Velm`,
    'Posted on Thu Jun 13 , 2013 08 : 45 AM PDT',
    i % 5 === 0 ? `Ferry number ${i} halted on Lake Velm` : 'Inspectors found corrosion in the hull of the ferry on Tuesday.',
    'The operator said a replacement boat would take six weeks to arrive.',
  ].join('\n'),
  date: null,
  cluster: `c${i % 3}`,
  url: i % 2 === 0 ? null : `https://velm.example/${i}`,
}))

test('a dateline standing for a title is passed over for the first line with words', () => {
  assert.equal(headlineOf(DOCS[0] as ClusterDocument), 'Ferry number 0 halted on Lake Velm')
  assert.equal(headlineOf(DOCS[1] as ClusterDocument), 'Ferry number 1 halted on Lake Velm')
  assert.equal(snippetText(DOCS[1] as ClusterDocument), 'Ferry number 1 halted on Lake Velm\nInspectors found corrosion in the hull of the ferry on Tuesday.')
  assert.equal(
    snippetText(DOCS[0] as ClusterDocument),
    'Ferry number 0 halted on Lake Velm\nThe operator said a replacement boat would take six weeks to arrive.',
  )
})

test('the variants keep every document and its cluster; a late full article shares its short item’s address', () => {
  const sets = shortItemSets(DOCS, { fullArticleDelay: 3 })
  assert.equal(sets.headline.length, DOCS.length)
  assert.ok(sets.headline.every((doc) => doc.text === ''))
  assert.ok(sets.snippet.every((doc, i) => doc.cluster === DOCS[i]?.cluster && (doc.text ?? '').split('\n').length <= 2))
  const late = sets.mixed.filter((doc) => doc.id.endsWith('~full'))
  assert.ok(late.length > 0)
  assert.equal(sets.mixed.length, DOCS.length + late.length)
  for (const full of late) {
    const short = sets.mixed.find((doc) => doc.id === full.id.replace(/~full$/u, '')) as ClusterDocument
    assert.equal(full.url, short.url)
    assert.equal(full.cluster, short.cluster)
    assert.ok(sets.mixed.indexOf(full) > sets.mixed.indexOf(short))
  }
  // Deterministic: the same set twice.
  assert.deepEqual(shortItemSets(DOCS, { fullArticleDelay: 3 }), sets)
})
