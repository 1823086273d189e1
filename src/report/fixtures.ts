/** Hand-built report inputs for tests: invented news, no shared data. */
import type { FigureClaim } from './types.js'
import type { ArticleClaims, Entity, Figure, Quote } from '../claims/types.js'
import type { Relation } from '../lineage/types.js'
import type { StoryDetail } from '../types.js'
import type { Article, Span } from '../types.js'
import type { StoryReportInput } from './build-report.js'

/** A figure claim with defaults; override what the test is about. */
export function figureClaim(overrides: Partial<FigureClaim> & Pick<FigureClaim, 'articleId' | 'value'>): FigureClaim {
  return {
    sourceLabel: overrides.articleId,
    evidenceGroup: 1,
    high: null,
    vague: false,
    qualifier: 'exact',
    unit: null,
    text: String(overrides.value),
    measure: 'people killed',
    measurePhrase: null,
    agent: null,
    reportedBy: null,
    where: null,
    when: null,
    date: null,
    sentence: '',
    span: { start: 0, end: 1 },
    ...overrides,
  }
}

/** A cleaned article from sentences (one paragraph each), with spans computed. */
export function article(id: string, outlet: string | null, published: string | null, title: string, sentences: readonly string[]): Article {
  const spans: Span[] = []
  let text = ''
  for (const sentence of sentences) {
    if (text !== '') text += '\n\n'
    spans.push({ start: text.length, end: text.length + sentence.length })
    text += sentence
  }
  return {
    id,
    source: { kind: 'file', location: `/news/${id}.txt` },
    format: 'text',
    url: null,
    outlet,
    title,
    titleDerived: false,
    published,
    byline: null,
    creditedSource: null,
    language: 'en',
    text,
    paragraphs: spans.map((s) => ({ ...s, kind: 'paragraph' as const })),
    sentences: spans,
    removed: [],
    diagnostics: [],
    contentHash: id,
    raw: text,
  }
}

function figure(a: Article, sentence: number, numberText: string, fields: Partial<Figure> & Pick<Figure, 'value' | 'measure'>): Figure {
  const span = a.sentences[sentence] as Span
  const at = a.text.indexOf(numberText, span.start)
  return {
    high: null,
    vague: false,
    qualifier: 'exact',
    unit: null,
    text: numberText,
    span: { start: at, end: at + numberText.length },
    measurePhrase: null,
    agent: null,
    source: null,
    sourceSpan: null,
    where: null,
    when: null,
    whenDate: null,
    sentence,
    ...fields,
  }
}

function quote(a: Article, sentence: number, text: string, speaker: string | null): Quote {
  const at = a.text.indexOf(text)
  return {
    kind: 'direct',
    text,
    spans: [{ start: at, end: at + text.length }],
    normalized: text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, '')
      .replace(/\s+/gu, ' ')
      .trim(),
    speaker,
    speakerRole: null,
    speakerSpan: null,
    cue: 'said',
    cueSpan: null,
    sentence,
  }
}

function entity(kind: Entity['kind'], name: string, aliases: readonly string[] = [name]): Entity {
  return { kind, name, aliases, role: null, mentions: [] }
}

/**
 * An invented story: a harbour fire. `wire` is the original, `copy` republishes
 * it word for word (with a title an attacker wrote), `spun` rewrites it and
 * says "up to 12" where the wire says "at least 12", and `gazette` is an
 * independent report with its own toll from another authority.
 */
