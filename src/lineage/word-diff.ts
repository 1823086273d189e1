/**
 * Word-level differences between two aligned sentences, so that a reader
 * sees what a rewrite changed and what it kept (names, numbers, quotes).
 */
import { comparisonForm } from '../text/normalize.js'

export interface DiffPart {
  readonly kind: 'same' | 'removed' | 'added'
  /** The words as `before` has them (`after`'s for an added run). */
  readonly text: string
  /** For a kept run whose punctuation differs ("Lisovar." / "Lisovar,"), the words as `after` has them. */
  readonly after?: string
}

const WORD = /\S+/gu

/**
 * The words of `before` and `after` as a sequence of kept, removed and added
 * runs (longest common subsequence of words, compared in comparison form).
 *
 * @example
 * wordDiff('The council was united', 'The Council was united today')
 * // => [{ kind: 'same', text: 'The' }, { kind: 'removed', text: 'council' }, { kind: 'added', text: 'Council' },
 * //     { kind: 'same', text: 'was united' }, { kind: 'added', text: 'today' }]
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = before.match(WORD) ?? []
  const b = after.match(WORD) ?? []
  const keyA = a.map(key)
  const keyB = b.map(key)
  const n = a.length
  const m = b.length
  // lcs[i][j]: length of the LCS of a[i..] and b[j..].
  const lcs = new Uint16Array((n + 1) * (m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        keyA[i] === keyB[j] && keyA[i] !== ''
          ? (lcs[(i + 1) * (m + 1) + j + 1] as number) + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j] as number, lcs[i * (m + 1) + j + 1] as number)
    }
  }
  const parts: DiffPart[] = []
  const push = (kind: DiffPart['kind'], word: string, afterWord = word): void => {
    const last = parts.at(-1)
    if (last?.kind === kind) {
      const text = `${last.text} ${word}`
      const after = `${last.after ?? last.text} ${afterWord}`
      parts[parts.length - 1] = after === text ? { kind, text } : { kind, text, after }
    } else parts.push(afterWord === word ? { kind, text: word } : { kind, text: word, after: afterWord })
  }
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && keyA[i] === keyB[j] && bare(a[i] as string) === bare(b[j] as string)) {
      push('same', a[i] as string, b[j] as string)
      i++
      j++
    } else if (i < n && j < m && keyA[i] === keyB[j]) {
      // Same word, different spelling or case ("council" / "Council"): show both.
      push('removed', a[i] as string)
      push('added', b[j] as string)
      i++
      j++
    } else if (j >= m || (i < n && (lcs[(i + 1) * (m + 1) + j] as number) >= (lcs[i * (m + 1) + j + 1] as number))) {
      push('removed', a[i] as string)
      i++
    } else {
      push('added', b[j] as string)
      j++
    }
  }
  return parts
}

/** Words match when their comparison forms match, ignoring punctuation at their ends. */
function key(word: string): string {
  return comparisonForm(bare(word))
}

/** The word without punctuation at its ends, case kept. */
function bare(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
}
