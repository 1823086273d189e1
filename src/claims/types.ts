/**
 * What an article claims, as data a cross-source comparison can line up:
 * quotations with their speakers, figures with their sources, dated events
 * and the entities involved. Every item carries spans into the text it was
 * read from (an article's cleaned `text`), so a reader can check it.
 */
import type { ArticleId, Span } from '../types.js'

/**
 * How a figure bounds the true number. `exact` when the text gives no
 * qualifier. "over" and "more than" are `more than`; "roughly",
 * "approximately", "around", "some" are `about`; "almost" is `nearly`;
 * "fewer than", "under" are `less than`.
 */
export type Qualifier = 'exact' | 'at least' | 'more than' | 'up to' | 'less than' | 'nearly' | 'about' | 'as high as'

/**
 * A number as written in a sentence: digits, words or both, a range, or a
 * vague quantity. Years and days of the month are dates, not quantities.
 */
export interface Quantity {
  /**
   * The value; for a range its low end; for a vague quantity only its order
   * of magnitude (dozens → 12, hundreds → 100), never a count: read `range`
   * and `text` for those.
   */
  readonly value: number
  /** The high end of a range ("between 252 and 287", "5-10"), else null. */
  readonly high: number | null
  /** True for "dozens", "hundreds", "tens of thousands" and the like. */
  readonly vague: boolean
  /**
   * For a vague quantity, the counts its words can mean: "dozens" 24 to 99,
   * "hundreds" 200 to 999, "tens of thousands" 20,000 to 99,999. Absent for a
   * number.
   */
  readonly range?: { readonly low: number; readonly high: number }
  readonly qualifier: Qualifier
  /** Normalised unit (`percent`, `dollar`, `euro`, `kilometre`, …); null for a bare count. */
  readonly unit: string | null
  /** The number as written ("1,300", "1.2 million", "dozens", "between 5 and 10"). */
  readonly text: string
  /** Where the number (with its qualifier and unit) is. */
  readonly span: Span
}

/**
 * A figure about people or events: a quantity with what it counts, who
 * reports it, where and when.
 */
export interface Figure extends Quantity {
  /**
   * What is counted, normalised to a small vocabulary: `<subject> <outcome>`
   * ("people killed", "civilians killed", "security personnel killed",
   * "people displaced", "people sheltering", "people injured", "people
   * missing") or an event noun ("massacres", "attacks"). Null when the counted
   * thing is not recognised.
   */
  readonly measure: string | null
  /** The words the measure was read from ("civilians have been killed"). */
  readonly measurePhrase: string | null
  /** Who did it, when stated ("by state troops" → "state troops"). */
  readonly agent: string | null
  /**
   * Who the article credits the figure to, as written ("the Syrian
   * Observatory for Human Rights", "activists"); null when unattributed or
   * only "reportedly". Claims extraction replaces it with the entity's
   * canonical name where one is known.
   */
  readonly source: string | null
  readonly sourceSpan: Span | null
  /**
   * The words at `sourceSpan` exactly as written ("the London-based monitoring
   * group", "His office"): what a citation quotes, where `source` says who
   * that is. Absent when no source is named.
   */
  readonly sourceWritten?: string
  /** Place, when the sentence states one ("in Latakia and Tartus"). */
  readonly where: string | null
  /** Time, as written ("over the past three days", "as of Monday"). */
  readonly when: string | null
  /** `when` resolved to an ISO date where it can be; null otherwise. */
  readonly whenDate: string | null
  /** How `whenDate` was obtained (`stated` or `publication`); absent when it is null. */
  readonly whenBasis?: DateBasis
  /** Index into the sentences the extractor was given. */
  readonly sentence: number
}

/** How a quotation is presented. */
export type QuoteKind =
  /** A full direct quotation in quote marks. */
  | 'direct'
  /** A quoted fragment inside reported speech (the EU condemned "pro-Assad elements"). */
  | 'partial'
  /** Reported speech without quote marks ("he said that …", "according to …"). */
  | 'indirect'

/**
 * One step from the words an attribution points at to the speaker named:
 * - `document`: a statement or report stands for whose it is ("the
 *   ministry's statement", "a report by the agency" → the ministry, the agency);
 * - `description`: a definite description resolved to the named entity the
 *   article introduced with it ("the ministry" → "Ministry of Defense");
 * - `full-name`: a surname or short form resolved to the full name given
 *   earlier ("Peskov" → "Dmitry Peskov");
 * - `pronoun`: "he", "she", "it", "they" resolved to an earlier speaker or name;
 * - `role`: a role description resolved to the person the article names with
 *   it ("Syria's de-facto leader" → "Ahmed al-Sharaa").
 */
export type SpeakerStep = 'document' | 'description' | 'full-name' | 'pronoun' | 'role'

