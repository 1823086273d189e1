/**
 * Pass 4: speakers across the article. Drafts become quotes in text order,
 * each mention resolved against what came before it ("he" → the latest
 * speaker, a surname → the full name, "the ministry" → the ministry named
 * earlier), with the quotation's said words and display text.
 */
import { STOPWORDS } from '../text/stopwords.js'
import type { Span } from '../types.js'
import { firstAtOrAfter } from './first-at-or-after.js'
import { knownNames, positionOfKnown, type Known } from './known-names.js'
import { personGenders, pronounGender } from './person-gender.js'
import type { Draft } from './quote-draft.js'
import { normalizeQuote, quoteDisplay, saidSpans } from './quote-text.js'
import { isParticle, isUpper, ORG_HEADS, PERSON_PRONOUN_SET, PRONOUN_SET, ROLE_SET } from './speaker-phrases.js'
import type { Entity, Quote, SpeakerStep } from './types.js'

/**
 * Turns drafts into quotes, resolving each mention against what came before
 * it: "he"/"she" → the latest person speaker (else the latest named person), a
 * surname → the full name seen earlier, "the ministry" → the latest
 * organisation named Ministry.
 */
export function resolveSpeakers(text: string, drafts: readonly Draft[], entities: readonly Entity[]): Quote[] {
  const known = knownNames(text, entities)
  const entityMentions = entities.filter((e) => e.kind !== 'place').flatMap((e) => e.mentions)
  const aliasToName = new Map<string, string>()
  for (const entity of entities) for (const alias of entity.aliases) aliasToName.set(alias.toLowerCase(), entity.name)
  const roleOf = new Map<string, string>()
  for (const entity of entities) if (entity.role !== null) roleOf.set(entity.name, entity.role)
  let lastPerson: string | null = null
  let lastPersonAt = -1
  let lastGroup: string | null = null
  // People the article marks as a man or a woman ("Mr Lenk", "spokeswoman Ana Ruiz"), and the people quoted so far.
  const genders = personGenders(
    text,
    known.filter((k) => k.person),
  )
  const personSpeakers: string[] = []
  // The title each speaker was first given in a quote's attribution ("Kremlin spokesman" for Dmitry Peskov).
  const rolesSeen = new Map<string, string>()
  const quotes: Quote[] = []
  for (const draft of drafts) {
    const { cue } = draft.attribution
    // A mention inside a longer name the entity reader found ("Human Rights" of "Syrian Observatory for Human
    // Rights"): the speaker is the whole entity, and its span ends on the entity's boundaries.
    const mention = draft.attribution.mention === null ? null : (wholeEntityAt(entityMentions, draft.attribution.mention) ?? draft.attribution.mention)
    let speaker: string | null = null
    let role = draft.attribution.role
    const steps: SpeakerStep[] = []
    if (mention !== null) {
      let written = text.slice(mention.start, mention.end).replace(/\s+/gu, ' ')
      // "According to the ministry's statement": a statement or report says nothing; whoever issued it does.
      const owner = documentOwner(written)
      if (owner !== null) {
        written = owner
        steps.push('document')
      }
      const lower = written.toLowerCase()
      // Entries from `firstAfter` on are at or after the mention: the search starts below them.
      const firstAfter = firstAtOrAfter(known, mention.start, positionOfKnown)
      const before = (person: boolean | null): Known | undefined => {
        for (let k = firstAfter - 1; k >= 0; k--) {
          const entry = known[k] as Known
          if (entry.position < mention.start && (person === null || entry.person === person)) return entry
        }
        return undefined
      }
      if (PERSON_PRONOUN_SET.has(lower)) {
        // A person introduced in this paragraph before any speaker of it is who "he" or "she" is:
        // "Ivo Lenk, 67, spent the night on his roof. “…,” he said." Otherwise the latest speaker.
        const named = before(true)
        const paragraphStart = text.lastIndexOf('\n', mention.start) + 1
        speaker = named !== undefined && named.position >= paragraphStart && lastPersonAt < paragraphStart ? named.name : (lastPerson ?? named?.name ?? null)
        // "She" is not the last man named: go back to the latest person who can be her, quoted or named.
        const gender = pronounGender(lower)
        if (speaker !== null && gender !== null && genders.get(speaker) !== undefined && genders.get(speaker) !== gender) {
          const fits = (name: string): boolean => (genders.get(name) ?? gender) === gender
          speaker = findLast(personSpeakers, fits) ?? findLast(known, (k) => k.person && k.position < mention.start && fits(k.name), firstAfter)?.name ?? null
        }
        steps.push('pronoun')
      } else if (PRONOUN_SET.has(lower)) {
        speaker = lastGroup ?? before(false)?.name ?? null
        steps.push('pronoun')
      } else if (aliasToName.has(lower)) {
        speaker = aliasToName.get(lower) ?? written
        if (speaker.toLowerCase() !== lower) steps.push('full-name')
      } else {
        const bare = written.replace(/^(?:the|a|an)\s+/iu, '').replace(/^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?\s+/u, '')
        // "the London-based monitoring group" is a description, though its first word is capitalised.
        const core = bare.replace(/^\S+-(?:based|led|backed|run|linked|affiliated)\s+/u, '')
        const isName = isUpper(core) || isParticle(core)
        const head = /(\p{L}+)$/u.exec(bare)?.[1] ?? bare
        if (isName && !/\s/u.test(bare)) {
          // A surname: the fullest earlier name ending with it.
          // Only entries up to the mention can match: the search starts there instead of at the article's end.
          const upTo = firstAtOrAfter(known, mention.start + 1, positionOfKnown)
          const match = findLast(
            known,
            (k) => k.position <= mention.start && k.name !== bare && (k.name.endsWith(` ${bare}`) || k.name.endsWith(`-${bare}`)),
            upTo,
          )
          speaker = match?.name ?? bare
          if (match !== undefined) steps.push('full-name')
        } else if (!isName && /^the\s/iu.test(written) && GENERIC_ORG_HEADS.has(head.toLowerCase())) {
          // "the London-based monitoring group": the organisation last quoted by name, else the last one named.
          const quoted: string | null = lastGroup !== null && isUpper(lastGroup) ? lastGroup : null
          const match: string | null = quoted ?? findLast(known, (k) => !k.person && k.position < mention.start, firstAfter)?.name ?? null
          speaker = match ?? bare
          if (match !== null) steps.push('description')
        } else if (!isName && /^the\s/iu.test(written) && ROLE_SET.has(head.toLowerCase()) && !/s$/u.test(head)) {
          // "the governor", "the Kremlin spokesman": the person the article named with that title.
          const title = bare.toLowerCase()
          const hasTitle = (name: string): boolean => (rolesSeen.get(name) ?? roleOf.get(name) ?? '').toLowerCase().endsWith(title)
          const match =
            findLast(personSpeakers, hasTitle) ?? findLast(known, (k) => k.person && k.position < mention.start && hasTitle(k.name), firstAfter)?.name ?? null
          speaker = match ?? bare
          if (match !== null) steps.push('role')
        } else if (!isName && /^the\s/iu.test(written) && ORG_HEADS.test(head.charAt(0).toUpperCase() + head.slice(1))) {
          // "the ministry": the organisation of that kind the article has named before.
          const title = head.charAt(0).toUpperCase() + head.slice(1)
          const match = findLast(known, (k) => !k.person && k.position < mention.start && k.name.includes(title), firstAfter)
          speaker = match?.name ?? bare
          if (match !== undefined) steps.push('description')
        } else speaker = bare
      }
      // A mention made only of function words ("and", "that") names nobody: better no speaker than a wrong one.
      if (speaker !== null && speaker.split(/\s+/u).every((word) => STOPWORDS.has(word.toLowerCase()))) speaker = null
      if (speaker !== null && role === null) role = roleOf.get(speaker) ?? rolesSeen.get(speaker) ?? null
      if (speaker !== null && role !== null && !rolesSeen.has(speaker)) rolesSeen.set(speaker, role)
      if (speaker !== null) {
        // A person's name is capitalised throughout ("Ahmad al-Sharaa"); "Syrian government" or "UK officials" is a group,
        // which a later "it" or "they" refers to.
        const person =
          PERSON_PRONOUN_SET.has(lower) ||
          (isUpper(speaker) &&
            /\s/u.test(speaker) &&
            !ORG_HEADS.test(speaker) &&
            !/^\p{Lu}{2,}$/u.test(speaker) &&
            speaker.split(/\s+/u).every((word) => isUpper(word) || isParticle(word)))
        if (person) {
          lastPerson = speaker
          lastPersonAt = mention.start
          personSpeakers.push(speaker)
        } else if (!PRONOUN_SET.has(lower)) lastGroup = speaker
      }
    }
    const textSpans = saidSpans(text, draft.pieces)
    // Quote marks around nothing ("“ ”", a stray pair) quote no words: nothing to attribute or to cite.
    if (textSpans.length === 0) continue
    quotes.push({
      kind: draft.kind,
      text: quoteDisplay(text, textSpans),
      textSpans,
      spans: draft.spans,
      // The words alone, as one run: the same quotation matches whether an outlet splits it or not.
      normalized: normalizeQuote(textSpans.map((span) => text.slice(span.start, span.end)).join(' ')),
      speaker,
      speakerRole: role,
      speakerSpan: mention,
      cue: cue === null ? null : text.slice(cue.start, cue.end).replace(/\s+/gu, ' '),
      cueSpan: cue,
      sentence: draft.sentence,
      ...(draft.clause === undefined ? {} : { clause: draft.clause }),
      ...(speaker === null || steps.length === 0 ? {} : { speakerResolution: steps }),
    })
  }
  return quotes
}

