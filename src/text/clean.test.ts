import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { chronoDateParser } from '../ingest/date-parser.js'
import { textToBlocks } from '../ingest/text.js'
import type { RemovalRule } from '../types.js'
import { cleanBlocks } from './clean.js'

const clean = (text: string, stated = {}) => cleanBlocks(textToBlocks(text), { parseDate: chronoDateParser, stated })

const STORY = [
  'Floodwater from the broken Maren dam reached the lower town of Oskel before dawn on Tuesday, forcing hundreds of families onto rooftops.',
  'Regional emergency chief Ilse Varga said rescue boats had reached every street by noon.',
]

describe('cleanBlocks: whole-line furniture', () => {
  // [line as a site prints it, the rule that must remove it]
  const cases: Array<[string, RemovalRule]> = [
    ['Read more: Ferry strike ends after nine days', 'promo'],
    ['Related: How the valley dams were built', 'promo'],
    ['ALSO READ | Council votes on new budget', 'promo'],
    ['See more pictures here.', 'promo'],
    ['Click the share button below to email this story. Follow us on Telegram.', 'share'],
    ['Share this article on Facebook', 'share'],
    ['Sign up for our daily newsletter to get the headlines first.', 'subscribe'],
    ['The Valley Ledger is reader-funded. Please make a one-time or recurring donation.', 'donate'],
    ['Become a Member of The Valley Ledger', 'membership'],
    ['Featured image is from Valley Ledger archives', 'image-credit'],
    ['Photo credit: Anna Brecht', 'image-credit'],
    ['Rescuers carry a child through the flooded square, Oskel, Tuesday, May 12, 2026 (AP Photo/Anna Brecht)', 'caption'],
    ['A boat in the main street. (Photo: Tomas Lind/Valley Ledger)', 'caption'],
    ['Source link', 'source-link'],
    ['Mira Holt contributed to this report for Valley Ledger', 'contributor'],
    ['Reporting by Mira Holt; Editing by Sam Ode', 'contributor'],
    ['This article originally appeared on RiverWire.', 'credit-line'],
    ['Advertisement', 'promo'],
    ['You may also like:', 'promo'],
    ['12 Comments', 'comments'],
    ['Leave a comment', 'comments'],
    ['Tags: floods, dams, Maren valley', 'navigation'],
    ['4 min read', 'navigation'],
    ['© 2026 Valley Ledger. All rights reserved.', 'copyright'],
    ['Like this story? Share it with a friend!', 'share'],
    ['*', 'separator'],
    ['—', 'separator'],
    ['```', 'rewriter-artifact'],
  ]
  for (const [line, rule] of cases) {
    test(`removes ${JSON.stringify(line)} as ${rule}`, () => {
      const result = clean([STORY[0], line, STORY[1]].join('\n\n'))
      assert.deepEqual(
        result.removed.map((r) => [r.rule, r.text]),
        [[rule, line]],
      )
      assert.equal(result.body.length, 2, 'both story paragraphs are kept')
    })
  }

  test('keeps story sentences that mention sharing, donations, comments or photos', () => {
    const lines = [
      'The mayor declined to comment on Tuesday, and the council said its members would not respond to questions until the inquiry had reported.',
      'Copyright lawyers for the utility said the inspection videos could not be published without its consent.',
      'Aid groups said donations of blankets and bottled water had arrived from three neighbouring provinces on Wednesday, and more were expected.',
      'Residents shared photos of the flooded square on social media as the water kept rising through the afternoon and into the night.',
      'Read the statement in full, the mayor told reporters, and judge for yourselves whether the dam was inspected.',
    ]
    const result = clean([STORY[0], ...lines].join('\n\n'))
    assert.deepEqual(result.removed, [])
    assert.equal(result.body.length, 6)
  })
})

