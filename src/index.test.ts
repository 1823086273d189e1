import assert from 'node:assert/strict'
import { test } from 'node:test'

test('exposes exactly the public API', async () => {
  const api = await import('./index.js')
  assert.deepEqual(Object.keys(api).sort(), [
    'CrosscheckError',
    'FetchError',
    'InputError',
    'StoreError',
    'articleId',
    'assembleBody',
    'chronoDateParser',
    'cleanBlocks',
    'comparisonForm',
    'detectLanguage',
    'displayForm',
    'ingest',
    'prepareArticle',
    'splitSentences',
  ])
})
