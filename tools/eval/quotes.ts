/**
 * `npm run eval -- quotes <folder>`: quotations and attribution against
 * PolNeAR (`<folder>/text/*.txt`, `<folder>/attributions/*.ann`, BRAT
 * standoff). Each article's text is split into paragraphs (one per line) and
 * sentences, run through `extractQuotes`, and scored with the quote-level
 * metric of the bench README §4. The summary line holds the direct-quote
 * subset (content starting with a quotation mark); the table also shows all
 * attributions, direct and indirect.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { extractQuotes } from '../../dist/claims/quotes.js'
import type { Quote } from '../../dist/claims/types.js'
import { splitSentences } from '../../dist/text/segment.js'
import type { Span } from '../../dist/types.js'
import {
  addCounts,
  attributionScores,
  scoreArticle,
  startsWithQuoteMark,
  ZERO_COUNTS,
  type AttributionCounts,
  type SpanAttribution,
} from './attribution-metric.js'
import type { EvalResult, EvalTask } from './task.js'

/** One article with its gold attributions. */
export interface PolnearArticle {
  readonly name: string
  readonly text: string
  readonly gold: readonly SpanAttribution[]
}

/** BRAT records start with an id and a TAB; any other line continues the previous record (raw line breaks in span text). */
const RECORD = /^[TE#]\d+\t/u

/**
 * Gold attributions of one `.ann` file: every `E` record with a `Content` or
 * `Content2` argument; content and source are the unions of their spans.
 */
export function parseAnn(ann: string): SpanAttribution[] {
  const records: string[] = []
  for (const line of ann.split('\n')) {
    if (RECORD.test(line)) records.push(line)
    else if (records.length > 0) records[records.length - 1] += `\n${line}`
  }
  const spans = new Map<string, { type: string; spans: Span[] }>()
  const events: string[][] = []
  for (const record of records) {
    const fields = record.split('\t')
    const id = fields[0] as string
    if (id.startsWith('T')) {
      const [type = '', ...rest] = (fields[1] ?? '').split(' ')
      const pieces = rest
        .join(' ')
        .split(';')
        .map((piece) => piece.trim().split(/\s+/u).map(Number))
        .filter((pair) => pair.length === 2 && pair.every(Number.isFinite))
        .map(([start, end]) => ({ start: start as number, end: end as number }))
      spans.set(id, { type, spans: pieces })
    } else if (id.startsWith('E')) events.push((fields[1] ?? '').trim().split(/\s+/u))
  }
  const attributions: SpanAttribution[] = []
  for (const args of events) {
    const content: Span[] = []
    const source: Span[] = []
    const cue: Span[] = []
    for (const arg of args.slice(1)) {
      const [role = '', ref = ''] = arg.split(':')
      const target = spans.get(ref)
      if (target === undefined) continue
      if (/^Content\d*$/u.test(role)) content.push(...target.spans)
      else if (/^Source\d*$/u.test(role)) source.push(...target.spans)
      else if (/^Cue\d*$/u.test(role)) cue.push(...target.spans)
    }
    if (content.length > 0) attributions.push({ content, source, cue })
  }
  return attributions
}

/** Articles of a PolNeAR folder; for an article annotated several times, the annotator id first in byte order. */
export async function readPolnear(folder: string): Promise<PolnearArticle[]> {
  const annFiles = (await readdir(join(folder, 'attributions'))).filter((f) => f.endsWith('.ann'))
  const chosen = new Map<string, string>()
  for (const file of annFiles) {
    const match = /^(.*)_([^_]+)\.ann$/u.exec(file)
    if (match === null) continue
    const [, article = '', annotator = ''] = match
    const current = chosen.get(article)
    if (current === undefined || Buffer.compare(Buffer.from(annotator), Buffer.from(current)) < 0) chosen.set(article, annotator)
  }
  const names = [...chosen.keys()].sort()
  return Promise.all(
    names.map(async (name) => {
      const [text, ann] = await Promise.all([
        readFile(join(folder, 'text', `${name}.txt`), 'utf8'),
        readFile(join(folder, 'attributions', `${name}_${chosen.get(name) as string}.ann`), 'utf8'),
      ])
      return { name, text, gold: parseAnn(ann) }
    }),
  )
}

/** Paragraph spans of a plain text: its non-empty lines. */
export function lineParagraphs(text: string): Span[] {
  const spans: Span[] = []
  let start = 0
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      if (text.slice(start, i).trim() !== '') spans.push({ start, end: i })
      start = i + 1
    }
  }
  return spans
}

/**
 * The extractor's quotes as PolNeAR-style attributions. A partial quote (a
 * quoted fragment inside reported speech) is not an attribution of its own
 * in PolNeAR: its content is the whole reported clause. A partial quote with
 * a `clause` stands for that clause; one without (a fragment after "condemned",
 * or a second fragment of a clause already given) is left out.
 */
