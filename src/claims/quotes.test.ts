import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { splitSentences } from '../text/segment.js'
import type { Span } from '../types.js'
import { extractQuotes, normalizeQuote } from './quotes.js'
import type { Entity, Quote } from './types.js'

/** Paragraphs are lines, as in the pipeline's text. */
function run(text: string, entities?: readonly Entity[]): Quote[] {
  const paragraphs: Span[] = []
  let start = 0
  for (const line of text.split('\n')) {
    if (line.trim() !== '') paragraphs.push({ start, end: start + line.length })
    start += line.length + 1
  }
  return extractQuotes(text, splitSentences(text, paragraphs), entities === undefined ? undefined : { entities })
}

const direct = (quotes: readonly Quote[]): Quote[] => quotes.filter((q) => q.kind === 'direct')
const at = (text: string, span: Span | null): string | null => (span === null ? null : text.slice(span.start, span.end))

describe('extractQuotes: quote styles', () => {
  it('reads curly quotes with the speaker after, title as role', () => {
    const text = 'Dockworkers walked out at dawn.\n\n“We will not unload a single ship until the contract is signed,” said union spokesman Tomas Ferreira.'
    const [quote] = direct(run(text))
    assert.equal(quote?.text, 'We will not unload a single ship until the contract is signed')
    assert.equal(quote?.speaker, 'Tomas Ferreira')
    assert.equal(quote?.speakerRole, 'union spokesman')
    assert.equal(quote?.cue, 'said')
    assert.equal(at(text, quote?.speakerSpan ?? null), 'Tomas Ferreira')
  })

  it('reads straight double quotes and doubled apostrophes', () => {
    const straight = run('"The port is closed for now," Mayor Lina Okafor told reporters.')
    assert.equal(direct(straight)[0]?.speaker, 'Lina Okafor')
    assert.equal(direct(straight)[0]?.cue, 'told reporters')
    const doubled = run("''We expected more,'' said Councilwoman Grace Dunn.")
    assert.equal(direct(doubled)[0]?.text, 'We expected more')
    assert.equal(direct(doubled)[0]?.speaker, 'Grace Dunn')
  })

  it('reads single curly quotes and ignores apostrophes that are not quotes', () => {
    const text = 'The council’s vote was the closest since the ’90s. ‘It was a fair fight,’ said Oren Vale.'
    const quotes = run(text)
    assert.equal(quotes.filter((q) => q.kind !== 'indirect').length, 1)
    assert.equal(quotes[0]?.text, 'It was a fair fight')
    assert.equal(quotes[0]?.speaker, 'Oren Vale')
  })

  it('keeps a nested quote inside its quotation', () => {
    const [quote] = direct(run('“They keep calling it ‘a temporary pause,’ but nobody believes that,” said Ines Moreau.'))
    assert.equal(quote?.text, 'They keep calling it ‘a temporary pause,’ but nobody believes that')
    assert.equal(quote?.speaker, 'Ines Moreau')
  })
})

describe('extractQuotes: quotations in several pieces', () => {
  it('joins a quote split by its attribution into one quote with two spans', () => {
    const text = '“The ships are waiting offshore,” said port director Halvard Brenn, “and every day costs us money.”'
    const quotes = direct(run(text))
    assert.equal(quotes.length, 1)
    assert.equal(quotes[0]?.spans.length, 2)
    // The words as written, piece by piece: the comma the sentence put inside the first mark is not the speaker's.
    assert.equal(quotes[0]?.text, 'The ships are waiting offshore […] and every day costs us money.')
    assert.deepEqual(
      quotes[0]?.textSpans?.map((span) => at(text, span)),
      ['The ships are waiting offshore', 'and every day costs us money.'],
    )
    assert.equal(quotes[0]?.normalized, 'the ships are waiting offshore and every day costs us money')
    assert.equal(quotes[0]?.speaker, 'Halvard Brenn')
    assert.equal(quotes[0]?.speakerRole, 'port director')
  })

  it('continues a quote over paragraphs when a paragraph opens without closing', () => {
    const text =
      'The council voted 7-2 on Tuesday.\n\nCouncilman Arlo Beck said: “This budget protects the libraries. It keeps the pools open.\n\n“It does not raise a single fee.”'
    const quotes = direct(run(text))
    assert.equal(quotes.length, 1)
    assert.equal(quotes[0]?.spans.length, 2)
    assert.equal(quotes[0]?.speaker, 'Arlo Beck')
    assert.match(quotes[0]?.text ?? '', /single fee\.$/u)
  })
})

