import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { aebPageCounts, aebScore, aebTokens } from './aeb-metric.js'
import { sharedDir } from '../../dist/testing/shared-data.js'

test('tokens are runs of letters, numbers and underscore', () => {
  assert.deepEqual(aebTokens('Don’t stop, 2-way_road!'), ['Don', 't', 'stop', '2', 'way_road'])
  // Combining marks split words, as Python's \w does.
  assert.deepEqual(aebTokens('cafe\u0301 bar'), ['cafe', 'bar'])
})

test('a prediction missing the last token gets half the shingles (3-token shingles)', () => {
  assert.deepEqual(aebPageCounts('a b c d', 'a b c', 3), { tp: 0.5, fp: 0, fn: 0.5 })
})

test('repeated truth shingles count as a multiset', () => {
  assert.deepEqual(aebPageCounts('a b c a b c', 'a b c', 3), { tp: 0.25, fp: 0, fn: 0.75 })
})

test('two empty texts give zero counts and are left out of both means', () => {
  assert.deepEqual(aebPageCounts('', '', 3), { tp: 0, fp: 0, fn: 0 })
  const scores = aebScore([
    { truth: '', prediction: '' },
    { truth: 'one two three four five', prediction: 'one two three four five' },
  ])
  assert.equal(scores.precision, 1)
  assert.equal(scores.recall, 1)
  assert.equal(scores.accuracy, 1)
})

interface BodyFile {
  readonly [id: string]: { readonly articleBody?: string }
}

function readBodies(path: string): BodyFile {
  const json = JSON.parse(readFileSync(path, 'utf8')) as { output?: BodyFile } & BodyFile
  return (json.output as BodyFile | undefined) ?? json
}

const shared = sharedDir()
const aeb = shared === null ? null : join(shared, 'bench', 'aeb')
const skip = aeb === null ? 'shared data folder absent (set CROSSCHECK_SHARED or place it at ../shared)' : false

// The published values from bench/README.md, section 5 ("Metric check").
const PUBLISHED: ReadonlyArray<readonly [string, number, number, number, number]> = [
  ['html-text.json', 0.690269, 0.528796, 0.993706, 0.0],
  ['readability_js.json', 0.952086, 0.923799, 0.982161, 0.166667],
  ['trafilatura.json', 0.958227, 0.942798, 0.974169, 0.255556],
]

for (const [file, f1, precision, recall, accuracy] of PUBLISHED) {
  test(`reproduces the published scores of ${file} on the development part`, { skip }, () => {
    assert.ok(aeb !== null)
    const truth = readBodies(join(aeb, 'ground-truth.json'))
    const predicted = readBodies(join(aeb, 'reference-outputs', file))
    assert.deepEqual(Object.keys(predicted).sort(), Object.keys(truth).sort())
    const scores = aebScore(
      Object.keys(truth).map((id) => ({
        truth: truth[id]?.articleBody ?? '',
        prediction: predicted[id]?.articleBody ?? '',
      })),
    )
    assert.equal(scores.f1.toFixed(6), f1.toFixed(6))
    assert.equal(scores.precision.toFixed(6), precision.toFixed(6))
    assert.equal(scores.recall.toFixed(6), recall.toFixed(6))
    assert.equal(scores.accuracy.toFixed(6), accuracy.toFixed(6))
  })
}
