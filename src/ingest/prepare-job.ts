/**
 * The CPU-heavy part of ingestion as a unit of work that can cross to a
 * worker thread: parse (HTML, text), then the pipeline's `analyze` (prepare,
 * fingerprint, story features, claims).
 * Jobs and results are plain data, so they survive structured cloning; a
 * failure comes back as data too, keeping its error code.
 */
import type { ErrorCode } from '../errors.js'
import { CrosscheckError, describeError } from '../errors.js'
import { type Analysis, analyzeDocument } from '../pipeline.js'
import type { Diagnostic, RawDocument, SourceRef, StatedMetadata } from '../types.js'
import { chronoDateFinder } from './date-finder.js'
import { chronoDateParser } from './date-parser.js'
import { parseHtmlPage } from './html.js'
import { detectLanguage } from './language.js'
import { parseTextDocument } from './text.js'

export type PrepareJob =
  /** A document an adapter already parsed (JSON records, feed items). */
  | { readonly kind: 'document'; readonly doc: RawDocument }
  /** A full HTML page; `fallback` is metadata from around it (a feed item) that the page's own wins over. */
  | {
      readonly kind: 'html'
      readonly html: string
      readonly source: SourceRef
      readonly url?: string
      readonly fallback?: StatedMetadata
      readonly diagnostics: readonly Diagnostic[]
      /** Deepest element nesting read (see `DEFAULT_MAX_DEPTH`). */
      readonly maxDepth?: number
    }
  /** A plain-text article. */
  | { readonly kind: 'text'; readonly text: string; readonly source: SourceRef; readonly diagnostics: readonly Diagnostic[] }

export type PrepareResult = ({ readonly ok: true } & Analysis) | { readonly ok: false; readonly code: ErrorCode; readonly message: string }

/** Parse if needed, then prepare. Never throws: a failure is a result. */
export function runPrepareJob(job: PrepareJob): PrepareResult {
  try {
    const analysis = analyzeDocument(toDocument(job), { parseDate: chronoDateParser, detectLanguage, findDates: chronoDateFinder })
    if (analysis.article.text === '') return { ok: false, code: 'NO_CONTENT', message: 'no article text is left after cleaning' }
    return { ok: true, ...analysis }
  } catch (error) {
    return {
      ok: false,
      code: error instanceof CrosscheckError ? error.code : 'INPUT_UNREADABLE',
      message: describeError(error),
    }
  }
}

/** The source a job is about, for reporting. */
export function jobSource(job: PrepareJob): SourceRef {
  return job.kind === 'document' ? job.doc.source : job.source
}

function toDocument(job: PrepareJob): RawDocument {
  switch (job.kind) {
    case 'document':
      return job.doc
    case 'text': {
      const doc = parseTextDocument(job.text, job.source)
      return withDiagnostics(doc, job.diagnostics)
    }
    case 'html': {
      const doc = parseHtmlPage(job.html, job.source, {
        ...(job.url === undefined ? {} : { url: job.url }),
        ...(job.maxDepth === undefined ? {} : { maxDepth: job.maxDepth }),
      })
      const metadata = job.fallback === undefined ? doc.metadata : { ...job.fallback, ...doc.metadata }
      return withDiagnostics({ ...doc, metadata }, job.diagnostics)
    }
  }
}

function withDiagnostics(doc: RawDocument, diagnostics: readonly Diagnostic[]): RawDocument {
  return diagnostics.length === 0 ? doc : { ...doc, diagnostics: [...diagnostics, ...doc.diagnostics] }
}