describe('extractQuotes: display text is the article’s words', () => {
  // Every quote of every kind: its text is its spans' text joined by the elision mark, and nothing else.
  const stories = [
    '“This is the worst flood in living memory,” Governor Andrei Kostelnik said. “Every family will be housed.”',
    'If the levee breaks again, Mayor Lina Okafor said, “the whole lower town will have to move.”',
    'Councilman Arlo Beck said: “This budget protects the libraries.\n“It does not raise a single fee.”',
    'The EU condemned “all violence against civilians,” and blamed “armed groups” for the raids.',
    'That plan, Lenk said, was never going to work, adding that the council “knew it all along.”',
    'The dam was inspected in May, according to the operator, which said the report would be published.',
  ]
  for (const story of stories) {
    it(`rebuilds each display text from its spans: ${story.slice(0, 48)}…`, () => {
      const quotes = run(story)
      assert.ok(quotes.length > 0)
      for (const quote of quotes) {
        assert.ok(quote.textSpans !== undefined && quote.textSpans.length > 0)
        assert.equal(quote.text, quote.textSpans.map((span) => at(story, span)).join(' […] '))
        for (const span of quote.textSpans) assert.doesNotMatch(at(story, span) ?? '', /^\s|[\s,;:]$/u)
      }
    })
  }
})

describe('extractQuotes: where a quotation ends', () => {
  it('continues a quote into the next paragraph when that paragraph reports no speech of its own', () => {
    const text = '“The tide gauges failed at midnight,” said harbour engineer Mira Sandoval.\n“Nobody saw the water coming until it was in the streets.”'
    const quotes = direct(run(text))
    assert.equal(quotes.length, 1)
    assert.equal(quotes[0]?.spans.length, 2)
    assert.equal(quotes[0]?.speaker, 'Mira Sandoval')
  })

  it('keeps a next-paragraph quote apart when it has its own reporting verb, two-word ones included', () => {
    const text = '“The budget is balanced,” Mayor Lina Okafor said.\n“It is balanced on paper,” councilman Arlo Beck shot back.'
    const quotes = direct(run(text))
    assert.equal(quotes.length, 2)
    assert.equal(quotes[1]?.speaker, 'Arlo Beck')
    assert.equal(quotes[1]?.cue, 'shot back')
  })

  it('reads a quote finishing a "that" clause as a fragment of reported speech', () => {
    const text = 'The minister said that, whatever the court decides, “the port will reopen on Monday.”'
    const quotes = run(text)
    assert.equal(direct(quotes).length, 0)
    assert.ok(quotes.some((q) => q.kind === 'partial' && q.text === 'the port will reopen on Monday.'))
  })

  it("joins a quote to the previous one when the cue between them is that quote's own, however long the attribution", () => {
    const text = '“The river rose a metre in an hour,” Mayor Lina Okafor said at a briefing in Tamsk, Ore. “We moved every family out before dark.”'
    const quotes = direct(run(text))
    assert.equal(quotes.length, 1)
    assert.equal(quotes[0]?.spans.length, 2)
    assert.equal(quotes[0]?.speaker, 'Lina Okafor')
  })

  it('does not read the next sentence\'s "X said" as the attribution of a quote closed by a full stop', () => {
    const text = '“We are ready to talk,” Okafor said. “The offer is still on the table.” The harbour, she said, would stay closed until Friday.'
    const quotes = direct(run(text))
    assert.equal(quotes.length, 1)
    assert.equal(quotes[0]?.spans.length, 2)
    // Never glued into words nobody said ("talk, The offer"): the pieces stay as written, the gap marked.
    assert.equal(quotes[0]?.text, 'We are ready to talk […] The offer is still on the table.')
  })

  it('counts the words before a mid-sentence attribution as part of what is attributed', () => {
    const text = 'If the levee breaks again, Mayor Lina Okafor said, “the whole lower town will have to move.”'
    const [quote] = direct(run(text))
    assert.equal(quote?.spans.length, 2)
    assert.equal(at(text, quote?.spans[0] ?? null), 'If the levee breaks again')
    assert.equal(quote?.text, 'the whole lower town will have to move.')
    assert.equal(quote?.speaker, 'Lina Okafor')
  })

  it('leaves scene-setting words before the attribution out of the quotation', () => {
    for (const text of [
      'Asked about the levee, Mayor Lina Okafor said, “It will hold.”',
      'In a statement on Friday, Mayor Lina Okafor said, “It will hold.”',
      'The mayor toured the levee, telling reporters, “It will hold.”',
    ]) {
      const [quote] = direct(run(text))
      assert.equal(quote?.spans.length, 1, text)
      assert.equal(at(text, quote?.spans[0] ?? null), '“It will hold.”', text)
    }
  })

  it('does not take quoted titles and banners for statements', () => {
    const text =
      'She wrote about the strike in her memoir, “Harbour Lights and Long Nights.”\nProtesters carried a banner reading “NO MORE CUTS TO OUR PORT” past the gates.'
    assert.equal(direct(run(text)).length, 0)
  })
})

