/**
 * The JSON Schema (draft 2020-12) of `StoryReport`, schemaVersion 1: the
 * contract the web app, the HTTP API and anyone reading `crosscheck report
 * --format json` can validate against. Kept by hand beside types.ts (and
 * checked against built reports in report-schema.test.ts); docs/report.md
 * explains the fields.
 */

const str = { type: 'string' } as const
const nstr = { type: ['string', 'null'] } as const
const num = { type: 'number' } as const
const nnum = { type: ['number', 'null'] } as const
const int = { type: 'integer', minimum: 0 } as const
const bool = { type: 'boolean' } as const
const ids = { type: 'array', items: str } as const
const span = { type: 'object', required: ['start', 'end'], additionalProperties: false, properties: { start: int, end: int } } as const
const qualifier = { enum: ['exact', 'at least', 'more than', 'up to', 'less than', 'nearly', 'about', 'as high as'] } as const
const diff = {
  type: 'array',
  items: { type: 'object', required: ['kind', 'text'], additionalProperties: false, properties: { kind: { enum: ['same', 'removed', 'added'] }, text: str } },
} as const

function object(properties: Record<string, unknown>): Record<string, unknown> {
  return { type: 'object', required: Object.keys(properties), additionalProperties: false, properties }
}

const summaryPoint = object({
  value: num,
  high: nnum,
  qualifier,
  text: str,
  reportedBy: nstr,
  articleIds: ids,
  sourceLabels: ids,
  corroboration: int,
})

const claimRef = object({ kind: { enum: ['figure', 'quote', 'event'] }, ref: str, text: str, evidenceGroups: int })

export const STORY_REPORT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://crosscheck.example/schemas/story-report-1.json',
  title: 'crosscheck story report',
  description:
    'One story across its sources: lineage, evidence groups, figures with verdicts, quotations, what each source adds or omits, naming, timeline and aligned passages. See docs/report.md.',
  ...object({
    schemaVersion: { const: 1 },
    story: object({
      id: int,
      askedFor: int,
      label: nstr,
      firstSeen: str,
      lastSeen: str,
      counts: object({ sources: int, outlets: int, evidenceGroups: int, figures: int, quotes: int, events: int }),
    }),
    sources: {
      type: 'array',
      items: object({
        id: str,
        label: str,
        outlet: nstr,
        title: nstr,
        titleDerived: bool,
        published: nstr,
        url: nstr,
        location: str,
        creditedSource: nstr,
        lineage: object({
          kind: { enum: ['original', 'copy', 'rewrite', 'partial', 'related', 'independent'] },
          of: nstr,
          directed: bool,
          derived: int,
        }),
        evidenceGroup: int,
      }),
    },
    evidenceGroups: { type: 'array', items: object({ id: int, root: str, members: ids, why: str }) },
    lineage: object({
      nodes: { type: 'array', items: object({ id: str, label: str, published: nstr, evidenceGroup: int }) },
      edges: {
        type: 'array',
        items: object({
          from: str,
          to: str,
          kind: { enum: ['copy', 'rewrite', 'partial'] },
          directed: bool,
          confidence: num,
          coverageFrom: num,
          coverageTo: num,
        }),
      },
    }),
    figureGroups: {
      type: 'array',
      items: object({
        id: str,
        measure: str,
        agent: nstr,
        unit: nstr,
        where: nstr,
        window: nstr,
        claims: {
          type: 'array',
          minItems: 1,
          items: object({
            articleId: str,
            sourceLabel: str,
            evidenceGroup: int,
            value: num,
            high: nnum,
            vague: bool,
            qualifier,
            unit: nstr,
            text: str,
            measure: str,
            measurePhrase: nstr,
            agent: nstr,
            reportedBy: nstr,
            where: nstr,
            when: nstr,
            date: nstr,
            sentence: str,
            span,
          }),
        },
        verdict: { enum: ['agree', 'differ', 'not comparable', 'update'] },
        reason: str,
        findings: { type: 'array', items: object({ verdict: { enum: ['differ', 'update'] }, a: int, b: int, reason: str }) },
        evidenceGroups: int,
        summary: object({ low: summaryPoint, high: summaryPoint, best: summaryPoint }),
        related: { type: 'array', items: object({ group: str, verdict: { const: 'not comparable' }, reason: str }) },
      }),
    },
    quotes: {
      type: 'array',
      items: object({
        id: str,
        text: str,
        normalized: str,
        speaker: nstr,
        carriers: {
          type: 'array',
          minItems: 1,
          items: object({
            articleId: str,
            sourceLabel: str,
            evidenceGroup: int,
            kind: { enum: ['direct', 'partial', 'indirect'] },
            text: str,
            speaker: nstr,
            speakerRole: nstr,
            spans: { type: 'array', items: span },
          }),
        },
        evidenceGroups: int,
        variants: { type: 'array', items: object({ text: str, articleIds: ids, diff }) },
        speakerDisagreement: { oneOf: [{ type: 'null' }, { type: 'array', minItems: 2, items: object({ speaker: nstr, articleIds: ids }) }] },
      }),
    },
    addsOmits: {
      type: 'array',
      items: object({
        articleId: str,
        sourceLabel: str,
        evidenceGroup: int,
        adds: { type: 'array', items: claimRef },
        omits: { type: 'array', items: claimRef },
      }),
    },
    naming: {
      type: 'array',
      items: object({
        kind: { enum: ['person', 'organization', 'place'] },
        name: str,
        aliases: ids,
        forms: { type: 'array', items: object({ articleId: str, sourceLabel: str, forms: ids }) },
        variesAcrossSources: bool,
      }),
    },
    timeline: {
      type: 'array',
      items: object({
        id: str,
        date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        event: str,
        sources: {
          type: 'array',
          items: object({
            articleId: str,
            sourceLabel: str,
            dateText: str,
            dateBasis: { enum: ['stated', 'publication', 'speech', 'inferred', null] },
            event: str,
          }),
        },
        evidenceGroups: int,
      }),
    },
    alignedPassages: {
      type: 'array',
      items: object({
        kind: { enum: ['copy', 'rewrite', 'partial'] },
        from: str,
        to: str,
        directed: bool,
        alignedSentences: int,
        pairs: { type: 'array', items: object({ fromText: str, toText: str, score: num, diff }) },
      }),
    },
    missingClaims: ids,
  }),
} as const
