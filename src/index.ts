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
export type { Store, ArticleSummary, PutOutcome, ListArticlesOpts } from './store/store.js'
export { ingest, type IngestOpts, type IngestReport, type IngestEvent } from './ingest/ingest.js'
export { chronoDateParser } from './ingest/date-parser.js'
export { detectLanguage } from './ingest/language.js'
