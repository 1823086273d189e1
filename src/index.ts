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
export { prepareArticle, articleId, type PrepareOpts } from './pipeline.js'
export { cleanBlocks, type CleanOpts, type CleanResult, type CleanedBlock } from './text/clean.js'
export { comparisonForm, displayForm } from './text/normalize.js'
export { assembleBody, splitSentences } from './text/segment.js'
export type { Store, ArticleSummary, PutOutcome, ListArticlesOpts, Candidate, CandidateOpts, ListRelationsOpts } from './store/store.js'
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
