/**
 * A story's label: the member headline that shares the most words with the
 * other members' headlines (the most central one), so that one outlet's
 * quirky headline does not name the story.
 */
import { isStopword } from '../text/stopwords.js'
import { comparisonForm, words } from '../text/normalize.js'

/**
 * @example
 * storyLabel(['Dam bursts above Lisovar', 'Korvel Dam bursts, town flooded', 'Lisovar counts its dead'])
 * // => 'Korvel Dam bursts, town flooded'
 */
export function storyLabel(titles: readonly string[]): string | null {
  if (titles.length === 0) return null
  const sets = titles.map((title) => new Set(words(comparisonForm(title)).filter((w) => !isStopword(w))))
  let best = 0
  let bestScore = -1
  sets.forEach((set, i) => {
    let score = 0
    sets.forEach((other, j) => {
      if (i === j || set.size === 0) return
      let shared = 0
      for (const word of set) if (other.has(word)) shared++
      score += shared / Math.sqrt(set.size * Math.max(1, other.size))
    })
    if (score > bestScore) {
      best = i
      bestScore = score
    }
  })
  return titles[best] ?? null
}
