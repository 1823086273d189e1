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
  /**
   * Where a node links to (the web app's article page, an original URL in a
   * standalone report); null or absent leaves the node unlinked. The result
   * is escaped here; the caller vouches for its scheme.
   */
  readonly nodeHref?: (id: string) => string | null
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
  // Each column after the first is ordered by where its nodes' originals sit
  // (their mean row), which keeps edges from crossing where they need not.
  const row = new Map<string, number>()
  for (const d of [...columns.keys()].sort((x, y) => x - y)) {
    const ids = columns.get(d) ?? []
    const mean = (id: string): number => {
      const rows = graph.edges.filter((e) => e.to === id && row.has(e.from)).map((e) => row.get(e.from) as number)
      return rows.length === 0 ? Number.POSITIVE_INFINITY : rows.reduce((a, b) => a + b, 0) / rows.length
    }
    const order = ids.map((id, i) => ({ id, i, at: d === 0 ? i : mean(id) }))
    order.sort((x, y) => x.at - y.at || x.i - y.i)
    order.forEach(({ id }, i) => row.set(id, i))
    columns.set(
      d,
      order.map(({ id }) => id),
    )
  }
  const pos = new Map<string, { x: number; y: number }>()
  for (const [d, ids] of columns) ids.forEach((id, i) => pos.set(id, { x: 10 + d * (nodeW + gapX), y: 10 + i * (nodeH + gapY) }))
  // Ports: where an edge meets a node. Each end is on the node's right side
  // (edges to later columns, and loops to a node of the same column) or its
  // left (edges from earlier columns); the ends on one side are spread over
  // its height, ordered by the height of the other end, so no two edges
  // share an end or run over each other near a node.
  const yOf = (id: string) => pos.get(id)?.y ?? 0
  const xOf = (id: string) => pos.get(id)?.x ?? 0
  const sides = new Map<string, Array<{ key: string; other: string }>>()
  const sideOf = (e: { from: string; to: string }, end: 'from' | 'to'): 'right' | 'left' => {
    const [self, other] = end === 'from' ? [e.from, e.to] : [e.to, e.from]
    return xOf(other) >= xOf(self) ? 'right' : 'left'
  }
  const edgeKey = (e: { from: string; to: string }) => `${e.from}>${e.to}`
  for (const e of graph.edges) {
    for (const end of ['from', 'to'] as const) {
      const [self, other] = end === 'from' ? [e.from, e.to] : [e.to, e.from]
      const side = `${self} ${sideOf(e, end)}`
      sides.set(side, [...(sides.get(side) ?? []), { key: `${edgeKey(e)} ${end}`, other }])
    }
  }
  const port = new Map<string, number>()
  for (const ends of sides.values()) {
    const sorted = [...ends].sort((x, y) => yOf(x.other) - yOf(y.other) || x.key.localeCompare(y.key))
    sorted.forEach(({ key }, i) => port.set(key, ((i + 1) * nodeH) / (sorted.length + 1)))
  }
  // Edges that skip a column run in lanes under every node, one lane each,
  // rather than through the nodes of the columns between.
  const bottom = 10 + Math.max(1, ...[...columns.values()].map((c) => c.length)) * (nodeH + gapY) - gapY
  let lanes = 0
  let loops = false
  let width = 20 + Math.max(1, columns.size) * (nodeW + gapX) - gapX
  let height = bottom + 10
  const parts: string[] = []
  // Edge labels sit at the middle of their curve; where two would overlap
  // (edges crossing between the same columns), the later one moves down.
  // Nodes are placed first so that no label lands on a node.
  const placed: Array<{ x: number; y: number; w: number; h?: number }> = [...pos.values()].map((p) => ({
    x: p.x + nodeW / 2,
    y: p.y + nodeH / 2,
    w: nodeW,
    h: nodeH,
  }))
  const labelAt = (x: number, y: number, text: string): number => {
    const w = text.length * 6.5 + 6
    let at = y
    while (placed.some((p) => Math.abs(p.x - x) < (p.w + w) / 2 && Math.abs(p.y - at) < ((p.h ?? LABEL_HEIGHT) + LABEL_HEIGHT) / 2)) at += LABEL_HEIGHT
    placed.push({ x, y: at, w })
    height = Math.max(height, at + 8)
    return at
  }
  for (const e of graph.edges) {
    const a = pos.get(e.from)
    const b = pos.get(e.to)
    if (a === undefined || b === undefined) continue
    const colour = EDGE_COLOUR[e.kind]
    const fromSide = sideOf(e, 'from')
    const toSide = sideOf(e, 'to')
    const x1 = fromSide === 'right' ? a.x + nodeW : a.x
    const y1 = a.y + (port.get(`${edgeKey(e)} from`) ?? nodeH / 2)
    const x2 = toSide === 'right' ? b.x + nodeW : b.x
    const y2 = b.y + (port.get(`${edgeKey(e)} to`) ?? nodeH / 2)
    const span = Math.round(Math.abs(b.x - a.x) / (nodeW + gapX))
    let d: string
    let labelX: number
    let labelY: number
    if (span === 0) {
      // A loop beside the column, wider the further apart its ends, never into the next column.
      const bulge = Math.min(gapX - 12, 24 + (Math.abs(y2 - y1) / (nodeH + gapY)) * 18)
      d = `M${x1},${y1} C${x1 + bulge},${y1} ${x2 + bulge},${y2} ${x2},${y2}`
      labelX = x1 + bulge * 0.75
      labelY = (y1 + y2) / 2
      loops = true
    } else if (span === 1) {
      d = `M${x1},${y1} C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2},${y2}`
      labelX = (x1 + x2) / 2
      labelY = (y1 + y2) / 2 - 4
    } else {
      const lane = bottom + 12 + lanes * 14
      lanes++
      const forward = x1 < x2 ? 1 : -1
      const out = x1 + forward * (gapX / 2)
      const back = x2 - forward * (gapX / 2)
      d = `M${x1},${y1} C${out},${y1} ${out},${lane} ${out + forward * 12},${lane} L${back - forward * 12},${lane} C${back},${lane} ${back},${y2} ${x2},${y2}`
      labelX = (out + back) / 2
      labelY = lane - 3
      height = Math.max(height, lane + 10)
    }
    parts.push(
      `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${e.directed ? ` marker-end="url(#arrow-${e.kind})"` : ' stroke-dasharray="5 4"'}><title>${escapeXml(`${e.kind}${e.directed ? '' : ' (direction unknown)'}`)}</title></path>`,
      `<text x="${labelX}" y="${labelAt(labelX, labelY, e.kind)}" text-anchor="middle" fill="${colour}" font-size="11" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeXml(e.kind)}</text>`,
    )
  }
  for (const n of graph.nodes) {
    const p = pos.get(n.id)
    if (p === undefined) continue
    const label = labels.get(n.id) ?? n.label
    const href = opts.nodeHref?.(n.id) ?? null
    parts.push(
      href === null ? '' : `<a href="${escapeXml(href)}" aria-label="${escapeXml(`${label}: open the article`)}">`,
      `<g><rect x="${p.x}" y="${p.y}" width="${nodeW}" height="${nodeH}" rx="6" fill="#f8fafc" stroke="#475467"/>`,
      `<text x="${p.x + 8}" y="${p.y + 18}" font-weight="600">${escapeXml(truncate(label, Math.floor(nodeW / 7.5)))}</text>`,
      `<text x="${p.x + 8}" y="${p.y + 35}" fill="#475467">${escapeXml(`${n.published?.slice(0, 10) ?? 'undated'} · group ${n.evidenceGroup}`)}</text>`,
      `<title>${escapeXml(label)}</title></g>`,
      href === null ? '' : '</a>',
    )
  }
  // A loop beside the last column needs room to its right.
  if (loops) width += gapX
  // Linked nodes keep their own role: an image's children are hidden from assistive technology.
  const role = opts.nodeHref === undefined ? 'role="img" ' : 'role="group" '
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="lineage" ${role}aria-label="lineage graph" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
    '<defs>',
    ...Object.entries(EDGE_COLOUR).map(
      ([kind, colour]) =>
        `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`,
    ),
    '</defs>',
    ...parts,
    '</svg>',
  ].join('')
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`
}

/** Escapes text for XML/HTML element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)
}
