/**
 * Naming an article or a story: a bare number that is both a story and an
 * article id prefix is refused with the two explicit spellings; the
 * explicit forms pick one; a number that is only one of them is that one.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CrosscheckError } from '../errors.js'
import type { Article, StoryDetail } from '../types.js'
import { resolveTarget } from './targets.js'

const ARTICLE = { id: '2960c1a4b7e0d529' } as Article
const STORY: StoryDetail = {
  id: 2960,
  askedFor: 2960,
  titles: ['Korvel Dam collapse kills at least 41'],
  firstSeen: '2026-04-15',
  lastSeen: '2026-04-17',
  members: 6,
  outlets: ['Civic Ledger'],
  memberIds: [],
}

/** Story 2960 and article 2960c1a4…, as a store would find them. */
const store = {
  getArticle: async (prefix: string) => (ARTICLE.id.startsWith(prefix) ? ARTICLE : null),
  getStory: async (id: number) => (id === STORY.id ? STORY : null),
}

test('a bare number that names a story and an article is refused, listing both explicit forms', async () => {
  await assert.rejects(
    resolveTarget(store, '2960', 'claims'),
    (error: unknown) =>
      error instanceof CrosscheckError &&
      error.code === 'AMBIGUOUS_ID' &&
      error.message.includes('crosscheck claims story:2960') &&
      error.message.includes(`crosscheck claims article:${ARTICLE.id}`),
  )
})

test('story:<n> and article:<id> say which', async () => {
  assert.equal((await resolveTarget(store, 'story:2960', 'claims')).kind, 'story')
  const article = await resolveTarget(store, 'article:2960', 'claims')
  assert.equal(article.kind === 'article' ? article.article.id : null, ARTICLE.id)
})

test('a number that is only an article prefix, or only a story, is that one', async () => {
  assert.equal((await resolveTarget(store, '2960c1', 'claims')).kind, 'article')
  assert.equal((await resolveTarget(store, '2960c', 'claims')).kind, 'article')
  const onlyArticle = { ...store, getStory: async () => null }
  assert.equal((await resolveTarget(onlyArticle, '2960', 'claims')).kind, 'article')
  const onlyStory = { ...store, getArticle: async () => null }
  assert.equal((await resolveTarget(onlyStory, '2960', 'claims')).kind, 'story')
  // Under 4 digits a number is never an article prefix.
  await assert.rejects(resolveTarget(store, '296', 'claims'), /no story 296 \(see crosscheck stories\)/u)
})