describe('extractQuotes: partial and indirect speech', () => {
  it('reads a quoted fragment inside reported speech as partial, with the subject as speaker', () => {
    const text = 'The union condemned “reckless cost-cutting” at the terminal.'
    const [quote] = run(text).filter((q) => q.kind === 'partial')
    assert.equal(quote?.text, 'reckless cost-cutting')
    assert.equal(quote?.speaker, 'union')
    assert.equal(quote?.cue, 'condemned')
  })

  it('reads "X said (that) …", "…, X said." and "according to X"', () => {
    const text = [
      'Harbour master Ana Ruiz said that the cranes would be idle until Friday.',
      'Three container ships have been diverted to Valmer, the shipping agency said.',
      'According to the port authority, losses have reached 4 million euros a day.',
    ].join('\n\n')
    const quotes = run(text).filter((q) => q.kind === 'indirect')
    assert.deepEqual(
      quotes.map((q) => [q.speaker, q.cue]),
      [
        ['Ana Ruiz', 'said'],
        ['shipping agency', 'said'],
        ['port authority', 'According to'],
      ],
    )
    assert.equal(quotes[0]?.text, 'that the cranes would be idle until Friday.')
    assert.equal(quotes[1]?.text, 'Three container ships have been diverted to Valmer')
  })
})

