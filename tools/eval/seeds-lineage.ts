/**
 * `npm run eval -- seeds-lineage <folder>`: relates every pair the answer
 * key lists (`relations.pairs` in expected.json) and checks the kind, and
 * the original where the key names one: naming the wrong original fails,
 * and "unknown" passes only where the key says the direction is not strict.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { alignableSentences } from '../../dist/lineage/align-articles.js'
import { relateArticles, type AlignableArticle } from '../../dist/lineage/relate.js'
import type { Relation } from '../../dist/lineage/types.js'
import { locateDocument, readKeyedArticle } from './answer-key.js'
import type { EvalResult, EvalTask } from './task.js'

interface ExpectedPair {
  readonly a: string
  readonly b: string
  readonly kind: Relation['kind']
  /** The key's original (a file key), when it names one. */
  readonly original?: string | null
  /** False when "unknown" is an acceptable answer for the direction. */
  readonly originalStrict?: boolean
}

export const seedsLineage: EvalTask = async (folder) => {
  const key = JSON.parse(await readFile(join(folder, 'expected.json'), 'utf8')) as { relations: { pairs: ExpectedPair[] } }
  const pairs = key.relations.pairs
  const names = [...new Set(pairs.flatMap((pair) => [pair.a, pair.b]))]
  const articles = new Map<string, AlignableArticle>()
  for (const name of names) {
    const article = await readKeyedArticle(locateDocument(folder, name))
    articles.set(name, { article, sentences: alignableSentences(article) })
  }
  const nameOf = new Map([...articles].map(([name, prepared]) => [prepared.article.id, name]))

  const table: Array<Record<string, string | number>> = []
  const notes: string[] = []
  let kindsRight = 0
  let directionsRight = 0
  let directionsChecked = 0
  for (const pair of pairs) {
    const left = articles.get(pair.a)
    const right = articles.get(pair.b)
    if (left === undefined || right === undefined) continue
    const relation = relateArticles(left, right)
    const original = relation.direction.original === null ? null : (nameOf.get(relation.direction.original) ?? null)
    const kindOk = relation.kind === pair.kind
    if (kindOk) kindsRight++
    else notes.push(`FAIL ${short(pair.a)}/${short(pair.b)}: ${relation.kind}, expected ${pair.kind}`)
    let directionOk = true
    if (pair.original !== undefined && pair.original !== null) {
      directionsChecked++
      directionOk = original === pair.original || (original === null && pair.originalStrict === false)
      if (directionOk) directionsRight++
      else notes.push(`FAIL ${short(pair.a)}/${short(pair.b)}: original ${original ?? 'unknown'}, expected ${pair.original}`)
    } else if (original !== null && pair.original === null && pair.originalStrict !== false) {
      // The key says no original can be named; naming one is a failure only when it is strict.
      directionOk = false
      notes.push(`FAIL ${short(pair.a)}/${short(pair.b)}: named ${original} as the original, the key names none`)
    }
    table.push({
      pair: `${short(pair.a)} / ${short(pair.b)}`,
      expected: pair.kind,
      found: relation.kind,
      'coverage a': Number(relation.coverageA.toFixed(2)),
      'coverage b': Number(relation.coverageB.toFixed(2)),
      matches: relation.matches.filter((m) => !m.quoteOnly).length,
      original: original === null ? (relation.kind === 'independent' ? '' : 'unknown') : short(original),
      ok: kindOk && directionOk ? 'yes' : 'NO',
    })
  }
  const passed = table.filter((row) => row['ok'] === 'yes').length
  return {
    table,
    metrics: {
      kind_accuracy: pairs.length === 0 ? 1 : kindsRight / pairs.length,
      direction_accuracy: directionsChecked === 0 ? 1 : directionsRight / directionsChecked,
    },
    checks: { passed, failed: table.length - passed },
    notes,
  } satisfies EvalResult
}

function short(name: string): string {
  return name.replace(/_[0-9a-f]{16}\.txt$/u, '')
}
