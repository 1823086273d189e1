/**
 * The lineage stage of ingestion: for newly stored articles, find their
 * candidates among everything stored, relate each pair once, and keep the
 * relations that are not independent. Speaks only the `Store` interface.
 */
import type { Store } from '../store/store.js'
import type { Article } from '../types.js'
import { alignableSentences } from './align-articles.js'
import type { Fingerprint } from './fingerprint.js'
import { type AlignableArticle, type RelateOpts, relateArticles } from './relate.js'
import type { Relation } from './types.js'

export interface UpdateLineageOpts extends RelateOpts {
  /** Candidates aligned per new article: bounds the work an article can cost. @default 20 */
  readonly maxCandidates?: number
}

/**
 * Relate `fresh` articles (already stored, with their fingerprints stored)
 * to their candidates. Each pair is related once: a fresh article is not
 * related to a fresh article that comes after it, which will meet it as a
 * candidate in turn. The relation itself is symmetric, so arrival order
 * never changes it.
 */
export async function updateLineage(
  store: Store,
  fresh: ReadonlyArray<{ readonly article: Article; readonly fingerprint: Fingerprint }>,
  opts?: UpdateLineageOpts,
): Promise<Relation[]> {
  const found: Relation[] = []
  const later = new Set(fresh.map((item) => item.article.id))
  const prepared = new Map<string, AlignableArticle>()
  const alignable = (article: Article): AlignableArticle => {
    let entry = prepared.get(article.id)
    if (entry === undefined) {
      entry = { article, sentences: alignableSentences(article) }
      prepared.set(article.id, entry)
    }
    return entry
  }
  for (const { article, fingerprint } of fresh) {
    later.delete(article.id)
    const candidates = await store.findCandidates(fingerprint, { limit: opts?.maxCandidates ?? 20 })
    const ids = candidates.map((candidate) => candidate.id).filter((id) => !later.has(id))
    const others = await store.getArticles(ids.filter((id) => !prepared.has(id)))
    for (const other of others) alignable(other)
    const self = alignable(article)
    for (const id of ids) {
      const other = prepared.get(id)
      if (other === undefined) continue
      const relation = relateArticles(self, other, opts)
      if (relation.kind !== 'independent') found.push(relation)
    }
  }
  await store.putRelations(found)
  return found
}
