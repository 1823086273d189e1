/**
 * `npm run eval -- seeds-cleaning <folder>`: checks cleaning against an answer
 * key's `documents` section (`expected.json` in the folder; the seeds' and
 * the example corpus's keys have the same shape): boilerplate gone, every
 * other non-empty line kept (a repeated line once), headings kept as
 * headings, and title / outlet / date / credited source / byline as given.
 * Documents inside a container are keyed `file#n`; line checks apply to
 * plain-text files, text checks to every format.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Article } from '../../dist/types.js'
import { comparisonForm } from '../../dist/text/normalize.js'
import { locateDocument, readKeyedArticle } from './answer-key.js'
import type { EvalResult, EvalTask } from './task.js'

/** The part of expected.json this task reads. */
interface ExpectedDocument {
  readonly title: string | null
  readonly outlet: string | null
  readonly published: string | null
  readonly attributedTo?: string
  readonly author?: string
  readonly boilerplateLines?: readonly number[]
  readonly boilerplateText?: readonly string[]
  readonly repeatedLines?: ReadonlyArray<readonly number[]>
  /** Line numbers (text files) or heading texts (other formats). */
  readonly headings?: ReadonlyArray<number | string>
}

interface Check {
  readonly doc: string
  readonly what: string
  readonly ok: boolean
  readonly detail: string
}

export const seedsCleaning: EvalTask = async (folder) => {
  const key = JSON.parse(await readFile(join(folder, 'expected.json'), 'utf8')) as {
    documents: Record<string, ExpectedDocument>
  }
  const checks: Check[] = []
  const table: Array<Record<string, string | number>> = []
  for (const [key_, expected] of Object.entries(key.documents)) {
    const file = key_
    const article = await readKeyedArticle(locateDocument(folder, key_))
    const text = article.format === 'text' ? article.raw : ''
    const docChecks = checkDocument(file, text, article, expected)
    checks.push(...docChecks)
    const count = (what: string): string => {
      const these = docChecks.filter((c) => c.what === what)
      return `${these.filter((c) => c.ok).length}/${these.length}`
    }
    table.push({
      document: file,
      metadata: count('metadata'),
      'boilerplate removed': count('boilerplate'),
      'lines kept': count('kept'),
      headings: count('heading'),
    })
  }
  const share = (what: string): number => {
    const these = checks.filter((c) => c.what === what)
    return these.length === 0 ? 1 : these.filter((c) => c.ok).length / these.length
  }
  const failed = checks.filter((c) => !c.ok)
  return {
    table,
    metrics: {
      boilerplate_removed: share('boilerplate'),
      lines_kept: share('kept'),
      metadata: share('metadata'),
      headings: share('heading'),
    },
    checks: { passed: checks.length - failed.length, failed: failed.length },
    notes: failed.map((c) => `FAIL ${c.doc} ${c.what}: ${c.detail}`),
  } satisfies EvalResult
}

/** Every strict item of one document's answer key, as checks. */
export function checkDocument(file: string, text: string, article: Article, expected: ExpectedDocument): Check[] {
  const checks: Check[] = []
  const add = (what: string, ok: boolean, detail: string): void => {
    checks.push({ doc: file, what, ok, detail })
  }
  const same = (a: string | null, b: string | null): boolean => (a === null || b === null ? a === b : comparisonForm(a) === comparisonForm(b))

  if (expected.title === null) add('metadata', article.titleDerived, `title should be marked derived, got ${JSON.stringify(article.title)}`)
  else add('metadata', same(article.title, expected.title) && !article.titleDerived, `title ${JSON.stringify(article.title)}`)
  add('metadata', same(article.outlet, expected.outlet), `outlet ${JSON.stringify(article.outlet)}, expected ${JSON.stringify(expected.outlet)}`)
  add(
    'metadata',
    same(article.published?.slice(0, 10) ?? null, expected.published),
    `published ${JSON.stringify(article.published)}, expected ${JSON.stringify(expected.published)}`,
  )
  if (expected.attributedTo !== undefined) {
    add('metadata', same(article.creditedSource, expected.attributedTo), `credited source ${JSON.stringify(article.creditedSource)}`)
  }
  if (expected.author !== undefined) {
    add(
      'metadata',
      article.byline !== null && comparisonForm(article.byline).includes(comparisonForm(expected.author)),
      `byline ${JSON.stringify(article.byline)}`,
    )
  }

  const lines = text.replace(/\r\n?/gu, '\n').split('\n')
  const body = comparisonForm(article.text)
  const kept = comparisonForm(`${article.title ?? ''}\n${article.text}`)
  const boilerplate = new Set(expected.boilerplateLines ?? [])
  for (const line of boilerplate) {
    const form = comparisonForm(lines[line - 1] ?? '')
    // Short lines ("-", "*") occur inside any text, so only whole lines count as survivors.
    const survived = article.paragraphs.some((p) => p.sourceLine === line) || (form.length >= 12 && body.includes(form))
    add('boilerplate', !survived, `line ${line} survived: ${JSON.stringify(lines[line - 1])}`)
  }
  const paragraphs = new Set(article.paragraphs.map((p) => comparisonForm(article.text.slice(p.start, p.end))))
  for (const fragment of expected.boilerplateText ?? []) {
    const form = comparisonForm(fragment)
    // Short fragments ("Email", "Share:") may be words of the story: only a paragraph of their own counts.
    const survived = paragraphs.has(form) || (form.split(' ').length >= 5 && body.includes(form))
    add('boilerplate', !survived, `fragment survived: ${JSON.stringify(fragment)}`)
  }
  // A repeated line may be kept once: only its first occurrence must survive.
  const repeats = new Set((expected.repeatedLines ?? []).flatMap((group) => group.slice(1)))
  lines.forEach((line, i) => {
    const number = i + 1
    if (line.trim() === '' || boilerplate.has(number) || repeats.has(number)) return
    const form = comparisonForm(line)
    // A line that only lost a boilerplate fragment still counts as kept.
    const expectedForm = (expected.boilerplateText ?? []).reduce((acc, f) => acc.replace(comparisonForm(f), '').trim(), form)
    add('kept', kept.includes(expectedForm), `line ${number} lost: ${JSON.stringify(line.slice(0, 80))}`)
  })
  for (const heading of expected.headings ?? []) {
    const paragraph = article.paragraphs.find((p) =>
      typeof heading === 'number' ? p.sourceLine === heading : comparisonForm(article.text.slice(p.start, p.end)) === comparisonForm(heading),
    )
    add('heading', paragraph?.kind === 'heading', `${JSON.stringify(heading)} is ${paragraph?.kind ?? 'missing'}, not a heading`)
  }
  return checks
}
