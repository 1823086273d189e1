/**
 * The reference baseline of `bench/README.md` for story clustering: TF-IDF
 * with log term frequency (IDF over the whole set), cosine similarity, one
 * pass; each document joins the most similar centroid when the similarity
 * reaches the threshold. Kept in eval/ because it exists to be beaten.
 */
import { comparisonForm, words } from '../../dist/text/normalize.js'

export interface TfidfSinglePassOpts {
  /** @default 0.15 (the threshold the README chose on the validation topics) */
  readonly threshold?: number
}

/**
 * Cluster label (0, 1, …) of every text, in input order.
 *
 * @example
 * tfidfSinglePass(['dam breaks in Orvale', 'Orvale dam breaks', 'election results']) // => [0, 0, 1]
 */
export function tfidfSinglePass(texts: readonly string[], opts?: TfidfSinglePassOpts): number[] {
  const threshold = opts?.threshold ?? 0.15
  const counts = texts.map((text) => {
    const tf = new Map<string, number>()
    for (const word of words(comparisonForm(text))) tf.set(word, (tf.get(word) ?? 0) + 1)
    return tf
  })
  const df = new Map<string, number>()
  for (const tf of counts) for (const word of tf.keys()) df.set(word, (df.get(word) ?? 0) + 1)
  const vectors = counts.map((tf) => {
    const v = new Map<string, number>()
    let norm = 0
    for (const [word, count] of tf) {
      const w = (1 + Math.log(count)) * Math.log(texts.length / (df.get(word) as number))
      v.set(word, w)
      norm += w * w
    }
    norm = Math.sqrt(norm) || 1
    for (const [word, w] of v) v.set(word, w / norm)
    return v
  })
  const centroids: Array<{ sum: Map<string, number>; norm: number }> = []
  return vectors.map((v) => {
    let best = -1
    let bestSim = -1
    centroids.forEach((c, i) => {
      let dot = 0
      for (const [word, w] of v) dot += w * (c.sum.get(word) ?? 0)
      const sim = c.norm === 0 ? 0 : dot / c.norm
      if (sim > bestSim) {
        bestSim = sim
        best = i
      }
    })
    if (best < 0 || bestSim < threshold) {
      centroids.push({ sum: new Map(v), norm: 1 })
      return centroids.length - 1
    }
    const c = centroids[best] as { sum: Map<string, number>; norm: number }
    for (const [word, w] of v) c.sum.set(word, (c.sum.get(word) ?? 0) + w)
    let norm = 0
    for (const w of c.sum.values()) norm += w * w
    c.norm = Math.sqrt(norm)
    return best
  })
}
