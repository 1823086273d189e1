/**
 * The public API of crosscheck: explicit re-exports only (the list is locked
 * by index.test.ts).
 */
export type {
  Article,
  ArticleId,
  Block,
  DateParser,
  Diagnostic,
  InputFormat,
  LanguageDetector,
  Paragraph,
  ParsedDate,
  RawDocument,
  Removal,
  RemovalRule,
  Severity,
  SourceRef,
  Span,
  StatedMetadata,
} from './types.js'
export { CrosscheckError, FetchError, InputError, StoreError, type ErrorCode } from './errors.js'
export { cleanBlocks, type CleanOpts, type CleanResult, type CleanedBlock } from './text/clean.js'
export { comparisonForm, displayForm } from './text/normalize.js'
export { assembleBody, splitSentences } from './text/segment.js'
export type {
  Store,
  ArticleStore,
  LineageStore,
  StoryStore,
  ClaimStore,
  FeedStore,
  StoredClaims,
  PutOutcome,
  ListArticlesOpts,
  Candidate,
  CandidateOpts,
  ListRelationsOpts,
} from './storage.js'
export type { ArticleSummary, StoryDetail, StorySummary } from './types.js'
export type { Relation, RelationKind, SentenceMatch, Direction } from './lineage/types.js'
export { relateArticles, type AlignableArticle, type RelateOpts } from './lineage/relate.js'
export { alignableSentences, alignSentences, retellingScore } from './lineage/align-articles.js'
export { fingerprintArticle, type Fingerprint } from './lineage/fingerprint.js'
export { lineageGraph, outletProfiles, type LineageGraph, type OutletProfile } from './lineage/lineage-graph.js'
export { updateLineage } from './lineage/update-lineage.js'
export { wordDiff, type DiffPart } from './lineage/word-diff.js'
export { minhash, estimateJaccard } from './dedup/minhash.js'
export { lshParams } from './dedup/lsh-params.js'
export { bandHashes, LshIndex } from './dedup/lsh.js'
export { scoreSentencePair } from './align/sentence-scorer.js'
export { ingest, type IngestOpts, type IngestReport, type IngestEvent } from './ingest/ingest.js'
export { chronoDateParser } from './ingest/date-parser.js'
export { detectLanguage } from './ingest/language.js'
export type { ArticleClaims, DatedEvent, Entity, EntityKind, Figure, Qualifier, Quantity, Quote, QuoteKind } from './claims/types.js'
export { extractClaims, type ClaimsSource, type ExtractClaimsOpts } from './claims/extract-claims.js'
export { extractStoryClaims } from './claims/story-claims.js'
export { findQuantities } from './claims/quantities.js'
export { extractFigures } from './claims/figures.js'
export { extractQuotes, normalizeQuote } from './claims/quotes.js'
export { extractEntities } from './claims/entities.js'
export { groupEntities, sameEntityName, type EntityGroup } from './claims/aliases.js'
export { extractEvents } from './claims/events.js'
export type { DateFinder, DateMention } from './claims/date-finder.js'
export { chronoDateFinder } from './ingest/date-finder.js'
export type { StoryReport, FigureGroup, FigureVerdict, QuoteEntry } from './report/types.js'
export { buildStoryReport, type StoryReportInput } from './report/build-report.js'
export { readArticleClaims, readLineage, readOutletProfiles, readStory, readStoryClaims, readStoryLineage, readStoryReport } from './read/read-model.js'
export type { ArticleClaimsView, LineageView, StoryClaimsView, StoryLineageView, StoryMemberView, StoryView } from './read/read-model.js'
export { analyzeDocument, applyBatch, articleId, createApplyState, prepareArticle, type Analysis, type ApplyState, type PrepareOpts } from './pipeline.js'
export { renderText as renderReportText } from './report/render-text.js'
export { renderMarkdown as renderReportMarkdown } from './report/render-markdown.js'
export { renderHtml as renderReportHtml } from './report/render-html.js'
export { renderCsv as renderReportCsv } from './report/render-csv.js'
export { STORY_REPORT_SCHEMA } from './report/report-schema.js'
