import { CrosscheckError } from '../../errors.js'
import type { Article } from '../../types.js'
import { EXIT } from '../exit-codes.js'
import { type CommandContext, writeJson } from '../command-context.js'

/** `crosscheck show <id>`: one article with what cleaning removed and why. */
export async function runShow(context: CommandContext): Promise<number> {
  const { positionals, store, json, out, values } = context
  const id = positionals[0]
  if (id === undefined) throw new CrosscheckError('USAGE', 'name the article: crosscheck show <id>')
  const article = await store.getArticle(id.toLowerCase())
  if (article === null) throw new CrosscheckError('NOT_FOUND', `no article with id ${id} (see crosscheck articles)`, { input: id })
  const withRaw = values['raw'] === true
  if (json) {
    const { raw, ...rest } = article
    writeJson(out, withRaw ? article : rest)
    void raw
    return EXIT.OK
  }
  out.write(renderArticle(article, withRaw))
  return EXIT.OK
}

/** The terminal view of an article: metadata, body with headings marked, removals, diagnostics. */
export function renderArticle(article: Article, withRaw: boolean): string {
  const lines: string[] = []
  lines.push(`${article.title ?? '(no title)'}${article.titleDerived ? '  [title derived from the first sentence]' : ''}`)
  lines.push('')
  const meta: Array<[string, string | null]> = [
    ['id', article.id],
    ['outlet', article.outlet],
    ['published', article.published],
    ['byline', article.byline],
    ['credited source', article.creditedSource],
    ['language', article.language],
    ['url', article.url],
    ['source', `${article.source.location}${article.source.index === undefined ? '' : `#${article.source.index}`} (${article.format})`],
  ]
  for (const [label, value] of meta) if (value !== null) lines.push(`${label.padEnd(16)}${value}`)
  lines.push('')
  for (const paragraph of article.paragraphs) {
    const text = article.text.slice(paragraph.start, paragraph.end)
    lines.push(paragraph.kind === 'heading' ? `## ${text}` : text, '')
  }
  if (article.removed.length > 0) {
    lines.push(`Removed by cleaning (${article.removed.length}):`)
    for (const removal of article.removed) {
      const where = removal.sourceLine === undefined ? '' : `line ${removal.sourceLine}, `
      lines.push(`  - [${removal.rule}] ${where}${removal.reason}${removal.fragment === true ? ' (end of a paragraph)' : ''}: ${JSON.stringify(removal.text)}`)
    }
    lines.push('')
  }
  if (article.diagnostics.length > 0) {
    lines.push('Diagnostics:')
    for (const d of article.diagnostics) lines.push(`  - ${d.severity} ${d.ruleId}: ${d.message}`)
    lines.push('')
  }
  if (withRaw) lines.push('Raw input:', article.raw, '')
  return `${lines.join('\n')}\n`
}
