/**
 * Relating two articles: align their sentences, classify the relation, and
 * decide the direction. Pure; the lineage stage calls it for each candidate
 * pair, with sentences prepared once per article.
 */
import { disguise } from '../text/confusables.js'
import type { Article } from '../types.js'
import { type AlignableSentence, type BudgetedAlignOpts, alignSentencesWithin } from './align-articles.js'
import { type ClassifyOpts, classifyRelation } from './classify.js'
import { decideDirection } from './direction.js'
import type { Relation } from './types.js'

export interface RelateOpts extends BudgetedAlignOpts, ClassifyOpts {}

/** An article with its sentences ready to align. */
export interface AlignableArticle {
  readonly article: Article
  readonly sentences: readonly AlignableSentence[]
}

/**
 * The relation of two articles, with `a` the one whose id sorts first.
 *
 * @example
 * relateArticles(prepared(wire), prepared(spun)).kind // => 'rewrite'
 */
export function relateArticles(first: AlignableArticle, second: AlignableArticle, opts?: RelateOpts): Relation {
  const [x, y] = first.article.id <= second.article.id ? [first, second] : [second, first]
  const { matches, method } = alignSentencesWithin(x.sentences, y.sentences, opts)
  const { kind, coverageA, coverageB } = classifyRelation(matches, x.article.sentences, y.article.sentences, opts)
  const direction = kind === 'independent' ? { original: null, confidence: 0, reasons: [] } : decideDirection(x.article, y.article)
  return {
    a: x.article.id,
    b: y.article.id,
    kind,
    coverageA: round(coverageA),
    coverageB: round(coverageB),
    matches: kind === 'independent' ? [] : matches,
    direction,
    ...(method.method === 'banded' ? { alignment: { method: 'banded', scored: method.scored, anchors: method.anchors } } : {}),
    ...(kind === 'independent' ? {} : disguises(x.article, y.article)),
  }
}

/**
 * Each article's disguises, read once: an article meets many candidates, and
 * reading its whole text again for every related pair was a sixth of ingest.
 */
const disguiseOf = new WeakMap<Article, ReturnType<typeof disguise>>()

/** The related articles that disguise their words, with how many disguises each uses. */
function disguises(...articles: Article[]): Pick<Relation, 'disguised'> {
  const found = articles
    .map((article) => {
      let found = disguiseOf.get(article)
      if (found === undefined) disguiseOf.set(article, (found = disguise(`${article.title ?? ''}\n${article.text}`)))
      return { article: article.id, ...found }
    })
    .filter((d) => d.lookAlikes > 0 || d.invisible > 0)
  return found.length === 0 ? {} : { disguised: found }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