/** The entity mention that strictly contains `mention`, if any. */
function wholeEntityAt(mentions: readonly Span[], mention: Span): Span | null {
  for (const m of mentions) {
    if (m.start <= mention.start && m.end >= mention.end && m.end - m.start > mention.end - mention.start) return m
  }
  return null
}

// Heads of a description that fits any organisation: "the group" refers back to whichever one the article is about.
const GENERIC_ORG_HEADS = new Set(['group', 'organisation', 'organization', 'monitor', 'watchdog', 'body', 'charity', 'ngo'])

// What an organisation or a person issues in their name: a statement stands for its issuer as a speaker.
const DOCUMENT_NOUNS =
  'statement|statements|report|reports|announcement|communique|communiqué|release|data|figures|tally|count|estimate|estimates|findings|account|website|post|tweet|letter|bulletin|update|records|survey|study|analysis|notice|decree|order|filing|ruling|message|remarks|comments'
const DOCUMENT_MODIFIERS =
  '(?:(?:latest|new|official|own|written|joint|daily|weekly|monthly|annual|initial|preliminary|final|press|public|earlier|later|separate|recent|previous)\\s+)*'
const POSSESSIVE_DOCUMENT = new RegExp(`^(.+?)(?:[’']s|(?<=s)[’'])\\s+${DOCUMENT_MODIFIERS}(?:${DOCUMENT_NOUNS})$`, 'iu')
const DOCUMENT_BY = new RegExp(
  `^(?:an?|the|its|their)\\s+${DOCUMENT_MODIFIERS}(?:${DOCUMENT_NOUNS})\\s+(?:from|by|of|issued\\s+by|released\\s+by|published\\s+by)\\s+(.+)$`,
  'iu',
)

/**
 * Whose statement or report a mention names: "the ministry's statement" → "the ministry", "SOHR's latest
 * report" → "SOHR", "a statement from the Kremlin" → "the Kremlin"; null for any other mention.
 */
export function documentOwner(written: string): string | null {
  const possessive = POSSESSIVE_DOCUMENT.exec(written)
  if (possessive !== null) return possessive[1] ?? null
  return DOCUMENT_BY.exec(written)?.[1] ?? null
}

/** The last item before index `end` (all items by default) that passes `test`. */
function findLast<T>(items: readonly T[], test: (item: T) => boolean, end = items.length): T | undefined {
  for (let i = end - 1; i >= 0; i--) if (test(items[i] as T)) return items[i]
  return undefined
}
