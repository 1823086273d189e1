/**
 * The lineage graph of a story as an inline SVG: one node per source, laid
 * out in columns by generation (originals left, their copies and rewrites
 * to the right), an arrow from original to derived article, dashed when the
 * direction is unknown. No script, no external resources, every label
 * escaped, so the HTML report and the web app can both embed it.
 */
import type { ReportLineage } from './types.js'

export interface LineageSvgOpts {
  /** @default 200 */
  readonly nodeWidth?: number
}

/** Line height of an edge label (font size 11), for keeping labels apart. */
const LABEL_HEIGHT = 13

const EDGE_COLOUR = { copy: '#b42318', rewrite: '#b54708', partial: '#6941c6' } as const

/**
 * @param graph the report's lineage (nodes are every source, edges the copy / rewrite / partial relations)
 * @param labels display name per node id (falls back to the node's label)
 * @example renderLineageSvg(report.lineage, new Map()).startsWith('<svg') // => true
 */
export function renderLineageSvg(graph: ReportLineage, labels: ReadonlyMap<string, string> = new Map(), opts: LineageSvgOpts = {}): string {
  const nodeW = opts.nodeWidth ?? 200
  const nodeH = 44
  const gapX = 90
  const gapY = 18
  // Generation: the longest chain of directed edges leading to the node.
  const depth = new Map(graph.nodes.map((n) => [n.id, 0]))
  for (let pass = 0; pass < graph.nodes.length; pass++) {
    let changed = false
    for (const e of graph.edges) {
      if (!e.directed) continue
      const d = (depth.get(e.from) ?? 0) + 1
      if (d > (depth.get(e.to) ?? 0) && d < graph.nodes.length) {
        depth.set(e.to, d)
        changed = true
      }
    }
    if (!changed) break
  }
  const columns = new Map<number, string[]>()
  for (const n of graph.nodes) {
    const d = depth.get(n.id) ?? 0
    columns.set(d, [...(columns.get(d) ?? []), n.id])
  }
  const pos = new Map<string, { x: number; y: number }>()
  for (const [d, ids] of columns) ids.forEach((id, i) => pos.set(id, { x: 10 + d * (nodeW + gapX), y: 10 + i * (nodeH + gapY) }))
  const width = 20 + Math.max(1, columns.size) * (nodeW + gapX) - gapX
  const height = 20 + Math.max(1, ...[...columns.values()].map((c) => c.length)) * (nodeH + gapY) - gapY
  const parts: string[] = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="lineage" role="img" aria-label="lineage graph" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
    '<defs>',
    ...Object.entries(EDGE_COLOUR).map(
      ([kind, colour]) =>
        `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`,
    ),
    '</defs>',
  )
  // Edge labels sit at the middle of their curve; where two would overlap
  // (edges crossing between the same columns), the later one moves down.
  const placed: Array<{ x: number; y: number; w: number }> = []
  const labelAt = (x: number, y: number, text: string): number => {
    const w = text.length * 6.5 + 6
    let at = y
    while (placed.some((p) => Math.abs(p.x - x) < (p.w + w) / 2 && Math.abs(p.y - at) < LABEL_HEIGHT)) at += LABEL_HEIGHT
    placed.push({ x, y: at, w })
    return at
  }
  for (const e of graph.edges) {
    const a = pos.get(e.from)
    const b = pos.get(e.to)
    if (a === undefined || b === undefined) continue
    const sameColumn = a.x === b.x
    const x1 = sameColumn ? a.x + nodeW : a.x + nodeW
    const y1 = a.y + nodeH / 2
    const x2 = sameColumn ? b.x + nodeW : b.x
    const y2 = b.y + nodeH / 2
    const bend = sameColumn ? `C${x1 + 50},${y1} ${x2 + 50},${y2} ${x2},${y2}` : `C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2},${y2}`
    const colour = EDGE_COLOUR[e.kind]
    const labelX = (x1 + x2) / 2 + (sameColumn ? 40 : 0)
    parts.push(
      `<path d="M${x1},${y1} ${bend}" fill="none" stroke="${colour}" stroke-width="2"${e.directed ? ` marker-end="url(#arrow-${e.kind})"` : ' stroke-dasharray="5 4"'}><title>${escapeXml(`${e.kind}${e.directed ? '' : ' (direction unknown)'}`)}</title></path>`,
      `<text x="${labelX}" y="${labelAt(labelX, (y1 + y2) / 2 - 4, e.kind)}" text-anchor="middle" fill="${colour}" font-size="11">${escapeXml(e.kind)}</text>`,
    )
  }
  for (const n of graph.nodes) {
    const p = pos.get(n.id)
    if (p === undefined) continue
    const label = labels.get(n.id) ?? n.label
    parts.push(
      `<g><rect x="${p.x}" y="${p.y}" width="${nodeW}" height="${nodeH}" rx="6" fill="#f8fafc" stroke="#475467"/>`,
      `<text x="${p.x + 8}" y="${p.y + 18}" font-weight="600">${escapeXml(truncate(label, Math.floor(nodeW / 7.5)))}</text>`,
      `<text x="${p.x + 8}" y="${p.y + 35}" fill="#475467">${escapeXml(`${n.published?.slice(0, 10) ?? 'undated'} · group ${n.evidenceGroup}`)}</text>`,
      `<title>${escapeXml(label)}</title></g>`,
    )
  }
  parts.push('</svg>')
  return parts.join('')
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`
}

/** Escapes text for XML/HTML element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)
}
