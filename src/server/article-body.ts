/**
 * A POST /articles body → the ingest pipeline's read items. The request's
 * shape is checked here (400 for the whole request: nothing is stored); what
 * is wrong with one article's content (no body, nothing left after cleaning)
 * is that item's failure in the ingest report, exactly as with
 * `crosscheck ingest`.
 */
import type { ReadItem } from '../ingest/read-input.js'
import { asInputError } from '../ingest/read-input.js'
import { jsonRecordToDocument } from '../ingest/json.js'
import { sourceLabel } from '../ingest/source-label.js'
import type { SourceRef } from '../types.js'
import { HttpProblem } from './http-errors.js'
import { MAX_BATCH, describeValidationError, validateArticleBatch, validateArticleRecord } from './schemas.js'

/**
 * Read items for a JSON array (`application/json`) or JSON Lines
 * (`application/x-ndjson`, `application/jsonl`) body. Records are numbered
 * from 0 in the order sent: `api#3` is the fourth.
 *
 * @throws HttpProblem 415 for another content type, 400 for a body that is
 *   not such a batch (the message says where).
 */
export function parseArticleBody(contentType: string, body: string, location: string): ReadItem[] {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  const records: Array<{ value: unknown; raw: string }> = []
  let format: 'json' | 'jsonl'
  if (type === 'application/json') {
    format = 'json'
    let value: unknown
    try {
      value = JSON.parse(body)
    } catch (error) {
      throw new HttpProblem(400, 'BAD_REQUEST', `the body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
    }
    // One article may be sent bare; a batch is an array.
    const list = Array.isArray(value) ? value : [value]
    if (!validateArticleBatch(list)) throw new HttpProblem(400, 'BAD_REQUEST', describeValidationError(validateArticleBatch.errors))
    for (const item of list) records.push({ value: item, raw: JSON.stringify(item) })
  } else if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/jsonlines') {
    format = 'jsonl'
    for (const [n, line] of body.split('\n').entries()) {
      if (line.trim() === '') continue
      let value: unknown
      try {
        value = JSON.parse(line)
      } catch (error) {
        throw new HttpProblem(400, 'BAD_REQUEST', `line ${n + 1} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
      }
      if (!validateArticleRecord(value)) throw new HttpProblem(400, 'BAD_REQUEST', `line ${n + 1}: ${describeValidationError(validateArticleRecord.errors)}`)
      records.push({ value, raw: line })
    }
    if (records.length === 0) throw new HttpProblem(400, 'BAD_REQUEST', 'the body has no JSON lines')
    if (records.length > MAX_BATCH) throw new HttpProblem(400, 'BAD_REQUEST', `at most ${MAX_BATCH} articles per request, got ${records.length}`)
  } else {
    throw new HttpProblem(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `send articles as application/json (an array) or application/x-ndjson (one per line), not '${type || 'no content type'}'`,
    )
  }
  return records.map(({ value, raw }, index): ReadItem => {
    // An API request has no file or URL of its own: it is named by a fixed label and numbered by record.
    const source: SourceRef = { kind: 'api', location, index }
    try {
      return { kind: 'document', doc: jsonRecordToDocument(value, source, format, raw) }
    } catch (error) {
      return asInputError(error, sourceLabel(source))
    }
  })
}