describe('cleanBlocks: top matter', () => {
  test('reads banner, dateline and headline, and keeps them out of the body', () => {
    const text = ['| Welcome to Valley Ledger', '', 'Wednesday, May 13, 2026', '', 'Maren dam breach floods Oskel', '', ...STORY].join('\n')
    const result = clean(text)
    assert.equal(result.outlet, 'Valley Ledger')
    assert.equal(result.published, '2026-05-13')
    assert.equal(result.title, 'Maren dam breach floods Oskel')
    assert.deepEqual(
      result.removed.map((r) => [r.rule, r.sourceLine]),
      [
        ['banner', 1],
        ['dateline', 3],
        ['title', 5],
      ],
    )
    assert.deepEqual(
      result.body.map((b) => b.text),
      STORY,
    )
  })

  test('a page that opens with running text has no headline', () => {
    const result = clean(['', ...STORY].join('\n'))
    assert.equal(result.title, null)
    assert.equal(result.body.length, 2)
  })

  test('a dated photo caption is removed and does not become the publication date', () => {
    const text = ['Maren dam breach floods Oskel', 'Volunteers fill sandbags at the edge of Oskel, Monday, May 11, 2026 (AP Photo/Anna Brecht)', ...STORY].join(
      '\n',
    )
    const result = clean(text)
    assert.equal(result.published, null)
    assert.deepEqual(
      result.removed.map((r) => r.rule),
      ['title', 'caption'],
    )
  })

  test('a date inside a sentence is not a dateline', () => {
    const result = clean(['Maren dam breach floods Oskel', 'The dam failed on May 12, 2026.', ...STORY].join('\n'))
    assert.equal(result.published, null)
    assert.equal(result.body[0]?.text, 'The dam failed on May 12, 2026.')
  })

  test('a byline line becomes the byline', () => {
    const result = clean(['Maren dam breach floods Oskel', 'By Mira Holt and Sam Ode', ...STORY].join('\n'))
    assert.equal(result.byline, 'Mira Holt and Sam Ode')
    assert.equal(result.body.length, 2)
  })

  test('stated metadata wins over what the page shows, and the shown headline is dropped', () => {
    const result = clean(['Valley Ledger', 'Maren dam breach floods Oskel | Valley Ledger', ...STORY].join('\n'), {
      title: 'Maren dam breach floods Oskel',
      outlet: 'Valley Ledger',
      published: '2026-05-13T06:00:00.000Z',
    })
    assert.equal(result.title, 'Maren dam breach floods Oskel')
    assert.equal(result.published, '2026-05-13T06:00:00.000Z')
    assert.deepEqual(
      result.removed.map((r) => r.rule),
      ['banner', 'title'],
    )
  })
})

describe('cleanBlocks: fragments, repeats, headings', () => {
  test('cuts a trailing "Read Full Article at …" credit and names the credited outlet', () => {
    const standfirst = 'Hundreds of families spent the night on rooftops in Oskel.'
    const result = clean(['Maren dam breach floods Oskel', `${standfirst} Read Full Article at RiverWire.com.`, ...STORY].join('\n'))
    assert.equal(result.creditedSource, 'RiverWire')
    assert.equal(result.body[0]?.text, standfirst)
    assert.deepEqual(result.removed[1], {
      rule: 'credit-line',
      text: 'Read Full Article at RiverWire.com.',
      reason: 'credits the original publisher',
      sourceLine: 2,
      fragment: true,
    })
  })

  test('short lower-case domains become upper-case outlet names', () => {
    const result = clean([STORY[0], 'Read the full story at ntv.com'].join('\n'))
    assert.equal(result.creditedSource, 'NTV')
  })

  test('a repeated standfirst is kept once, the first time', () => {
    const standfirst = 'The breach followed three days of record rain across the Maren valley.'
    const result = clean(['Maren dam breach floods Oskel', standfirst, STORY[0], standfirst, STORY[1]].join('\n'))
    assert.deepEqual(
      result.body.map((b) => b.text),
      [standfirst, STORY[0], STORY[1]],
    )
    assert.equal(result.removed.at(-1)?.rule, 'repeated')
    assert.equal(result.removed.at(-1)?.sourceLine, 4)
  })

  test('short title-like lines between paragraphs are section headings', () => {
    const result = clean(['Maren dam breach floods Oskel', STORY[0], 'Questions Over Inspections', STORY[1]].join('\n'))
    assert.deepEqual(
      result.body.map((b) => b.kind),
      ['paragraph', 'heading', 'paragraph'],
    )
  })

  test('the contributor line names the byline and the publishing outlet', () => {
    const result = clean([...STORY, 'Mira Holt contributed to this report for Valley Ledger'].join('\n'))
    assert.equal(result.byline, 'Mira Holt')
    assert.equal(result.outlet, 'Valley Ledger')
  })

  test('a footer that names its own outlet gives the outlet when nothing else does', () => {
    const result = clean([...STORY, 'Valley Ledger is a reader-funded newsroom. Help us stay afloat.'].join('\n'))
    assert.equal(result.outlet, 'Valley Ledger')
  })

  test('an all-furniture page leaves an empty body and says so', () => {
    const result = clean('Read more: Ferry strike ends\n\nSource link')
    assert.deepEqual(result.body, [])
    assert.equal(result.diagnostics[0]?.ruleId, 'clean/empty-body')
  })
})
