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
 * Cells of the word table one diff may fill (a 1,000 × 1,000-word middle):
 * the sentences of real articles are far shorter, and a 3-million-word
 * "sentence" must not ask for terabytes.
 */
export const DEFAULT_MAX_DIFF_CELLS = 1_000_000

export interface WordDiffOpts {
  /** Largest word table, in cells, after kept runs at both ends are set aside. @default DEFAULT_MAX_DIFF_CELLS */
  readonly maxCells?: number
}

/**
 * The words of `before` and `after` as a sequence of kept, removed and added
 * runs (longest common subsequence of words, compared in comparison form).
 *
 * @example
 * wordDiff('The council was united', 'The Council was united today')
 * // => [{ kind: 'same', text: 'The' }, { kind: 'removed', text: 'council' }, { kind: 'added', text: 'Council' },
 * //     { kind: 'same', text: 'was united' }, { kind: 'added', text: 'today' }]
 */
export function wordDiff(before: string, after: string, opts?: WordDiffOpts): DiffPart[] {
  const maxCells = opts?.maxCells ?? DEFAULT_MAX_DIFF_CELLS
  const a = before.match(WORD) ?? []
  const b = after.match(WORD) ?? []
  const keyA = a.map(key)
  const keyB = b.map(key)
  // Runs kept at both ends cost nothing to find; only the middle needs the table.
  let head = 0
  while (head < a.length && head < b.length && keyA[head] === keyB[head] && keyA[head] !== '') head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && keyA[a.length - 1 - tail] === keyB[b.length - 1 - tail] && keyA[a.length - 1 - tail] !== '') tail++
  const n = a.length - head - tail
  const m = b.length - head - tail
  const parts: DiffPart[] = []
  const push = (kind: DiffPart['kind'], word: string, afterWord = word): void => {
    const last = parts.at(-1)
    if (last?.kind === kind) {
      const text = `${last.text} ${word}`
      const after = `${last.after ?? last.text} ${afterWord}`
      parts[parts.length - 1] = after === text ? { kind, text } : { kind, text, after }
    } else parts.push(afterWord === word ? { kind, text: word } : { kind, text: word, after: afterWord })
  }
  const kept = (i: number, j: number): void => {
    if (bare(a[i] as string) === bare(b[j] as string)) push('same', a[i] as string, b[j] as string)
    else {
      // Same word, different spelling or case ("council" / "Council"): show both.
      push('removed', a[i] as string)
      push('added', b[j] as string)
    }
  }
  for (let k = 0; k < head; k++) kept(k, k)
  if ((n + 1) * (m + 1) > maxCells) {
    // Over the budget (two very long, very different sentences): the middle is shown as replaced whole.
    for (let i = head; i < head + n; i++) push('removed', a[i] as string)
    for (let j = head; j < head + m; j++) push('added', b[j] as string)
  } else {
    // lcs[i][j]: length of the LCS of the middle's a[i..] and b[j..]. The budget keeps it under 2^16.
    const lcs = new Uint16Array((n + 1) * (m + 1))
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * (m + 1) + j] =
          keyA[head + i] === keyB[head + j] && keyA[head + i] !== ''
            ? (lcs[(i + 1) * (m + 1) + j + 1] as number) + 1
            : Math.max(lcs[(i + 1) * (m + 1) + j] as number, lcs[i * (m + 1) + j + 1] as number)
      }
    }
    let i = 0
    let j = 0
    while (i < n || j < m) {
      if (i < n && j < m && keyA[head + i] === keyB[head + j]) {
        kept(head + i, head + j)
        i++
        j++
      } else if (j >= m || (i < n && (lcs[(i + 1) * (m + 1) + j] as number) >= (lcs[i * (m + 1) + j + 1] as number))) {
        push('removed', a[head + i] as string)
        i++
      } else {
        push('added', b[head + j] as string)
        j++
      }
    }
  }
  for (let k = 0; k < tail; k++) kept(a.length - tail + k, b.length - tail + k)
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
