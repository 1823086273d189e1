/**
 * Plain-text articles: one block per paragraph, with the line it came from so
 * that every removal can be traced back to the file.
 */
import type { Block, RawDocument, SourceRef } from '../types.js'

/**
 * A text file as a raw document. Lines are blocks (the shape of saved pages:
 * banner, dateline, title, one paragraph a line); hard-wrapped paragraphs
 * (runs of three or more lines of similar length) are joined back.
 */
export function parseTextDocument(text: string, source: SourceRef): RawDocument {
  return { source, format: 'text', blocks: textToBlocks(text), metadata: {}, raw: text, diagnostics: [] }
}

/** Lines of similar length in a run of three or more are a hard-wrapped paragraph. */
const WRAP_MIN = 45
const WRAP_MAX = 100
const WRAP_SPREAD = 35

export function textToBlocks(text: string): Block[] {
  const lines = text.replace(/\r\n?/gu, '\n').split('\n')
  const blocks: Block[] = []
  let group: Array<{ text: string; line: number }> = []
  const flush = (): void => {
    if (group.length === 0) return
    const first = group[0]
    if (first !== undefined && isHardWrapped(group.map((g) => g.text))) {
      blocks.push({ kind: 'text', text: group.map((g) => g.text.trim()).join(' '), sourceLine: first.line })
    } else {
      for (const g of group) blocks.push({ kind: 'text', text: g.text, sourceLine: g.line })
    }
    group = []
  }
  lines.forEach((line, i) => {
    if (line.trim() === '') flush()
    else group.push({ text: line, line: i + 1 })
  })
  flush()
  return blocks
}

function isHardWrapped(lines: readonly string[]): boolean {
  if (lines.length < 3) return false
  // A loop, not Math.min(...lines): a 200,000-line run would overflow the argument stack.
  let shortest = Infinity
  let longest = 0
  for (let i = 0; i < lines.length - 1; i++) {
    const length = (lines[i] as string).trim().length
    if (length < shortest) shortest = length
    if (length > longest) longest = length
  }
  return shortest >= WRAP_MIN && longest <= WRAP_MAX && longest - shortest <= WRAP_SPREAD
}