describe('extractQuotes: reported speech', () => {
  const indirect = (quotes: readonly Quote[]): Quote[] => quotes.filter((q) => q.kind === 'indirect')
  const contents = (text: string, quotes: readonly Quote[]): string[] => quotes.map((q) => q.spans.map((s) => text.slice(s.start, s.end)).join(' | '))

  it('gives a partial quote the reported clause that holds it, keeping the quoted words as they are', () => {
    const text = 'Harbour spokeswoman Lena Marsh says the mayor has “never once missed a budget deadline.”'
    const quotes = run(text)
    assert.equal(indirect(quotes).length, 0)
    const [partial] = quotes
    assert.equal(partial?.kind, 'partial')
    assert.equal(partial?.text, 'never once missed a budget deadline.')
    assert.equal(at(text, partial?.clause ?? null), 'the mayor has “never once missed a budget deadline.”')
    assert.equal(partial?.speaker, 'Lena Marsh')
  })

  it('keeps the whole quotation in the clause when the sentence splitter ends the sentence inside it', () => {
    const text = 'Ruiz said on Tuesday that the port would “need every crane we have. Then we will see.”'
    const partial = run(text).find((q) => q.kind === 'partial')
    assert.equal(at(text, partial?.clause ?? null), 'that the port would “need every crane we have. Then we will see.”')
  })

  it('reads several attributions in one sentence, each clause ending where the next begins', () => {
    const text = [
      'Ferreira says the strike has cost the terminal a fortune in the U.S. He says the owners want a deal by Friday.',
      'Okafor said the levee held overnight but said the river could rise again by the weekend.',
      'The mayor said the bridge would reopen on Monday, although she warned that repairs could take longer.',
    ].join('\n')
    assert.deepEqual(contents(text, indirect(run(text))), [
      'the strike has cost the terminal a fortune in the U.S.',
      'the owners want a deal by Friday.',
      'the levee held overnight',
      'the river could rise again by the weekend.',
      'the bridge would reopen on Monday',
      'that repairs could take longer.',
    ])
  })

  it('takes the words before "…, X said on Monday," as what was said when the rest sets the scene, without the dateline', () => {
    const text = [
      'FENMOOR, June 3 (Coastline Wire) — At least 12 boats sank in the storm, the harbour authority said on Monday, as divers searched the outer basin.',
      'PORT ELLIS — Two piers will stay closed until August, the council said, citing damage to the pilings.',
    ].join('\n')
    const quotes = indirect(run(text))
    assert.deepEqual(contents(text, quotes), ['At least 12 boats sank in the storm', 'Two piers will stay closed until August'])
    assert.deepEqual(
      quotes.map((q) => q.speaker),
      ['harbour authority', 'council'],
    )
  })

  it('does not read a noun ending in -ing as a reporting verb', () => {
    const text = 'Forecasters issued a frost warning for the upland orchards for Saturday night.'
    assert.deepEqual(indirect(run(text)), [])
    const reported = 'The mayor spoke for an hour, warning that the ferry could stop running in winter.'
    assert.deepEqual(contents(reported, indirect(run(reported))), ['that the ferry could stop running in winter.'])
  })

  it('splits "X, who said A, said B" into two attributions to the same person', () => {
    const text = 'Dock foreman Ivo Lenk, who said the cranes were unsafe, said he would not return to work.'
    const quotes = indirect(run(text))
    assert.deepEqual(contents(text, quotes), ['the cranes were unsafe', 'he would not return to work.'])
    assert.equal(quotes[1]?.speaker, 'Ivo Lenk')
  })

  it('reads a subject that is a longer noun phrase, and survey figures', () => {
    const text = [
      'A report published Wednesday by the harbour authority said the dredging had been delayed twice.',
      'Nearly a third of the dock workers say they would accept the offer.',
    ].join('\n')
    const quotes = indirect(run(text))
    assert.deepEqual(contents(text, quotes), ['the dredging had been delayed twice.', 'they would accept the offer.'])
    assert.equal(at(text, quotes[0]?.speakerSpan ?? null), 'A report published Wednesday by the harbour authority')
  })

  it('does not read a subject inside a question clause or after "that" as a long subject', () => {
    const text = [
      'The gap between what the mayor says and what the council spends is growing.',
      'Okafor said that residents of the lower town say the river rose overnight.',
    ].join('\n')
    assert.deepEqual(contents(text, indirect(run(text))), ['that residents of the lower town say the river rose overnight.'])
  })

  it('reads an attribution set in the middle of the reported clause', () => {
    const text = [
      'The cranes, the port authority said, will stay idle until the inspection is finished.',
      'Losses at the terminal, according to the shipping agency, have reached 4 million euros a day.',
    ].join('\n')
    const quotes = indirect(run(text))
    assert.deepEqual(contents(text, quotes), [
      'The cranes | will stay idle until the inspection is finished.',
      'Losses at the terminal | have reached 4 million euros a day.',
    ])
    assert.deepEqual(
      quotes.map((q) => q.speaker),
      ['port authority', 'shipping agency'],
    )
  })

  it('reads "…, saying …" with the subject of the sentence, or of the quotation before it', () => {
    const text = [
      'The dockworkers’ union rejected the offer on Monday, saying the raise would not cover rising rents.',
      '“We are not moving,” Ferreira said, adding that the pickets would stay through the weekend.',
    ].join('\n')
    const quotes = indirect(run(text))
    assert.deepEqual(contents(text, quotes), ['the raise would not cover rising rents.', 'that the pickets would stay through the weekend.'])
    assert.deepEqual(
      quotes.map((q) => q.cue),
      ['saying', 'adding'],
    )
    assert.equal(at(text, quotes[0]?.speakerSpan ?? null), 'The dockworkers’ union')
    assert.equal(quotes[1]?.speaker, 'Ferreira')
  })

  it('starts the clause at "that" after the reporting verb\'s object or a time', () => {
    const text = [
      'Mayor Lina Okafor told a crowd in Valmer on Tuesday that the port would reopen within a month.',
      'Okafor said in an interview that the harbour fees would not rise this year.',
    ].join('\n')
    assert.deepEqual(contents(text, indirect(run(text))), ['that the port would reopen within a month.', 'that the harbour fees would not rise this year.'])
  })

  it('reads a subject after an opening phrase, a clause-opening word or a bracketed party', () => {
    const text = [
      'During the past week, the Okafors say they have received dozens of letters.',
      'The ferry was cancelled, and officials say the storm will last until Thursday.',
      'Sen. Jo Reyes (D-Ore.) said the harbour needed federal money.',
    ].join('\n')
    const quotes = indirect(run(text))
    assert.deepEqual(contents(text, quotes), [
      'they have received dozens of letters.',
      'the storm will last until Thursday.',
      'the harbour needed federal money.',
    ])
    assert.equal(quotes[2]?.speaker, 'Jo Reyes')
  })

  it('reads "told" with a named object, a subject set off by dashes, and a closing attribution followed by more', () => {
    const text = [
      'Ferreira told the Valmer Gazette the union would strike again in May.',
      'Okafor — after a long pause — said the levee would hold.',
      'The harbour is “not for sale,” said Mayor Lina Okafor, but the council has not voted yet.',
    ].join('\n')
    const quotes = run(text)
    assert.deepEqual(contents(text, indirect(quotes)), ['the union would strike again in May.', 'the levee would hold.'])
    assert.equal(indirect(quotes)[0]?.cue, 'told the Valmer Gazette')
    const partial = quotes.find((q) => q.kind === 'partial')
    assert.equal(at(text, partial?.clause ?? null), 'The harbour is “not for sale,”')
    assert.equal(partial?.speaker, 'Lina Okafor')
  })

  it('does not take other uses of reporting verbs for speech', () => {
    const text = [
      'Six states held their primaries on Tuesday, and two states voted by mail.',
      'Okafor won the harbour district, adding to her lead over the council.',
      'The leak was first reported by the Valmer Gazette in March.',
      'Mayor Okafor told him to leave the meeting at once.',
    ].join('\n')
    assert.deepEqual(indirect(run(text)), [])
  })
})

