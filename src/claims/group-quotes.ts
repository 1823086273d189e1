/**
 * Pass 2: group quote regions into quotations and attribute them. Regions
 * split by an attribution ("…,” she said, “…”) or running over paragraphs
 * become one quotation; each gets the attribution after it, else the one
 * before it in its sentence; a quoted title or a few unattributed words are
 * a partial quote, not a statement.
 */
import type { Span } from '../types.js'
import { attributionAfter, attributionBefore } from './attribution-readers.js'
import { cueBetween } from './find-cues.js'
import { NONE, type Attribution, type CueHit, type Draft, type QuoteRegion } from './quote-draft.js'
import { DETERMINERS, isUpper, ROLE_SET, SCENE_SETTING } from './speaker-phrases.js'

/**
 * A quote running over paragraphs: while the group's last region is left
 * open and the next paragraph opens with a quote mark, that region joins the
 * group. Returns the index of the first region not taken.
 */
function continueOverParagraphs(regions: readonly QuoteRegion[], from: number, group: QuoteRegion[], paragraphs: readonly Span[]): number {
  let r = from
  let last = group[group.length - 1] as QuoteRegion
  while (!last.closed && r < regions.length) {
    const next = regions[r] as QuoteRegion
    if (next.paragraph !== last.paragraph + 1 || next.start !== (paragraphs[next.paragraph] as Span).start) break
    group.push(next)
    last = next
    r++
  }
  return r
}