export function toAttributions(quotes: readonly Quote[]): SpanAttribution[] {
  const attributions: SpanAttribution[] = []
  for (const q of quotes) {
    const content = q.kind !== 'partial' ? q.spans : q.clause === undefined ? null : [q.clause]
    if (content !== null) attributions.push({ content, source: q.speakerSpan === null ? [] : [q.speakerSpan], cue: q.cueSpan === null ? [] : [q.cueSpan] })
  }
  return attributions
}

/** Cues that report speech, as opposed to the beliefs, feelings and stances PolNeAR also annotates. */
const SPEECH_CUE =
  /\b(?:say|says|said|saying|tell|tells|told|telling|according to|state|states|stated|announce[sd]?|add|adds|added|adding|claim|claims|claimed|report|reports|reported|argue[sd]?|arguing|explain(?:s|ed)?|note[sd]?|noting|insist(?:s|ed)?|assert(?:s|ed)?|declare[sd]?|wrote|write|writes|warn(?:s|ed)?|warning|suggest(?:s|ed)?|acknowledge[sd]?|admit(?:s|ted)?|denie[sd]|den(?:y|ies)|testifie[sd]|respond(?:s|ed)?|repl(?:y|ies|ied)|confirm(?:s|ed)?|predict(?:s|ed)?|promise[sd]?|estimate[sd]?)\b/iu

export const quotes: EvalTask = async (folder) => {
  const articles = await readPolnear(folder)
  let all: AttributionCounts = ZERO_COUNTS
  let direct: AttributionCounts = ZERO_COUNTS
  let indirectOnly: AttributionCounts = ZERO_COUNTS
  let reported: AttributionCounts = ZERO_COUNTS
  const started = process.hrtime.bigint()
  let extractSeconds = 0
  for (const article of articles) {
    const t0 = process.hrtime.bigint()
    const found = extractQuotes(article.text, splitSentences(article.text, lineParagraphs(article.text)))
    extractSeconds += Number(process.hrtime.bigint() - t0) / 1e9
    const predicted = toAttributions(found)
    all = addCounts(all, scoreArticle(article.text, article.gold, predicted))
    const isDirect = (a: SpanAttribution): boolean => startsWithQuoteMark(article.text, a.content)
    direct = addCounts(direct, scoreArticle(article.text, article.gold.filter(isDirect), predicted.filter(isDirect)))
    indirectOnly = addCounts(
      indirectOnly,
      scoreArticle(
        article.text,
        article.gold.filter((a) => !isDirect(a)),
        predicted.filter((a) => !isDirect(a)),
      ),
    )
    const isReported = (a: SpanAttribution): boolean => !isDirect(a) && SPEECH_CUE.test((a.cue ?? []).map((c) => article.text.slice(c.start, c.end)).join(' '))
    reported = addCounts(reported, scoreArticle(article.text, article.gold.filter(isReported), predicted.filter(isReported)))
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const directScores = attributionScores(direct)
  return {
    table: [
      row('all attributions', all),
      row('direct quotes', direct),
      row('not starting with a quote mark', indirectOnly),
      row('  of which reported speech', reported),
    ],
    metrics: {
      quote_precision: directScores.precision,
      quote_recall: directScores.recall,
      quote_f1: directScores.f1,
      speaker_accuracy: directScores.speakerAccuracy,
    },
    notes: [
      `${articles.length} articles; overlap >= 0.5 on non-whitespace characters, one-to-one greedy; speaker = shared character with the gold source span`,
      'reported speech: attributions not starting with a quote mark whose cue (gold or ours) is a verb of saying ("said", "told", "according to", "announced", …); PolNeAR also marks beliefs and stances ("thinks", "mocked"), which are not extracted',
      `extraction ${(extractSeconds * 1000).toFixed(0)} ms (${((extractSeconds * 1000) / Math.max(1, articles.length)).toFixed(3)} ms/article), whole evaluation ${seconds.toFixed(1)} s`,
    ],
  } satisfies EvalResult
}

function row(subset: string, counts: AttributionCounts): Record<string, string | number> {
  const s = attributionScores(counts)
  const f = (x: number): string => x.toFixed(3)
  return {
    subset,
    gold: counts.gold,
    predicted: counts.predicted,
    matched: counts.matched,
    P: f(s.precision),
    R: f(s.recall),
    F1: f(s.f1),
    'attr P': f(s.attributionPrecision),
    'attr R': f(s.attributionRecall),
    'attr F1': f(s.attributionF1),
    'speaker acc': f(s.speakerAccuracy),
  }
}
