/**
 * Quote extraction throughput: `extractQuotes` on synthetic ~600-word
 * articles built from templates (direct quotes in several styles, split and
 * multi-paragraph quotes, partial quotes, indirect speech, pronouns and
 * surnames), so the extractor does the work a real article asks of it.
 */
import { extractQuotes } from '../../dist/claims/quotes.js'
import { splitSentences } from '../../dist/text/segment.js'
import type { Span } from '../../dist/types.js'
import type { BenchCase } from './measure.js'
import { seededRandom } from '../../dist/testing/synthetic.js'

const ARTICLES = 3000

const FIRST = ['Ana', 'Tomas', 'Lina', 'Petra', 'Oren', 'Grace', 'Halvard', 'Ines', 'Arlo', 'Mira']
const LAST = ['Ruiz', 'Ferreira', 'Okafor', 'Lindqvist', 'Vale', 'Dunn', 'Brenn', 'Moreau', 'Beck', 'Sandoval']
const ROLES = ['union spokesman', 'Labour Minister', 'harbour master', 'Councilwoman', 'port director', 'Mayor']
const FILLER = [
  'The strike entered its third day as container ships queued outside the breakwater.',
  'Council members met behind closed doors for more than four hours on Tuesday evening.',
  'Freight rates on the route have risen by 12 percent since the start of the month.',
  'Local businesses said deliveries of fresh produce had been delayed by up to a week.',
  'The last comparable stoppage, in 2019, lasted eleven days and cost the region an estimated 40 million euros.',
]

type Template = (name: string, surname: string, role: string) => string
const TEMPLATES: readonly Template[] = [
  (n, s, r) => `“We will not unload a single ship until the contract is signed,” said ${r} ${n} ${s}.`,
  (n, s) => `"The port is closed for now," ${s} told reporters. "We expect talks to resume on Friday."`,
  (n, s, r) => `${r} ${n} ${s} said that the cranes would stay idle until the weekend, adding that safety inspections were under way.`,
  (_n, s) => `“The ships are waiting offshore,” ${s} said, “and every day costs the city money.”`,
  () => `The union condemned “reckless cost-cutting” and accused management of “bad faith” in the negotiations.`,
  () => `“I will stay here until there is a deal,” she added.`,
  () => `According to the port authority, losses have reached 4 million euros a day.`,
  (_n, s) => `${s} said: “This budget protects the libraries. It keeps the pools open.\n\n“It does not raise a single fee.”`,
  () => `Three container ships have been diverted to a neighbouring port, the shipping agency said.`,
  () => `‘It was a fair fight,’ one dockworker said of the council’s vote, the closest since the ’90s.`,
]

function article(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const paragraphs: string[] = []
  let words = 0
  while (words < 600) {
    const paragraph = random() < 0.55 ? pick(TEMPLATES)(pick(FIRST), pick(LAST), pick(ROLES)) : `${pick(FILLER)} ${pick(FILLER)}`
    paragraphs.push(paragraph)
    words += paragraph.split(' ').length
  }
  return paragraphs.join('\n\n')
}

function paragraphSpans(text: string): Span[] {
  const spans: Span[] = []
  let start = 0
  for (const block of text.split('\n\n')) {
    spans.push({ start, end: start + block.length })
    start += block.length + 2
  }
  return spans
}

interface QuoteInput {
  readonly texts: readonly string[]
  readonly sentences: readonly (readonly Span[])[]
}

export const QUOTE_CASES: readonly BenchCase[] = [
  {
    name: 'quote extraction',
    about: `extractQuotes on ${ARTICLES} synthetic ~600-word articles (quotes in every style, indirect speech, pronouns); sentences split outside the timed run`,
    unit: 'articles',
    prepare: (): QuoteInput => {
      const random = seededRandom(11)
      const texts = Array.from({ length: ARTICLES }, () => article(random))
      const sentences = texts.map((t) => splitSentences(t, paragraphSpans(t)))
      // Warm-up so the timed run measures compiled code.
      for (let i = 0; i < 200; i++) extractQuotes(texts[i] as string, sentences[i] as Span[])
      return { texts, sentences }
    },
    run: (input: unknown) => {
      const { texts, sentences } = input as QuoteInput
      let quotes = 0
      for (let i = 0; i < texts.length; i++) quotes += extractQuotes(texts[i] as string, sentences[i] as Span[]).length
      return { items: texts.length, notes: `${(quotes / texts.length).toFixed(1)} quotes/article` }
    },
  },
]