export interface Quote {
  readonly kind: QuoteKind
  /**
   * The said words as displayed: the exact text of each of `textSpans`,
   * joined by " […] " where the article puts other words between them (a
   * quote split by its attribution, one running over paragraphs). Never
   * re-cased or re-punctuated, so it can be checked against the article.
   */
  readonly text: string
  /**
   * The said words in the text, piece by piece: without quote marks, without
   * the reporter's words that `spans` may add, and without a comma the sentence
   * put inside a closing quote mark. Always set by the extractor; optional
   * only for quotes stored before it was.
   */
  readonly textSpans?: readonly Span[]
  /**
   * The attributed content in the text: the quoted pieces with their quote
   * marks (several when split by "…, he said, …"), and for a direct quote whose
   * attribution interrupts the sentence ("An economic downturn, he said, “could
   * …”") also the reporter's opening words, as annotators of attribution mark
   * them. `text` holds the quoted words only.
   */
  readonly spans: readonly Span[]
  /**
   * For matching the same quote across articles: quote marks, case,
   * whitespace and trivial punctuation removed.
   */
  readonly normalized: string
  /** The speaker resolved across the article ("Dmitry Peskov" for a later "he"); null when none is named. */
  readonly speaker: string | null
  /** Title or role when given ("Kremlin spokesman"). */
  readonly speakerRole: string | null
  /** The mention the attribution points at, as written in this sentence ("he", "Peskov", "the EU"). */
  readonly speakerSpan: Span | null
  /**
   * How `speaker` was read from the mention at `speakerSpan`, step by step,
   * when it is not simply the words written there: empty or absent when the
   * mention names the speaker as it stands ("Dmitry Peskov", "local sources").
   * A speaker reached by any step is inferred, and shown as such.
   */
  readonly speakerResolution?: readonly SpeakerStep[]
  /** The reporting words ("said", "told reporters", "according to"). */
  readonly cue: string | null
  readonly cueSpan: Span | null
  /** Index of the sentence the quote starts in. */
  readonly sentence: number
  /**
   * For a partial quote inside reported speech, the reported clause that
   * holds it: from the first word after the reporting words to the clause's
   * end ("the mayor has “never missed a deadline.”" in "Marsh says the mayor
   * has “never missed a deadline.”"). What is attributed is the whole
   * clause; `text` and `spans` stay the quoted words, which is what matches a
   * quote across articles. Absent when no such clause is read.
   */
  readonly clause?: Span
}

export type EntityKind = 'person' | 'organization' | 'place'

/** One entity of an article: every form it is named by, merged. */
export interface Entity {
  readonly kind: EntityKind
  /** The fullest form used in the article ("Syrian Observatory for Human Rights", "Ahmed al-Sharaa"). */
  readonly name: string
  /** Every distinct form seen, `name` first ("SOHR", "al-Sharaa", "the Observatory"). */
  readonly aliases: readonly string[]
  /** Title or role seen with a person ("Kremlin spokesman"). */
  readonly role: string | null
  readonly mentions: readonly Span[]
}

/**
 * How a date was obtained, so a view can show an inferred date as inferred:
 * - `stated`: the text names the calendar day ("March 9", "14 April 2026");
 * - `publication`: a relative date ("on Monday", "yesterday") resolved
 *   against the article's own publication date, by the tense of its clause;
 * - `speech`: a relative date inside a quotation ("today") resolved against
 *   when the words were spoken, as the article states it ("said on Monday");
 * - `inferred`: resolved against a date the article does not give as its
 *   own: a full date it states elsewhere, or its story's publication date.
 */
export type DateBasis = 'stated' | 'publication' | 'speech' | 'inferred'

/** A dated event the article states. */
export interface DatedEvent {
  /**
   * ISO date (`2025-03-10`) when known: stated, or relative and resolved (see
   * `dateBasis`). Null when it cannot be known, e.g. "today" inside a
   * quotation whose words the article does not date.
   */
  readonly date: string | null
  /** How `date` was obtained; absent when `date` is null (and on events stored before it was recorded). */
  readonly dateBasis?: DateBasis
  /** The date as written ("on Monday", "March 9", "earlier today"). */
  readonly dateText: string
  readonly dateSpan: Span
  /** True when the text states the date relative to the article ("on Monday", "last week"). */
  readonly relative: boolean
  /** What happened: the clause or sentence the date belongs to, trimmed. */
  readonly event: string
  readonly sentence: number
}

/** Everything claims extraction finds in one article. */
export interface ArticleClaims {
  readonly articleId: ArticleId
  readonly quotes: readonly Quote[]
  readonly figures: readonly Figure[]
  readonly events: readonly DatedEvent[]
  readonly entities: readonly Entity[]
}