describe('extractQuotes: speaker resolution', () => {
  const text = [
    'Labour Minister Petra Lindqvist met both sides on Monday.',
    '“Nobody wins a long strike,” Lindqvist said.',
    '“I will stay here until there is a deal,” she added.',
    'The Ministry of Labour later said talks would resume on Wednesday.',
    '“Both delegations have accepted the invitation,” the ministry said in a statement.',
  ].join('\n\n')

  it('resolves a surname to the full name seen earlier, keeping the mention as written', () => {
    const [first] = direct(run(text))
    assert.equal(first?.speaker, 'Petra Lindqvist')
    assert.equal(at(text, first?.speakerSpan ?? null), 'Lindqvist')
  })

  it('resolves a later pronoun to the latest person speaker', () => {
    const second = direct(run(text))[1]
    assert.equal(second?.speaker, 'Petra Lindqvist')
    assert.equal(at(text, second?.speakerSpan ?? null), 'she')
  })

  it('resolves "the ministry" to the organisation named earlier', () => {
    const third = direct(run(text))[2]
    assert.equal(third?.speaker, 'Ministry of Labour')
    assert.equal(third?.cue, 'said')
  })

  it('resolves "he" to a person the paragraph introduces before quoting them', () => {
    const story = [
      '“We lost the whole harvest,” said farmer Oren Vale.',
      'Down the road, Tomas Ferreira, 71, spent the night on the roof of his barn. “I heard the river before I saw it,” he said.',
    ].join('\n\n')
    const quotes = direct(run(story))
    assert.equal(quotes[1]?.speaker, 'Tomas Ferreira')
    assert.equal(at(story, quotes[1]?.speakerSpan ?? null), 'he')
  })

  it('reads less common reporting verbs ("informed journalists")', () => {
    const [quote] = direct(run('“The dam held for forty years,” Brenn informed journalists at the shelter.'))
    assert.equal(quote?.speaker, 'Brenn')
    assert.equal(quote?.cue, 'informed journalists')
  })

  it('says how a speaker was reached: as written, from a surname, a pronoun or a description', () => {
    const quotes = direct(run(text))
    assert.deepEqual(
      quotes.map((q) => q.speakerResolution ?? []),
      [['full-name'], ['pronoun'], ['description']],
    )
    const [named] = direct(run('“The port stays open,” said Ana Ruiz.'))
    assert.equal(named?.speakerResolution, undefined)
  })

  // A statement or report is not a speaker: whoever issued it is.
  const documents: readonly (readonly [string, string, string])[] = [
    [
      'According to the ministry’s statement, the raids dismantled “armed cells and their members” in the hills.',
      'Ministry of Labour',
      'the ministry’s statement',
    ],
    ["According to the ministry's latest report, the strike has cost “well over a week of exports.”", 'Ministry of Labour', "the ministry's latest report"],
    ['According to a statement from the ministry, the talks were “frank and useful.”', 'Ministry of Labour', 'a statement from the ministry'],
    ['According to the unions’ joint statement, the offer is “an insult to every docker.”', 'unions', 'the unions’ joint statement'],
  ]
  for (const [sentence, speaker, written] of documents) {
    it(`gives "${written}" to whoever issued it`, () => {
      const story = `The Ministry of Labour called both sides to talks.\n\n${sentence}`
      const quote = run(story).find((q) => q.kind !== 'indirect')
      assert.equal(quote?.speaker, speaker)
      assert.equal(at(story, quote?.speakerSpan ?? null), written)
      assert.equal(quote?.speakerResolution?.[0], 'document')
      // The words between the source and the quotation are the clause that holds it, not the source's title.
      assert.equal(quote?.speakerRole, null)
    })
  }

  it('gives "it" in a clause reported for a group to that group, not to an earlier speaker', () => {
    const story = [
      '“The river rose a metre in an hour,” the Coastal Monitoring Network said.',
      'The regional government announced on Monday that it had formed a panel to review what it called “the events of the weekend” in the valley.',
    ].join('\n\n')
    const quote = run(story).find((q) => q.kind === 'partial')
    assert.equal(quote?.text, 'the events of the weekend')
    assert.equal(quote?.speaker, 'regional government')
    assert.deepEqual(quote?.speakerResolution, ['pronoun'])
  })

  // Speakers are whole entities: an organisation's name runs over its connectors, a description resolves to who it describes.
  const entityCases: readonly (readonly [string, string, string, string?])[] = [
    [
      'organisation named whole',
      'The UK-based Coastal Observatory for River Safety reported that over 40 homes had been flooded.',
      'Coastal Observatory for River Safety',
    ],
    [
      'organisation named whole after "according to"',
      'At least 12 homes were flooded, according to the Coastal Observatory for River Safety.',
      'Coastal Observatory for River Safety',
    ],
    [
      'a description resolved to the name it is given with',
      'The province’s governor and former head of the flood board, Andrei Kostelnik, has condemned the delays and promised that the dam would be rebuilt by spring.',
      'Andrei Kostelnik',
      'The province’s governor and former head of the flood board',
    ],
  ]
  for (const [name, story, speaker, role] of entityCases) {
    it(`keeps the speaker an entity: ${name}`, () => {
      const [quote] = run(story)
      assert.equal(quote?.speaker, speaker)
      if (role !== undefined) assert.equal(quote?.speakerRole, role)
    })
  }

  it('resolves "the monitoring group" to the organisation quoted before and "the spokesman" to the person with that title', () => {
    const story = [
      'The Coastal Observatory for River Safety said that 40 homes had been flooded.',
      'The London-based monitoring group noted that the river was still rising.',
      '“We will reopen the bridge on Friday,” said port spokesman Pavel Drozdov.',
      'The spokesman added that the ferry would run on Saturday.',
    ].join('\n\n')
    const quotes = run(story)
    assert.deepEqual(
      quotes.map((q) => q.speaker),
      ['Coastal Observatory for River Safety', 'Coastal Observatory for River Safety', 'Pavel Drozdov', 'Pavel Drozdov'],
    )
    assert.deepEqual(quotes[1]?.speakerResolution, ['description'])
    assert.deepEqual(quotes[3]?.speakerResolution, ['role'])
  })

  it('does not read whom a statement was made to as what was said', () => {
    const quotes = run('The envoy confirmed to Harbour Radio on Monday that the talks had begun.')
    assert.deepEqual(
      quotes.map((q) => q.text),
      ['that the talks had begun.'],
    )
  })

  it('ends a speaker on the boundaries of the entity the mention is part of', () => {
    const story = 'The Harbour Workers and Dockers Union said that the strike would go on.'
    const start = story.indexOf('Harbour')
    const union: Entity = {
      kind: 'organization',
      name: 'Harbour Workers and Dockers Union',
      aliases: ['Harbour Workers and Dockers Union'],
      role: null,
      mentions: [{ start, end: start + 'Harbour Workers and Dockers Union'.length }],
    }
    const [quote] = run(story, [union])
    assert.equal(quote?.speaker, 'Harbour Workers and Dockers Union')
    assert.equal(at(story, quote?.speakerSpan ?? null), 'Harbour Workers and Dockers Union')
  })

  it('uses the entities given to map a mention to its full name', () => {
    const entity: Entity = {
      kind: 'person',
      name: 'Petra Lindqvist-Holm',
      aliases: ['Petra Lindqvist-Holm', 'Lindqvist'],
      role: 'Labour Minister',
      mentions: [],
    }
    const [first] = direct(run(text, [entity]))
    assert.equal(first?.speaker, 'Petra Lindqvist-Holm')
    assert.equal(first?.speakerRole, 'Labour Minister')
  })
})

