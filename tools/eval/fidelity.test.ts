import assert from 'node:assert/strict'
import { fileURLToPath } from 'node:url'
import { describe, it, test } from 'node:test'
import { extractClaims } from '../../dist/claims/extract-claims.js'
import type { ArticleClaims, Figure, Quote } from '../../dist/claims/types.js'
import { chronoDateFinder } from '../../dist/ingest/date-finder.js'
import { splitSentences } from '../../dist/text/segment.js'
import { checkBlocks, checkClaims, fidelity, markedUpBlocks } from './fidelity.js'

function article(text: string, published: string | null) {
  return { id: 'a', text, sentences: splitSentences(text), published }
}
const none: ArticleClaims = { articleId: 'a', quotes: [], figures: [], events: [], entities: [] }
/** `item` without one of its optional fields, as claims stored before the field existed. */
function without<T extends object>(item: T, key: keyof T): T {
  const copy = { ...item }
  delete copy[key]
  return copy
}

describe('checkClaims: what crosscheck extracts keeps the article’s words', () => {
  // Real extraction over small articles: each should pass every invariant.
  const clean = [
    '“This is the worst flood in living memory,” Governor Andrei Kostelnik said. “Every family will be housed.”',
    'Hundreds of residents fled the valley, and dozens of homes were lost, the authority said on Tuesday.',
    '“We will rebuild Lisovar,” Kostelnyk said on Thursday evening.',
    'He was arrested in April for a call he made on March 21, police said.',
  ]
  for (const text of clean) {
    it(`finds nothing wrong in: ${text.slice(0, 50)}…`, () => {
      const a = article(text, '2026-04-17')
      assert.deepEqual(checkClaims(a, extractClaims(a, { findDates: chronoDateFinder })), [])
    })
  }
})

describe('checkClaims: each invariant catches its violation', () => {
  const text = '“It held,” he said. “It will hold.” Hundreds of people fled on Thursday.'
  const a = article(text, '2026-04-17')
  const quote = (over: Partial<Quote>): Quote => ({
    kind: 'direct',
    text: 'It held',
    textSpans: [{ start: 1, end: 8 }],
    spans: [{ start: 0, end: 10 }],
    normalized: 'it held',
    speaker: null,
    speakerRole: null,
    speakerSpan: null,
    cue: null,
    cueSpan: null,
    sentence: 0,
    ...over,
  })
  const figure = (over: Partial<Figure>): Figure => ({
    value: 100,
    high: null,
    vague: true,
    range: { low: 200, high: 999 },
    qualifier: 'exact',
    unit: null,
    text: 'Hundreds',
    span: { start: 36, end: 44 },
    measure: 'people displaced',
    measurePhrase: null,
    agent: null,
    source: null,
    sourceSpan: null,
    where: null,
    when: null,
    whenDate: null,
    sentence: 2,
    ...over,
  })
  const cases: readonly (readonly [string, ArticleClaims, string])[] = [
    [
      'a quote glued from two pieces',
      {
        ...none,
        quotes: [
          quote({
            text: 'It held, It will hold.',
            textSpans: [
              { start: 1, end: 8 },
              { start: 21, end: 34 },
            ],
          }),
        ],
      },
      'verbatim',
    ],
    ['a quote re-cased', { ...none, quotes: [quote({ text: 'it held' })] }, 'verbatim'],
    ['a stored quote whose text is not in the article', { ...none, quotes: [without(quote({ text: 'It held, It will hold.' }), 'textSpans')] }, 'verbatim'],
    ['a vague word as an exact count', { ...none, figures: [figure({ vague: false })] }, 'vague-exact'],
    ['a vague word without its range', { ...none, figures: [without(figure({}), 'range')] }, 'vague-exact'],
    [
      'a past-tense event dated after publication',
      {
        ...none,
        events: [
          {
            date: '2026-04-23',
            dateBasis: 'publication',
            dateText: 'on Thursday',
            dateSpan: { start: 60, end: 71 },
            relative: true,
            event: 'Hundreds of people fled on Thursday.',
            sentence: 2,
          },
        ],
      },
      'future-past',
    ],
  ]
  for (const [name, claims, kind] of cases) {
    it(name, () =>
      assert.deepEqual(
        checkClaims(a, claims).map((v) => v.kind),
        [kind],
      ),
    )
  }
  it('accepts the same items when they are right', () => {
    const right: ArticleClaims = {
      ...none,
      quotes: [
        quote({}),
        quote({
          text: 'It held […] It will hold.',
          textSpans: [
            { start: 1, end: 8 },
            { start: 21, end: 34 },
          ],
        }),
      ],
      figures: [figure({})],
      events: [
        {
          date: '2026-04-16',
          dateBasis: 'publication',
          dateText: 'on Thursday',
          dateSpan: { start: 60, end: 71 },
          relative: true,
          event: 'Hundreds of people fled on Thursday.',
          sentence: 2,
        },
      ],
    }
    assert.deepEqual(checkClaims(a, right), [])
  })
})

describe('checkBlocks: nothing disappears without a removal', () => {
  const cleaned = {
    text: 'The dam failed before dawn.\n\nRescuers searched the town.',
    title: 'Dam fails',
    byline: null,
    published: '2026-04-15',
    removed: [{ rule: 'promo' as const, text: 'Read more: Storm warning', reason: 'promo' }],
  }
  const block = (text: string) => ({ kind: 'text' as const, text })
  it('accepts blocks kept, removed with a rule, the headline and a bare dateline', () => {
    assert.deepEqual(
      checkBlocks(cleaned, [
        block('The dam failed before dawn.'),
        block('Read more: Storm warning'),
        block('Dam fails'),
        block('April 15, 2026 9:20 AM GMT+2'),
      ]),
      [],
    )
  })
  it('reports a block that is in neither', () => {
    assert.deepEqual(
      checkBlocks(cleaned, [block('Rescuers searched flooded streets along the river on Wednesday.')]).map((v) => v.kind),
      ['lost-block'],
    )
  })
  it('reads the blocks a page marks up as its article, furniture aside', () => {
    const html =
      '<body><nav><p>Home</p></nav><article><h1>Dam fails</h1><p class="standfirst">Rescuers searched.</p><aside><p>Related</p></aside><div><p>The dam failed.</p></div></article></body>'
    assert.deepEqual(
      markedUpBlocks(html).map((b) => b.text),
      ['Dam fails', 'Rescuers searched.', 'The dam failed.'],
    )
  })

  test('text a reader never sees inside a block (a script, an iframe fallback) is not part of it', () => {
    const html =
      '<body><article><p>The dam failed.<script>var slot = "ad-1";</script></p><p><iframe src="v">&lt;span class="x"&gt;&lt;/span&gt;</iframe></p></article></body>'
    assert.deepEqual(
      markedUpBlocks(html).map((b) => b.text),
      ['The dam failed.'],
    )
  })
})

test('the example corpus breaks no claims invariant', async () => {
  const result = await fidelity(fileURLToPath(new URL('../../examples', import.meta.url)))
  // The example corpus: every claim verbatim, dated by its tense, vague words kept vague, and no block lost.
  const violations = (result.notes ?? []).filter((note) => /^(?:verbatim|future-past|vague-exact|lost-block) /u.test(note))
  assert.deepEqual(violations, [])
})
