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
    assert.equal(quotes[0]?.text, 'The ships are waiting offshore, and every day costs us money.')
    assert.equal(quotes[0]?.speaker, 'Halvard Brenn')
    assert.equal(quotes[0]?.speakerRole, 'port director')
  })

  it('continues a quote over paragraphs when a paragraph opens without closing', () => {
    const text = 'The council voted 7-2 on Tuesday.\n\nCouncilman Arlo Beck said: “This budget protects the libraries. It keeps the pools open.\n\n“It does not raise a single fee.”'
    const quotes = direct(run(text))
    assert.equal(quotes.length, 1)
    assert.equal(quotes[0]?.spans.length, 2)
    assert.equal(quotes[0]?.speaker, 'Arlo Beck')
    assert.match(quotes[0]?.text ?? '', /single fee\.$/u)
  })
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

  it('joins a quote to the previous one when the cue between them is that quote\'s own, however long the attribution', () => {
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
    assert.equal(quotes[0]?.text, 'We are ready to talk, The offer is still on the table.')
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
    const text = 'She wrote about the strike in her memoir, “Harbour Lights and Long Nights.”\nProtesters carried a banner reading “NO MORE CUTS TO OUR PORT” past the gates.'
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
      [['Ana Ruiz', 'said'], ['shipping agency', 'said'], ['port authority', 'According to']],
    )
    assert.equal(quotes[0]?.text, 'that the cranes would be idle until Friday.')
    assert.equal(quotes[1]?.text, 'Three container ships have been diverted to Valmer')
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

  it('uses the entities given to map a mention to its full name', () => {
    const entity: Entity = { kind: 'person', name: 'Petra Lindqvist-Holm', aliases: ['Petra Lindqvist-Holm', 'Lindqvist'], role: 'Labour Minister', mentions: [] }
    const [first] = direct(run(text, [entity]))
    assert.equal(first?.speaker, 'Petra Lindqvist-Holm')
    assert.equal(first?.speakerRole, 'Labour Minister')
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
