/**
 * Quotations and who said them: the recipe. Four passes over the article,
 * each in its own file:
 * find quote regions (pairing quote marks in any style, paragraph by
 * paragraph) → group the regions that form one quotation (split by "…,” she
 * said, “…”, or running over several paragraphs) and find each group's
 * attribution → read indirect speech ("X said that …", "according to X, …",
 * "…, saying …") from the sentences, giving a partial quote the reported
 * clause that holds it. Speakers are resolved across the article at
 * the end, in text order, so a later "he" or "Peskov" gets the full name.
 * A quote's spans are what is attributed: for "If the dam fails, she said,
 * “…”" they include the clause's opening words, while `text` stays the quoted words.
 *
 * Everything is a linear scan with precompiled regexes, because claims
 * extraction runs on every article of a stream.
 *
 * Where things are:
 * - `quote-regions.ts`: paragraphs and quote regions (pass 1);
 * - `find-cues.ts`: every reporting word of the article, found once;
 * - `group-quotes.ts`: regions grouped into direct and partial quotations (pass 2),
 *   with `attribution-readers.ts` for the attribution around a quotation;
 * - `indirect-speech.ts`: reported speech (pass 3), with `reporting-verb-reading.ts`
 *   for one reporting verb and `clause-subjects.ts` for subjects away from the verb;
 * - `resolve-speakers.ts`: speakers across the article (pass 4), with `known-names.ts`;
 * - shared: `speaker-readers.ts` (subject and speaker next to a verb), `quote-tokens.ts`
 *   (the word reader), `speaker-phrases.ts` (word lists and patterns), `quote-draft.ts`
 *   (the shapes passed between passes), `quote-text.ts` (said words, display, normalised form),
 *   `first-at-or-after.ts` (binary search by position).
 */
import type { Span } from '../types.js'
import { findCues } from './find-cues.js'
import { groupQuotes } from './group-quotes.js'
import { indirectSpeech } from './indirect-speech.js'
import { findQuoteRegions, paragraphSpans } from './quote-regions.js'
import { resolveSpeakers } from './resolve-speakers.js'
import type { Entity, Quote } from './types.js'

export { ELISION, normalizeQuote, quoteDisplay } from './quote-text.js'
export { documentOwner } from './resolve-speakers.js'

/** Options of `extractQuotes`. */
export interface ExtractQuotesOpts {
  /** Entities of the article (from the entity extractor), used to map a mention to its fullest name. */
  readonly entities?: readonly Entity[]
}

/**
 * Direct, partial and indirect quotations of an article, with speakers
 * resolved across it.
 *
 * @param text The article's cleaned text.
 * @param sentences Sentence spans of `text` (from `splitSentences`).
 * @example
 * const text = '“We will reopen the port,” said harbour master Ana Ruiz.'
 * extractQuotes(text, splitSentences(text))[0]
 * // => { kind: 'direct', text: 'We will reopen the port', speaker: 'Ana Ruiz', speakerRole: 'harbour master', cue: 'said', … }
 */
export function extractQuotes(text: string, sentences: readonly Span[], opts?: ExtractQuotesOpts): Quote[] {
  const paragraphs = paragraphSpans(text)
  // Quote marks pair within a paragraph; a region still open at a paragraph's end may run on into the next.
  const regions = findQuoteRegions(text, paragraphs)
  // Every reporting word, once: both the grouping and the reported-speech pass look cues up by position.
  const cues = findCues(text)
  // Direct and partial quotations first: reported speech must know which cues they took and which spans they hold.
  const drafts = groupQuotes(text, sentences, paragraphs, regions, cues)
  // Reported speech skips cues and spans the quotations hold, and gives a partial quote (in `drafts`, updated in
  // place) the clause that holds it rather than a quote of its own.
  // A loop, not push(...): an input with hundreds of thousands of sentences would overflow the argument stack.
  for (const draft of indirectSpeech(text, sentences, regions, drafts, cues)) drafts.push(draft)
  // Speakers resolve in text order ("he", a surname, "the ministry" refer back), so the drafts are sorted first.
  drafts.sort((a, b) => a.start - b.start)
  return resolveSpeakers(text, drafts, opts?.entities ?? [])
}
