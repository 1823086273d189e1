/**
 * Pass 3: reported speech. Indirect quotations read from the sentences ("X
 * said (that) …", "according to X, …", "…, saying …"), skipping what a
 * direct quotation already holds, and giving a partial quote the reported
 * clause that holds it.
 */
import type { Span } from '../types.js'
import { firstAtOrAfter } from './first-at-or-after.js'
import { startOfCue } from './find-cues.js'
import { draftOf, NONE, type CueHit, type Draft, type QuoteRegion } from './quote-draft.js'
import { startOfToken, tokens, type Token } from './quote-tokens.js'
import { readingAt } from './reporting-verb-reading.js'
import { AT_LEAST_THREE_WORDS, CLAUSE_OPENING_CONJUNCTIONS, INDIRECT_PARTICIPLES } from './speaker-phrases.js'
import { speakerAfter } from './speaker-readers.js'

/**
 * Reported speech outside quote marks: "X said (that) …", "…, X said.",
 * "according to X, …", "…, according to X.", "…, according to X, …",
 * "…, saying …", "X, who said …". Only subjects that open a clause count
 * (at the sentence start, after a comma or a clause-opening word), so in "the
 * gap between what the mayor says and does" the mayor reports nothing. A
 * sentence can hold several ("Lenk says … in the U.S. He says …", "X said A
 * but said B"): each clause ends where the next attribution begins. A reading
 * whose reporting verb is a partial quote's is not a quote of its own: it
 * gives that quote its `clause`.
 */
export function indirectSpeech(text: string, sentences: readonly Span[], regions: readonly QuoteRegion[], drafts: Draft[], cues: readonly CueHit[]): Draft[] {
  const out: Draft[] = []
  // A partial quote's cue is still free for the indirect reading: "Marsh says the mayor has “never missed a
  // deadline”" reports the whole clause; the clause is given to the partial quote rather than made a quote of its own.
  const usedCues = new Set(drafts.filter((d) => d.kind !== 'partial').map((d) => d.attribution.cue?.start ?? -1))
  const partialAtCue = new Map<number, number>()
  drafts.forEach((d, i) => {
    const cue = d.attribution.cue
    if (d.kind === 'partial' && cue !== null && !partialAtCue.has(cue.start)) partialAtCue.set(cue.start, i)
  })
  const quotesBySentence = new Map<number, Draft[]>()
  for (const d of drafts) {
    const here = quotesBySentence.get(d.sentence)
    if (here === undefined) quotesBySentence.set(d.sentence, [d])
    else here.push(d)
  }
  const directSpans = drafts
    .filter((d) => d.kind === 'direct')
    .flatMap((d) => d.spans)
    .sort((a, b) => a.start - b.start)
  // A span overlaps a direct one when, of the direct spans starting before it ends, the furthest-reaching ends
  // after it starts: a running maximum of their ends answers that with one binary search.
  const reach: number[] = []
  for (const d of directSpans) reach.push(Math.max(d.end, reach[reach.length - 1] ?? 0))
  const overlapsDirect = (span: Span): boolean => {
    const k = firstAtOrAfter(directSpans, span.end, startOfSpan) - 1
    return k >= 0 && (reach[k] as number) > span.start
  }
  let r = 0
  // Most sentences have no reporting verb: they are passed over before any text is sliced or read.
  const according: number[] = []
  for (let i = text.indexOf('ccording to'); i !== -1; i = text.indexOf('ccording to', i + 11)) according.push(i)
  let c = 0
  let a = 0
  sentences.forEach((sentence, index) => {
    while (c < cues.length && (cues[c] as CueHit).start < sentence.start) c++
    while (a < according.length && (according[a] as number) < sentence.start) a++
    let reports = a < according.length && (according[a] as number) < sentence.end
    for (let k = c; !reports && k < cues.length && (cues[k] as CueHit).start < sentence.end; k++) reports = (cues[k] as CueHit).indirect
    if (!reports) return
    while (r < regions.length && (regions[r] as QuoteRegion).end <= sentence.start) r++
    const s = text.slice(sentence.start, sentence.end)
    // A sentence that is mostly one direct quotation has nothing indirect to add.
    const region = regions[r]
    if (region !== undefined && region.start <= sentence.start + 1 && region.end >= sentence.end - 2) return
    const mentionsAccording = a < according.length && (according[a] as number) < sentence.end
    for (const draft of indirectIn(text, sentence, s, index, usedCues, cues, quotesBySentence.get(index) ?? NO_DRAFTS, mentionsAccording)) {
      // Reported speech never swallows a direct quotation: that one is already its own quote.
      const span = draft.spans[draft.spans.length - 1] as Span
      if (draft.spans.some(overlapsDirect)) continue
      const cueStart = draft.attribution.cue?.start ?? -1
      const partialIndex = partialAtCue.get(cueStart)
      if (partialIndex !== undefined) {
        // The cue is a partial quote's: the clause is that quote's content when it holds the quote, else nothing new.
        const partial = drafts[partialIndex] as Draft
        const quoted = partial.spans[0] as Span
        // A quotation running past the sentence end ("he’ll “need a lot of help. So we’ll see.”") stays whole.
        if (span.start <= quoted.start && quoted.start < span.end) {
          const clause = { start: span.start, end: Math.max(span.end, quoted.end) }
          // "Lenk on Saturday criticised the deal, saying it “…”": the word before a participle is no speaker;
          // the reading of the participle has found the sentence's subject instead.
          const cue = partial.attribution.cue
          const participle = cue !== null && INDIRECT_PARTICIPLES.has(text.slice(cue.start, cue.end).split(/\s/u)[0]?.toLowerCase() ?? '')
          const attribution =
            participle && draft.attribution.mention !== null
              ? { ...partial.attribution, mention: draft.attribution.mention, role: draft.attribution.role }
              : partial.attribution
          drafts[partialIndex] = { ...partial, attribution, clause }
        }
        partialAtCue.delete(cueStart)
        continue
      }
      out.push(draft)
    }
  })
  return out
}

