/**
 * Shared data shapes of crosscheck. Plain readonly records with a literal
 * discriminant where a value has variants; no classes. Every finding carries a
 * span into the cleaned text of the article it came from.
 */

/** Content-derived article id: 16 lowercase hex digits. */
export type ArticleId = string

/** Half-open character range [start, end) into an article's cleaned `text`. */
export interface Span {
  readonly start: number
  readonly end: number
}

export type Severity = 'info' | 'warning' | 'error'

/**
 * A problem found in content. Data, never an exception: the pipeline keeps
 * going and the user sees it (`crosscheck show`).
 */
export interface Diagnostic {
  /** Stable rule name, `<stage>/<rule>`, e.g. `decode/invalid-utf8`. */
  readonly ruleId: string
  readonly severity: Severity
  readonly message: string
  /** Where in the cleaned text, when the problem has a place there. */
  readonly span?: Span
  /** 1-based line of the raw input, when the input was line-oriented text. */
  readonly sourceLine?: number
}

/** The input formats crosscheck reads. */
export type InputFormat = 'text' | 'html' | 'json' | 'jsonl' | 'rss' | 'atom' | 'warc'

/** Where an article came from, precise enough to find it again. */
export interface SourceRef {
  /** What kind of location `location` is: `api` for articles sent in an HTTP request to `crosscheck serve`. */
  readonly kind: 'file' | 'url' | 'stdin' | 'api'
  /** File path, URL, `-` for standard input, or `api` for the HTTP API. */
  readonly location: string
  /**
   * Position inside a container input (a JSON Lines line, a feed item, a WARC
   * record), 0-based; absent for single-article inputs.
   */
  readonly index?: number
}

/**
 * One block of an input's body as the page presented it, before cleaning:
 * a line of a text file, a paragraph or heading of an HTML page.
 */
export interface Block {
  readonly kind: 'text' | 'heading'
  readonly text: string
  /** 1-based line in the raw text input this block came from. */
  readonly sourceLine?: number
  /**
   * Set by an extractor that knows structurally that this block is not part
   * of the story (e.g. an HTML `<figcaption>`); cleaning removes it with
   * this as the rule.
   */
  readonly hint?: RemovalRule
}

/** Metadata an input states explicitly (HTML meta tags, JSON fields, feed items). It wins over what cleaning infers. */
export interface StatedMetadata {
  readonly title?: string
  readonly outlet?: string
  /** ISO 8601 date or date-time. */
  readonly published?: string
  readonly byline?: string
  readonly creditedSource?: string
  /** ISO 639-1 code where known (`en`), else what the input said. */
  readonly language?: string
  readonly url?: string
}

/**
 * What an ingest adapter hands to the core: the body as blocks, the metadata
 * the input states, and the raw input kept verbatim.
 */
export interface RawDocument {
  readonly source: SourceRef
  readonly format: InputFormat
  readonly blocks: readonly Block[]
  readonly metadata: StatedMetadata
  /** The raw input as decoded text (HTML source, the text file, the JSON line). */
  readonly raw: string
  /** Problems the adapter found (decoding, parsing). */
  readonly diagnostics: readonly Diagnostic[]
}

/** Why cleaning removed a piece of the input. */
export type RemovalRule =
  | 'banner'
  | 'dateline'
  | 'byline'
  | 'title'
  | 'promo'
  | 'share'
  | 'subscribe'
  | 'donate'
  | 'membership'
  | 'caption'
  | 'image-credit'
  | 'source-link'
  | 'contributor'
  | 'credit-line'
  | 'repeated'
  | 'separator'
  | 'rewriter-artifact'
  | 'navigation'
  | 'comments'
  | 'copyright'
  | 'empty'
  /** Part of what the page marks up as its article that the main-content extractor left out. */
  | 'extractor'
  /** A part of the page the reader acts on rather than reads: a dialog or modal, a form, a poll, a fixed overlay. */
  | 'interactive'

/** One piece of the input that is not in the cleaned body, and why. */
export interface Removal {
  readonly rule: RemovalRule
  readonly text: string
  /** Human-readable reason, e.g. `"Read more:" promo for another article`. */
  readonly reason: string
  /** 1-based line of the raw text input, where known. */
  readonly sourceLine?: number
  /** True when only a fragment of the block was removed (e.g. a trailing "Read Full Article at …"). */
  readonly fragment?: boolean
}

/** A paragraph or section heading of the cleaned body. */
export interface Paragraph extends Span {
  readonly kind: 'paragraph' | 'heading'
  /** 1-based line of the raw text input, where known. */
  readonly sourceLine?: number
}

/** A cleaned, segmented article: the unit every later stage works on. */
export interface Article {
  readonly id: ArticleId
  readonly source: SourceRef
  readonly format: InputFormat
  readonly url: string | null
  readonly outlet: string | null
  /** The headline; derived from the first sentence when the input had none. */
  readonly title: string | null
  readonly titleDerived: boolean
  /** ISO 8601 date (`2025-03-11`) or date-time, as precise as the input. */
  readonly published: string | null
  readonly byline: string | null
  /** Outlet the article credits as its source ("Read Full Article at RT.com" → `RT`). */
  readonly creditedSource: string | null
  readonly language: string | null
  /** The cleaned body in display form: paragraphs separated by a blank line. */
  readonly text: string
  readonly paragraphs: readonly Paragraph[]
  readonly sentences: readonly Span[]
  readonly removed: readonly Removal[]
  readonly diagnostics: readonly Diagnostic[]
  /** SHA-256 (hex) of the comparison form of the body: equal bodies, equal hash. */
  readonly contentHash: string
  readonly raw: string
}

/** A date parser strategy, passed into the core so the core has no dependency on a date library. */
export type DateParser = (text: string, reference?: Date) => ParsedDate | null

export interface ParsedDate {
  /** ISO 8601: a day (`2025-03-11`), or an instant with its offset when the text gives a time and a zone; a time without a zone keeps only its day. */
  readonly iso: string
  /** The part of the input text the date was read from. */
  readonly start: number
  readonly end: number
}

/** Language detector strategy: text → ISO 639-1 code, or null when unsure. */
export type LanguageDetector = (text: string) => string | null

/** One line of `crosscheck articles`: an article without its body and raw input. */
export interface ArticleSummary {
  readonly id: ArticleId
  readonly title: string | null
  readonly titleDerived: boolean
  readonly outlet: string | null
  readonly published: string | null
  readonly creditedSource: string | null
  readonly language: string | null
  readonly format: InputFormat
  readonly location: string
  readonly url: string | null
  /** Characters in the cleaned body. */
  readonly length: number
  /** ISO 8601 time the article was first stored. */
  readonly ingestedAt: string
}

export interface StorySummary {
  readonly id: number
  /** Member titles, oldest member first, at most 50 (a label is picked from them). */
  readonly titles: readonly string[]
  /** Earliest and latest member date (publication date, else ingest time). */
  readonly firstSeen: string
  readonly lastSeen: string
  readonly members: number
  readonly outlets: readonly string[]
}

export interface StoryDetail extends StorySummary {
  /** Set when the id asked for was merged into this story. */
  readonly askedFor: number
  readonly memberIds: readonly ArticleId[]
}
