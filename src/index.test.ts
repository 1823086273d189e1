import assert from 'node:assert/strict'
import { test } from 'node:test'

test('exposes exactly the public API', async () => {
  const api = await import('./index.js')
  assert.deepEqual(Object.keys(api).sort(), [
    'CrosscheckError',
    'FetchError',
    'InputError',
    'LshIndex',
    'StoreError',
    'alignSentences',
    'alignableSentences',
    'articleId',
    'assembleBody',
    'bandHashes',
    'chronoDateParser',
    'cleanBlocks',
    'comparisonForm',
    'detectLanguage',
    'displayForm',
    'estimateJaccard',
    'fingerprintArticle',
    'ingest',
    'lineageGraph',
    'lshParams',
    'minhash',
    'outletProfiles',
    'prepareArticle',
    'relateArticles',
    'retellingScore',
    'scoreSentencePair',
    'splitSentences',
    'updateLineage',
    'wordDiff',
  ])
})