/** The index of the last span (sorted, not overlapping) that starts at or before `position`; 0 when none does. */
function spanIndexAt(spans: readonly Span[], position: number): number {
  let lo = 0
  let hi = spans.length - 1
  let found = 0
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if ((spans[mid] as Span).start <= position) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

const THAT_LEAD = /\bthat\b/u

/**
 * The direct and partial quotations of an article, in text order: its quote
 * regions grouped into quotations, each with the attribution read around it.
 */
export function groupQuotes(
  text: string,
  sentences: readonly Span[],
  paragraphs: readonly Span[],
  regions: readonly QuoteRegion[],
  cues: readonly CueHit[],
): Draft[] {
  const drafts: Draft[] = []
  let previous: Draft | null = null
  for (let r = 0; r < regions.length;) {
    const first = regions[r] as QuoteRegion
    const group: QuoteRegion[] = [first]
    r = continueOverParagraphs(regions, r + 1, group, paragraphs)
    let last = group[group.length - 1] as QuoteRegion
    const sentence = spanIndexAt(sentences, first.start)
    const sentenceSpan = sentences[sentence] ?? { start: 0, end: text.length }
    const paragraphEnd = (paragraphs[last.paragraph] as Span).end
    const nextRegion = regions[r]
    const afterLimit = Math.min(nextRegion !== undefined && nextRegion.paragraph === last.paragraph ? nextRegion.start : paragraphEnd, last.end + 300)
    let attribution = last.closed ? attributionAfter(text, last.end, afterLimit) : NONE
    const pre = text.slice(Math.max(sentenceSpan.start, (paragraphs[first.paragraph] as Span).start), first.start)
    const preAttribution = attribution.cue === null ? attributionBefore(text, first.start - pre.length, first.start, cues) : NONE
    const fromBefore = attribution.cue === null && preAttribution.cue !== null
    const leadIn = pre.trim()
    // "X said that, “…”": the quotation finishes a reported clause; the clause is the content, the quote a fragment of it.
    const clauseLead =
      fromBefore && preAttribution.cue !== null && THAT_LEAD.test(text.slice(Math.max(preAttribution.cue.end, preAttribution.mention?.end ?? 0), first.start))
    const direct = !clauseLead && (leadIn === '' || /[,:]$/u.test(leadIn) || /[.!?]["”’]?$/u.test(leadIn))
    // "“…,” Sanders said at a rally in Binghamton, N.Y. “…”": the cue before this quote is the previous quotation's
    // own, so this one continues that quotation (joined below) rather than starting another with the same cue.
    const borrowed = fromBefore && direct && previous !== null && previous.kind === 'direct' && previous.attribution.cue?.start === preAttribution.cue?.start
    if (attribution.cue === null && !borrowed) attribution = preAttribution
    // "An economic downturn, he said, “could be …”": the words before the parenthetical attribution open the content.
    const lead = direct && fromBefore && !borrowed ? leadBeforeSpeaker(text, first.start - pre.length, preAttribution, first.start, cues) : null
    // "“…,” she said, “…”": the next quote right after this attribution continues the same quotation.
    if (attribution.end > 0 && last.closed) {
      while (r < regions.length) {
        const next = regions[r] as QuoteRegion
        const gap = text.slice(attribution.end, next.start)
        if (next.paragraph !== last.paragraph || !/^[\s,.;:—–-]*$/u.test(gap)) break
        // "“…,” Franken said. “…,” he said": a quote with its own attribution is a quotation of its own.
        if (/[.!?]/u.test(gap) && next.closed) {
          const following = regions[r + 1]
          const ownLimit = following !== undefined && following.paragraph === next.paragraph ? following.start : (paragraphs[next.paragraph] as Span).end
          if (attributionAfter(text, next.end, Math.min(ownLimit, next.end + 300)).cue !== null) break
        }
        group.push(next)
        r = continueOverParagraphs(regions, r + 1, group, paragraphs)
        last = group[group.length - 1] as QuoteRegion
        attribution = { ...attribution, end: last.end }
      }
    }
    // A quote standing alone in a sentence with no attribution of its own, right after an attributed one,
    // continues it: in the same paragraph ("“…,” he said. “…”"), or opening the next paragraph when nothing
    // in that paragraph reports speech ("“…,” he said.¶“…”"). A next paragraph with a reporting word of its
    // own ("“…,” Beck shot back.") starts a new quotation that only borrows the speaker.
    if (attribution.cue === null && direct && previous !== null && previous.kind === 'direct' && previous.attribution.cue !== null) {
      const prevEnd = (previous.spans[previous.spans.length - 1] as Span).end
      const prevParagraph = spanIndexAt(paragraphs, prevEnd - 1)
      const continues =
        prevParagraph === first.paragraph ||
        (prevParagraph === first.paragraph - 1 && first.start === (paragraphs[first.paragraph] as Span).start && !cueBetween(cues, last.end, paragraphEnd))
      if (!continues && prevParagraph === first.paragraph - 1) attribution = { ...previous.attribution, end: -1 }
      else if (continues) {
        // One quotation in the article's eyes (and PolNeAR's): add the pieces to the attributed one.
        const merged: Draft = {
          ...previous,
          spans: [...previous.spans, ...group.map((g) => ({ start: g.start, end: g.end }))],
          pieces: [...previous.pieces, ...group.map(innerSpan)],
        }
        drafts[drafts.length - 1] = merged
        previous = merged
        continue
      }
    }
    // "the EU blamed “…” and condemned “…”": a second fragment in the sentence shares the first one's speaker.
    if (attribution.mention === null && previous !== null && previous.sentence === sentence && previous.attribution.mention !== null) {
      attribution = { ...previous.attribution, cue: attribution.cue ?? previous.attribution.cue, end: -1 }
    }
    // A few quoted words with no attribution of their own are a fragment (a title, a phrase), not a statement.
    const inner = text.slice(first.innerStart, first.innerEnd)
    const fragment = group.length === 1 && (attribution.cue === null ? inner.trim().split(/\s+/u).length <= 3 || isHeadline(inner) : isTitle(inner))
    const draft: Draft = {
      kind: direct && !fragment ? 'direct' : 'partial',
      spans: [...(lead === null ? [] : [lead]), ...group.map((g) => ({ start: g.start, end: g.end }))],
      pieces: group.map(innerSpan),
      attribution,
      sentence,
      start: first.start,
    }
    drafts.push(draft)
    previous = draft
  }
  return drafts
}

/**
 * The start of a sentence that a mid-sentence attribution interrupts: "In
 * other words, he said, “…”", "When the plant closes, Mayor Ruiz added, “…”".
 * The quotation finishes the clause those words begin, so they are part of
 * what is attributed. Null when the attribution opens the sentence or the
 * words before it are not set off by a comma.
 */
function leadBeforeSpeaker(text: string, from: number, attribution: Attribution, quoteStart: number, cues: readonly CueHit[]): Span | null {
  const { mention, cue } = attribution
  // A participle ("…, telling reporters, “…”") hangs off a clause of its own; only "X said" / "said X" interrupts one.
  if (mention === null || cue === null || cue.start > quoteStart || /ing$/u.test(text.slice(cue.start, cue.end).split(/\s/u)[0] ?? '')) return null
  const attributionStart = Math.min(mention.start, cue.start)
  const before = text.slice(from, attributionStart)
  const comma = before.lastIndexOf(',')
  // Between the comma and the speaker only a title may stand ("…, port director Ana Ruiz said"), not "but", "as", "in which".
  const title = before.slice(comma + 1).trim()
  if (comma < 0 || (title !== '' && !title.split(/\s+/u).every((w) => isUpper(w) || ROLE_SET.has(w.toLowerCase()) || DETERMINERS.has(w.toLowerCase()))))
    return null
  if (title.split(/\s+/u).length > 4) return null
  // Only a comma between the attribution and the quote: "…, he said, “…”", not "…, he said of the plan: “…”".
  if (!/^\s*,\s*$/u.test(text.slice(Math.max(cue.end, mention.end), quoteStart))) return null
  let start = from
  while (start < from + comma && /[\s“”"‘’']/u.test(text[start] ?? '')) start++
  const words = text.slice(start, from + comma)
  if (!/[\p{L}\p{N}]/u.test(words) || SCENE_SETTING.test(words) || cueBetween(cues, start, from + comma)) return null
  return { start, end: from + comma }
}

const MINOR_WORDS = new Set('a an the and or but nor of to in on at by for from with as is are was be vs via into over per up out'.split(' '))

/**
 * A quoted name of a work or a slogan, not a statement: every word of a few capitalised
 * ("Orange Is the New Black", "A Time for Truth,"), minor words excepted.
 */
function isTitle(inner: string): boolean {
  // Word by word, stopping at the first that rules a title out: most quotations fail on their first words.
  let count = 0
  TITLE_WORD.lastIndex = 0
  for (let m = TITLE_WORD.exec(inner); m !== null; m = TITLE_WORD.exec(inner)) {
    const word = m[0]
    if (++count > 10 || !(CAPITAL_OR_DIGIT.test(word) || (count > 1 && MINOR_WORDS.has(word)))) return false
  }
  return count >= 2 && !/[.!?]\s+\p{L}/u.test(inner)
}

const TITLE_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu
const CAPITAL_OR_DIGIT = /^[\p{Lu}\p{N}]/u

/** A title, or a banner in capitals ("DIVISIVE, STUPID AND WRONG"): with no attribution, a heading or a sign, not speech. */
function isHeadline(inner: string): boolean {
  if (isTitle(inner)) return true
  const letters = inner.replace(/[^\p{L}]/gu, '')
  return letters.length >= 6 && inner.length < 80 && letters === letters.toUpperCase()
}

const innerSpan = (region: QuoteRegion): Span => ({ start: region.innerStart, end: region.innerEnd })