export function harbourFireInput(opts: { readonly copyTitle?: string } = {}): StoryReportInput {
  const wireSentences = [
    'At least 12 people were killed when fire swept through the Vik harbour warehouses on Monday, the port authority said.',
    '“We are still searching the eastern sheds, and I fear the number will rise,” said harbour master Ilse Brandt.',
    'About 300 people were evacuated from the quay.',
  ]
  const wire = article('aaaa000000000001', 'Northern Wire', '2031-03-04', 'Fire kills 12 in Vik harbour', wireSentences)
  const copy = article('aaaa000000000002', 'Coast Ledger', '2031-03-05', opts.copyTitle ?? 'Fire kills 12 in Vik harbour', wireSentences)
  const spun = article('aaaa000000000003', null, null, 'Blaze Leaves Up To 12 Dead In Vik Port', [
    'Up to 12 individuals lost their lives when a blaze tore through the Vik harbour warehouses on Monday, the port authority stated.',
    '“We are still searching the Eastern sheds, and I fear the number will rise,” said harbour master Ilse Brandt.',
  ])
  const gazette = article('aaaa000000000004', 'Vik Gazette', '2031-03-05', 'Harbour fire: hospital counts 19 dead', [
    'The county hospital said 19 people had died in the harbour fire that began on Monday.',
    'Harbour master I. Brandt declined to comment.',
  ])
  const story: StoryDetail = {
    id: 7,
    askedFor: 7,
    titles: [wire.title, copy.title, gazette.title, spun.title].filter((t): t is string => t !== null),
    firstSeen: '2031-03-04',
    lastSeen: '2031-03-05',
    members: 4,
    outlets: ['Northern Wire', 'Coast Ledger', 'Vik Gazette'],
    memberIds: [wire.id, copy.id, gazette.id, spun.id],
  }
  const matches = (a: Article, b: Article, n: number) =>
    Array.from({ length: n }, (_, i) => ({ a: a.sentences[i] as Span, b: b.sentences[i] as Span, score: 0.9, overlap: 0.6, quoteOnly: false }))
  const relations: Relation[] = [
    {
      a: wire.id,
      b: copy.id,
      kind: 'copy',
      coverageA: 1,
      coverageB: 1,
      matches: matches(wire, copy, 3),
      direction: { original: wire.id, confidence: 0.9, reasons: ['earlier'] },
    },
    {
      a: wire.id,
      b: spun.id,
      kind: 'rewrite',
      coverageA: 0.7,
      coverageB: 1,
      matches: matches(wire, spun, 2),
      direction: { original: wire.id, confidence: 0.7, reasons: ['dated'] },
    },
    { a: wire.id, b: gazette.id, kind: 'independent', coverageA: 0, coverageB: 0, matches: [], direction: { original: null, confidence: 0, reasons: [] } },
  ]
  const wireClaims = (a: Article): ArticleClaims => ({
    articleId: a.id,
    figures: [
      figure(a, 0, 'At least 12', {
        value: 12,
        qualifier: 'at least',
        measure: 'people killed',
        source: 'port authority',
        when: 'on Monday',
        whenDate: '2031-03-03',
      }),
      figure(a, 2, 'About 300', { value: 300, qualifier: 'about', measure: 'people evacuated' }),
    ],
    quotes: [quote(a, 1, 'We are still searching the eastern sheds, and I fear the number will rise,', 'Ilse Brandt')],
    events: [
      {
        date: '2031-03-03',
        dateText: 'on Monday',
        dateSpan: { start: 0, end: 1 },
        relative: true,
        event: 'fire swept through the Vik harbour warehouses',
        sentence: 0,
      },
    ],
    entities: [entity('person', 'Ilse Brandt', ['Ilse Brandt']), entity('place', 'Vik')],
  })
  const claims: ArticleClaims[] = [
    wireClaims(wire),
    wireClaims(copy),
    {
      articleId: spun.id,
      figures: [figure(spun, 0, 'Up to 12', { value: 12, qualifier: 'up to', measure: 'people killed', source: 'port authority', when: 'on Monday' })],
      quotes: [quote(spun, 1, 'We are still searching the Eastern sheds, and I fear the number will rise,', 'Ilse Brandt')],
      events: [],
      entities: [entity('person', 'Ilse Brandt'), entity('place', 'Vik')],
    },
    {
      articleId: gazette.id,
      figures: [figure(gazette, 0, '19', { value: 19, measure: 'people killed', source: 'county hospital' })],
      quotes: [],
      events: [{ date: '2031-03-03', dateText: 'on Monday', dateSpan: { start: 0, end: 1 }, relative: true, event: 'the harbour fire began', sentence: 0 }],
      entities: [entity('person', 'I. Brandt', ['I. Brandt', 'Brandt']), entity('place', 'Vik')],
    },
  ]
  return { story, articles: [wire, copy, spun, gazette], claims, relations }
}
