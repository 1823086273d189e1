import { test } from 'node:test'
import assert from 'node:assert/strict'
import { renderLineageSvg } from './lineage-svg.js'
import type { LineageEdgeView, LineageNodeView, ReportLineage } from './types.js'

const node = (id: string, label: string, group: number): LineageNodeView => ({ id, label, published: '2026-05-02T08:00:00Z', evidenceGroup: group })
const edge = (from: string, to: string, kind: LineageEdgeView['kind'], directed = true): LineageEdgeView => ({
  from,
  to,
  kind,
  directed,
  confidence: 0.9,
  coverageFrom: 0.8,
  coverageTo: 0.8,
})

/** Each edge label's text and position, in drawing order. */
function labels(svg: string): Array<{ text: string; x: number; y: number }> {
  return [...svg.matchAll(/<text x="([\d.]+)" y="([\d.-]+)" text-anchor="middle"[^>]*>([^<]*)<\/text>/gu)].map((m) => ({
    text: m[3] ?? '',
    x: Number(m[1]),
    y: Number(m[2]),
  }))
}

test('a wire story with a copy and a rewrite: originals left, derived right, one arrow per relation', () => {
  const graph: ReportLineage = {
    nodes: [node('w', 'Harbour Wire', 1), node('c', 'Quayside Daily', 1), node('r', 'Tidewater Post', 1)],
    edges: [edge('w', 'c', 'copy'), edge('w', 'r', 'rewrite')],
  }
  const svg = renderLineageSvg(graph)
  assert.match(svg, /^<svg[^>]+role="img"/u)
  assert.equal((svg.match(/marker-end="url\(#arrow-/gu) ?? []).length, 2)
  const [wire, copy] = [...svg.matchAll(/<rect x="(\d+)" y="(\d+)"/gu)].map((m) => Number(m[1]))
  assert.ok(wire !== undefined && copy !== undefined && wire < copy, 'the original is left of its copy')
})

test('labels of edges that cross at the same point do not overlap', () => {
  // Two originals each feeding both derived articles: the two crossing edges share their midpoint.
  const graph: ReportLineage = {
    nodes: [node('a', 'North Desk', 1), node('b', 'South Desk', 2), node('c', 'Reprint One', 1), node('d', 'Reprint Two', 2)],
    edges: [edge('a', 'd', 'partial'), edge('b', 'c', 'rewrite'), edge('a', 'c', 'copy'), edge('b', 'd', 'copy')],
  }
  const placed = labels(renderLineageSvg(graph))
  assert.equal(placed.length, 4)
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const [p, q] = [placed[i], placed[j]] as [(typeof placed)[0], (typeof placed)[0]]
      const apart = Math.abs(p.x - q.x) >= ((p.text.length + q.text.length) * 6.5 + 12) / 2 || Math.abs(p.y - q.y) >= 13
      assert.ok(apart, `${p.text} at ${p.x},${p.y} overlaps ${q.text} at ${q.x},${q.y}`)
    }
  }
})

test('an edge of unknown direction is dashed without an arrow, and outlet names are escaped', () => {
  const graph: ReportLineage = {
    nodes: [node('a', '<img src=x onerror=alert(1)>', 1), node('b', 'Fen & Marsh "Courier"', 1)],
    edges: [edge('a', 'b', 'rewrite', false)],
  }
  const svg = renderLineageSvg(graph)
  assert.match(svg, /stroke-dasharray="5 4"/u)
  assert.doesNotMatch(svg, /marker-end=/u)
  assert.doesNotMatch(svg, /<img/u)
  assert.match(svg, /&lt;img src=x onerror=alert\(1\)&gt;/u)
  assert.match(svg, /Fen &amp; Marsh &quot;Courier&quot;/u)
})

test('nodes link where asked, the link escaped, and the drawing then keeps its links reachable', () => {
  const graph: ReportLineage = {
    nodes: [node('a', 'North Desk', 1), node('b', 'South Desk', 1)],
    edges: [edge('a', 'b', 'copy')],
  }
  const svg = renderLineageSvg(graph, new Map(), { nodeHref: (id) => (id === 'a' ? '/articles/a?x="1"&y' : null) })
  assert.match(svg, /<a href="\/articles\/a\?x=&quot;1&quot;&amp;y"/u)
  assert.equal((svg.match(/<a /gu) ?? []).length, 1)
  assert.match(svg, /role="group"/u)
})

test('edges leaving or reaching one node do so at different heights', () => {
  // One original with three derived articles: without ports all three edges would start at one point.
  const graph: ReportLineage = {
    nodes: [node('w', 'Wire', 1), node('a', 'A', 1), node('b', 'B', 1), node('c', 'C', 1)],
    edges: [edge('w', 'a', 'copy'), edge('w', 'b', 'rewrite'), edge('w', 'c', 'partial')],
  }
  const starts = [...renderLineageSvg(graph).matchAll(/<path d="M([\d.]+),([\d.]+) C/gu)].map((m) => `${m[1]},${m[2]}`)
  assert.equal(starts.length, 3)
  assert.equal(new Set(starts).size, 3, starts.join(' '))
})

test('an edge of unknown direction between two nodes of one column loops beside them, inside the drawing', () => {
  const graph: ReportLineage = { nodes: [node('a', 'A', 1), node('b', 'B', 1)], edges: [edge('a', 'b', 'rewrite', false)] }
  const svg = renderLineageSvg(graph)
  const xs = [...svg.matchAll(/<rect x="(\d+)"/gu)].map((m) => Number(m[1]))
  assert.equal(new Set(xs).size, 1)
  const width = Number(/width="(\d+)"/u.exec(svg)?.[1])
  const reach = Math.max(
    ...[...(/<path d="M[^"]*"/u.exec(svg.slice(svg.indexOf('</defs>')))?.[0] ?? '').matchAll(/(\d+(?:\.\d+)?),/gu)].map((m) => Number(m[1])),
  )
  assert.ok(reach < width, `the loop reaches ${reach}, the drawing is ${width} wide`)
})

test('an edge that skips a column runs under the nodes, not through the one between', () => {
  // w → a → b, and w → b directly: b is two columns from w.
  const graph: ReportLineage = {
    nodes: [node('w', 'Wire', 1), node('a', 'A', 1), node('b', 'B', 1)],
    edges: [edge('w', 'a', 'copy'), edge('a', 'b', 'copy'), edge('w', 'b', 'partial')],
  }
  const svg = renderLineageSvg(graph)
  const rects = [...svg.matchAll(/<rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"/gu)].map((m) => m.slice(1).map(Number))
  const lowest = Math.max(...rects.map(([, y, , h]) => (y as number) + (h as number)))
  const partial = /<path d="([^"]*)"[^>]*stroke="#6941c6"/u.exec(svg)?.[1] ?? ''
  const ys = [...partial.matchAll(/[\d.]+,([\d.]+)/gu)].map((m) => Number(m[1]))
  assert.ok(Math.max(...ys) > lowest, `the skipping edge dips below the nodes: ${partial}`)
})
