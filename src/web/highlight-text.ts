/**
 * Highlights laid into a stretch of text as properly nested marks. Claims
 * overlap: a figure sits inside a quotation, an entity inside a figure's
 * source, a quotation may start in one sentence's figure and end past it.
 * Marks that nest stay nested; a mark that crosses the end of the mark it
 * starts in is split there, its continuation marked as one (no id, so the
 * id stays unique and the side list jumps to the start). Built with a stack,
 * not recursion, so no input can make it deep.
 */
import { raw } from 'hono/html'
import type { Highlight, HighlightKind } from '../read/article-highlights.js'
import type { Html } from './html.js'

/** One piece of a highlight inside the stretch, after splitting. */
export interface MarkPiece {
  readonly highlight: number
  readonly start: number
  readonly end: number
  /** True for every piece but the first of its highlight. */
  readonly continued: boolean
}

const KIND_ORDER: Record<HighlightKind, number> = { quote: 0, speech: 1, figure: 2, event: 3, entity: 4 }

/**
 * The pieces of `highlights` within [from, to), ordered so that each piece
 * lies wholly inside the open pieces before it that contain its start.
 *
 * @example
 * // a quote 0-20 and a figure 15-25: the figure is cut at 20
 * nestPieces([{ kind: 'quote', spans: [{ start: 0, end: 20 }] }, { kind: 'figure', spans: [{ start: 15, end: 25 }] }], 0, 30)
 * // => [{ highlight: 0, start: 0, end: 20 }, { highlight: 1, start: 15, end: 20 }, { highlight: 1, start: 20, end: 25, continued: true }]
 */
export function nestPieces(highlights: readonly Pick<Highlight, 'kind' | 'spans'>[], from: number, to: number, firstSeen = new Set<number>()): MarkPiece[] {
  const queue: MarkPiece[] = []
  highlights.forEach((highlight, index) => {
    for (const span of highlight.spans) {
      const start = Math.max(span.start, from)
      const end = Math.min(span.end, to)
      if (end <= start) continue
      queue.push({ highlight: index, start, end, continued: false })
    }
  })
  const kinds = highlights.map((h) => KIND_ORDER[h.kind])
  const before = (x: MarkPiece, y: MarkPiece) =>
    x.start - y.start || y.end - x.end || (kinds[x.highlight] ?? 0) - (kinds[y.highlight] ?? 0) || x.highlight - y.highlight
  queue.sort(before)
  const out: MarkPiece[] = []
  const open: MarkPiece[] = []
  for (let i = 0; i < queue.length; i++) {
    let piece = queue[i] as MarkPiece
    while (open.length > 0 && (open.at(-1) as MarkPiece).end <= piece.start) open.pop()
    const parent = open.at(-1)
    if (parent !== undefined && piece.end > parent.end) {
      // Cut at the parent's end; the rest goes back in the queue where it sorts.
      const rest: MarkPiece = { highlight: piece.highlight, start: parent.end, end: piece.end, continued: true }
      let at = i + 1
      while (at < queue.length && before(queue[at] as MarkPiece, rest) <= 0) at++
      queue.splice(at, 0, rest)
      piece = { ...piece, end: parent.end }
    }
    // Only the first piece of a highlight (in text order) carries its id.
    const continued = piece.continued || firstSeen.has(piece.highlight)
    firstSeen.add(piece.highlight)
    const placed = { ...piece, continued }
    out.push(placed)
    open.push(placed)
  }
  return out
}

/**
 * The text of [from, to) as HTML with each piece a `<mark>`: the first piece
 * of a highlight is focusable and carries the id `m-<highlight id>`, and
 * every piece points at the highlight's details in the side list
 * (`aria-describedby`). Text is escaped here, marks are ours.
 *
 * @param firstSeen highlights already given their id in an earlier stretch (shared across paragraphs)
 */
export function highlightedText(text: string, from: number, to: number, highlights: readonly Highlight[], firstSeen: Set<number>): Html {
  const pieces = nestPieces(highlights, from, to, firstSeen)
  const out: string[] = []
  const closeAt: number[] = []
  let at = from
  const flushTo = (end: number) => {
    // Close every mark ending before `end`, writing the text up to each close.
    while (closeAt.length > 0 && (closeAt.at(-1) as number) <= end) {
      const close = closeAt.pop() as number
      out.push(escapeText(text.slice(at, close)), '</mark>')
      at = close
    }
    out.push(escapeText(text.slice(at, end)))
    at = end
  }
  for (const piece of pieces) {
    flushTo(piece.start)
    const highlight = highlights[piece.highlight] as Highlight
    const id = piece.continued ? '' : ` id="m-${highlight.id}" tabindex="0"`
    const title = `${KIND_WORDS[highlight.kind]}: ${highlight.title}`
    out.push(
      `<mark class="claim claim-${highlight.kind}${piece.continued ? ' continued' : ''}${highlight.inferred ? ' inferred' : ''}"${id} data-claim="${highlight.id}" aria-describedby="d-${highlight.id}" title="${escapeText(title)}">`,
    )
    closeAt.push(piece.end)
  }
  flushTo(to)
  return raw(out.join(''))
}

export const KIND_WORDS: Record<HighlightKind, string> = {
  figure: 'figure',
  quote: 'quotation',
  speech: 'reported speech',
  event: 'dated event',
  entity: 'entity',
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)
}