const LEAD_ACCORDING = /^(?:\p{Lu}\p{Ll}*,?\s+)?according to\s+/iu
const TAIL_ACCORDING = /,\s+according to\s+([^,;]+?)[.!?]?$/iu
const SOURCE_APPOSITIVE = /^(?:who|which|whose|where|when)\b|^(?:an?\s+|the\s+)?(?:\p{Ll}+\s+){0,2}\p{Ll}+\s+(?:of|at|for|with)\s/u
const MIDDLE_ACCORDING = /,\s+according to\s+[^,;“”"]{2,80}?,\s+/iu

// What closes a reported clause when another attribution follows in the same sentence: the punctuation and the
// conjunction between them ("…, although he tweeted …", "… but said …").
const CLAUSE_TAIL = new RegExp(`(?:[\\s,;:—–-]+(?:${CLAUSE_OPENING_CONJUNCTIONS}|also|then)?)+$`, 'iu')

// A punctuation mark or a clause-opening word: what must stand before a second attribution in a sentence.
const LATER_CLAUSE_HINT = new RegExp(`[,;:.—–]|\\s-\\s|\\b(?:${CLAUSE_OPENING_CONJUNCTIONS})\\b`, 'iu')
const NO_DRAFTS: readonly Draft[] = []
const startOfSpan = (span: Span): number => span.start

/** The indirect readings of one sentence: "according to" at its start, end or middle, then each free reporting verb in turn. */
function indirectIn(
  text: string,
  sentence: Span,
  s: string,
  index: number,
  usedCues: ReadonlySet<number>,
  cues: readonly CueHit[],
  quotesHere: readonly Draft[],
  mentionsAccording: boolean,
): Draft[] {
  const base = sentence.start
  const found: Draft[] = []
  const lead = mentionsAccording ? LEAD_ACCORDING.exec(s) : null
  if (lead !== null && lead.index === 0) {
    let comma = s.indexOf(',', lead[0].length)
    // A comma inside a quoted title ("According to ‘Tides and Tolls: A History,’ by …") does not end the source.
    if (comma > 0 && /^\s*(?:''|["”’])/u.test(s.slice(comma + 1))) comma = s.indexOf(',', comma + 1)
    if (comma > 0 && comma - lead[0].length < 120) {
      const speaker = speakerAfter(text, base + lead[0].length, base + comma)
      if (speaker !== null) {
        const cue = { start: base + s.toLowerCase().indexOf('according'), end: base + lead[0].trimEnd().length }
        const draft = draftOf(
          text,
          'indirect',
          { start: base + comma + 1, end: sentence.end },
          { mention: speaker.mention, role: speaker.role, cue, end: -1 },
          index,
        )
        if (draft !== null) found.push(draft)
      }
    }
  }
  // The pattern is not anchored at the start: run it only on sentences that have the words.
  const tail = mentionsAccording ? TAIL_ACCORDING.exec(s) : null
  if (found.length === 0 && tail !== null && tail[1] !== undefined) {
    const speakerStart = base + tail.index + tail[0].length - tail[1].length - (/[.!?]$/u.test(tail[0]) ? 1 : 0)
    const speaker = speakerAfter(text, speakerStart, sentence.end)
    const cueStart = base + tail.index + tail[0].toLowerCase().indexOf('according')
    if (speaker !== null) {
      const draft = draftOf(
        text,
        'indirect',
        { start: base, end: base + tail.index },
        { mention: speaker.mention, role: speaker.role, cue: { start: cueStart, end: cueStart + 12 }, end: -1 },
        index,
      )
      return draft === null ? [] : [draft]
    }
  }
  // The sentence's words, read once and only as far as a reporting verb needs them (`to` is a verb's start, so
  // never inside a word); a reading takes those before its verb.
  const sentenceWords: Token[] = []
  let readTo = base
  const wordsBefore = (from: number, to: number): Token[] => {
    if (to > readTo) {
      for (const token of tokens(text, readTo, to)) sentenceWords.push(token)
      readTo = to
    }
    const first = from <= base ? 0 : firstAtOrAfter(sentenceWords, from, startOfToken)
    return to === readTo && first === 0 ? sentenceWords : sentenceWords.slice(first, firstAtOrAfter(sentenceWords, to, startOfToken))
  }
  // "The ferry, according to the operator, is older than …": the source set off in the middle of the clause.
  const middle = found.length === 0 && tail === null && mentionsAccording ? MIDDLE_ACCORDING.exec(s) : null
  if (middle !== null && middle.index > 10) {
    const sourceStart = base + middle.index + middle[0].indexOf('ccording') + 'ccording to'.length
    const sourceEnd = base + middle.index + middle[0].lastIndexOf(',')
    const speaker = speakerAfter(text, sourceStart, sourceEnd)
    const cueStart = base + middle.index + middle[0].indexOf('ccording') - 1
    const draft = draftOf(
      text,
      'indirect',
      { start: base + middle.index + middle[0].length, end: sentence.end },
      { mention: speaker?.mention ?? null, role: speaker?.role ?? null, cue: { start: cueStart, end: cueStart + 12 }, end: -1 },
      index,
    )
    const lead = draftOf(text, 'indirect', { start: base, end: base + middle.index }, NONE, index)
    const said = draft === null ? '' : sliceOf(text, draft.pieces[0])
    if (speaker !== null && draft !== null && lead !== null && AT_LEAST_THREE_WORDS.test(said)) {
      // "…, according to Ana Ruiz, director of the port." / "…, according to X, who advised …": what follows the
      // second comma describes the source, and the clause is the words before it alone.
      if (SOURCE_APPOSITIVE.test(said)) return [{ ...lead, attribution: draft.attribution }]
      return [{ ...draft, spans: [...lead.spans, ...draft.spans], pieces: [...lead.pieces, ...draft.pieces], start: lead.start }]
    }
  }
  for (let k = firstAtOrAfter(cues, sentence.start, startOfCue); k < cues.length && (cues[k] as CueHit).end <= sentence.end; k++) {
    const hit = cues[k] as CueHit
    if (usedCues.has(hit.start)) continue
    if (!hit.indirect) continue
    const verb = text.slice(hit.start, hit.end).toLowerCase()
    const participle = INDIRECT_PARTICIPLES.has(verb)
    const previous = found[found.length - 1]
    if (previous !== undefined) {
      // Only a reporting verb inside the previous reading's clause can open another one, and only after a
      // punctuation mark or a clause-opening word; "he said the report officials released said …" is one clause.
      const clauseStart = (previous.spans[previous.spans.length - 1] as Span).start
      if (hit.start < clauseStart) continue
      if (!participle && !LATER_CLAUSE_HINT.test(text.slice(Math.max(clauseStart, hit.start - 120), hit.start))) continue
    }
    const reading = readingAt(text, sentence, s, index, hit, previous ?? null, wordsBefore, quotesHere)
    if (reading === null) continue
    if (previous !== undefined) {
      // Two attributions in one sentence: the earlier clause ends where the later attribution's words begin.
      const shortened = endedAt(text, previous, reading.opens)
      found.pop()
      if (shortened !== null) found.push(shortened)
    }
    found.push(reading.draft)
  }
  return found
}

/** `draft` with its last span ending at `end`, less the punctuation and conjunction before it; null when nothing is left. */
function endedAt(text: string, draft: Draft, end: number): Draft | null {
  const spans = [...draft.spans]
  const last = spans[spans.length - 1] as Span
  if (end <= last.start || end >= last.end) return end >= last.end ? draft : null
  const kept = text.slice(last.start, end).replace(CLAUSE_TAIL, '')
  if (kept.trim().split(/\s+/u).length < 2) return null
  spans[spans.length - 1] = { start: last.start, end: last.start + kept.length }
  return { ...draft, spans, pieces: spans }
}

const sliceOf = (text: string, span: Span | undefined): string => (span === undefined ? '' : text.slice(span.start, span.end))
