/**
 * Two aligned texts in two columns for a terminal: each row a sentence of
 * the left article and the sentence of the right one that retells it, with
 * the changed words marked.
 */
import type { DiffPart } from '../lineage/word-diff.js'

export interface Row {
  readonly left: readonly DiffPart[] | null
  readonly right: readonly DiffPart[] | null
  readonly note?: string
}

export interface SideBySideOpts {
  readonly width: number
  /** ANSI colours instead of [-…-] / {+…+} markers. */
  readonly colour: boolean
}

const RED = '\x1b[31m'
const GREEN = '\x1b[32m'
const RESET = '\x1b[0m'
const GAP = ' │ '

/** Render rows as two wrapped columns. */
export function sideBySide(rows: readonly Row[], opts: SideBySideOpts): string {
  const column = Math.max(20, Math.floor((opts.width - GAP.length) / 2))
  const lines: string[] = []
  for (const row of rows) {
    if (row.note !== undefined) lines.push(row.note)
    const left = row.left === null ? ['—'] : wrap(row.left, 'left', column, opts.colour)
    const right = row.right === null ? ['—'] : wrap(row.right, 'right', column, opts.colour)
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const l = left[i] ?? { text: '', visible: 0 }
      const r = right[i] ?? { text: '', visible: 0 }
      const leftText = typeof l === 'string' ? l : l.text
      const leftVisible = typeof l === 'string' ? l.length : l.visible
      lines.push(`${leftText}${' '.repeat(Math.max(0, column - leftVisible))}${GAP}${typeof r === 'string' ? r : r.text}`.trimEnd())
    }
    lines.push('')
  }
  return lines.join('\n')
}

interface Piece {
  readonly text: string
  readonly visible: number
}

/** The parts of one side, marked, wrapped at `width` visible characters. */
function wrap(parts: readonly DiffPart[], side: 'left' | 'right', width: number, colour: boolean): Piece[] {
  const words: Piece[] = []
  for (const part of parts) {
    if (part.kind === (side === 'left' ? 'added' : 'removed')) continue
    const text = side === 'right' && part.kind === 'same' ? (part.after ?? part.text) : part.text
    for (const [i, word] of text.split(' ').entries()) {
      const changed = part.kind !== 'same'
      const first = i === 0
      const last = i === text.split(' ').length - 1
      if (!changed) words.push({ text: word, visible: word.length })
      else if (colour) words.push({ text: `${side === 'left' ? RED : GREEN}${word}${RESET}`, visible: word.length })
      else {
        const [open, close] = side === 'left' ? ['[-', '-]'] : ['{+', '+}']
        const marked = `${first ? open : ''}${word}${last ? close : ''}`
        words.push({ text: marked, visible: marked.length })
      }
    }
  }
  const lines: Piece[] = []
  let text = ''
  let visible = 0
  for (const word of words) {
    if (visible > 0 && visible + 1 + word.visible > width) {
      lines.push({ text, visible })
      text = ''
      visible = 0
    }
    text = visible === 0 ? word.text : `${text} ${word.text}`
    visible += (visible === 0 ? 0 : 1) + word.visible
  }
  if (visible > 0) lines.push({ text, visible })
  return lines.length === 0 ? [{ text: '', visible: 0 }] : lines
}