describe('extractQuotes: pronouns and gender', () => {
  it('gives "she" to the latest person who can be her, not to the last man quoted', () => {
    const text = [
      'Harbour spokeswoman Ana Ruiz said the cranes would be checked on Monday.',
      'Dock foreman Ivo Lenk disagreed. “The cranes are unsafe,” he said.',
      '“We will check every one of them,” she said.',
    ].join('\n\n')
    assert.deepEqual(
      direct(run(text)).map((q) => q.speaker),
      ['Ivo Lenk', 'Ana Ruiz'],
    )
  })

  it('keeps the latest speaker when the text does not say who is a man or a woman', () => {
    const text = ['Ana Ruiz said the cranes would be checked.', '“The cranes are unsafe,” said Ivo Lenk.', '“We will check every one,” she said.'].join('\n\n')
    assert.deepEqual(
      direct(run(text)).map((q) => q.speaker),
      ['Ivo Lenk', 'Ivo Lenk'],
    )
  })
})

describe('extractQuotes: unusual characters', () => {
  it('finishes on a capital letter outside the Basic Multilingual Plane (styled social-media text)', () => {
    const text = 'Fans posted 𝐁𝐑𝐄𝐀𝐊𝐈𝐍𝐆 in bold. “We will rebuild the pier,” said Mayor Lina Okafor.'
    const [quote] = direct(run(text))
    assert.equal(quote?.speaker, 'Lina Okafor')
  })
})

describe('normalizeQuote', () => {
  it('gives the same form to a quote whatever its case, marks and spacing', () => {
    assert.equal(normalizeQuote('“The Council was united,”'), normalizeQuote('the council  was united'))
    assert.equal(normalizeQuote('We won’t  back down.'), "we won't back down")
    // Outlets re-punctuate what they carry: the words decide.
    assert.equal(normalizeQuote('If you return, we will return.'), normalizeQuote('If you return we will return'))
    // Two apostrophes are a double mark; runs of punctuation and odd spaces make one space.
    assert.equal(normalizeQuote("  ''Not now,'' he said…!\u00a0 Later ’’ ‘maybe’ "), "not now he said later 'maybe'")
  })
})
