/**
 * `crosscheck claims <article|story>`: what an article claims, or what each
 * member of a story claims: quotes with speakers, figures with their
 * sources, dated events and the entities named.
 */
import type { ArticleClaims, Figure, Quote } from '../../claims/types.js'
import { CrosscheckError } from '../../errors.js'
import { readArticleClaims, readStoryClaims } from '../../read/read-model.js'
import type { Article } from '../../types.js'
import { EXIT } from '../exit-codes.js'
import { plural } from '../../text/plural.js'
import { resolveTarget } from '../targets.js'
import { type CommandContext, writeJson } from '../command-context.js'
import { formatTable } from '../table.js'

export async function runClaims(context: CommandContext): Promise<number> {
  const { store, json, out, positionals } = context
  const target = positionals[0]
  if (target === undefined)
    throw new CrosscheckError('USAGE', 'name an article id or a story number: crosscheck claims <article|story> (article:<id> or story:<n> to say which)')
  const found = await resolveTarget(store, target, 'claims')
  const articles = found.kind === 'story' ? await store.getArticles(found.story.memberIds) : [found.article]
  const heading = found.kind === 'story' ? `story ${found.story.id}: ${plural(found.story.members, 'article')}` : ''
  // Claims were extracted at ingest: this is a read, the same the API and the web pages make.
  const stored = await store.getClaims(articles.map((a) => a.id))
  const missing = articles.filter((a) => !stored.has(a.id))
  if (missing.length > 0) {
    context.err.write(
      `crosscheck claims: no stored claims for ${plural(missing.length, 'article')} (${missing.map((a) => a.id.slice(0, 8)).join(', ')}): run crosscheck reanalyze${found.kind === 'story' ? ` --story ${found.story.id}` : ''}\n`,
    )
  }
  if (json) {
    if (found.kind === 'story') writeJson(out, await readStoryClaims(store, found.story.id))
    else writeJson(out, await readArticleClaims(store, found.article.id))
    return missing.length > 0 ? EXIT.PARTIAL : EXIT.OK
  }
  if (heading !== '') out.write(`${heading}\n\n`)
  for (const article of articles) {
    const found = stored.get(article.id)
    if (found !== undefined) out.write(describeArticleClaims(article, found.claims))
  }
  return missing.length > 0 ? EXIT.PARTIAL : EXIT.OK
}

/** The terminal form: one block per article, a table per kind of claim. */
export function describeArticleClaims(article: Pick<Article, 'id' | 'outlet' | 'title' | 'published'>, claims: ArticleClaims): string {
  const parts = [`${article.id}  ${article.outlet ?? '(unknown outlet)'}  ${article.published?.slice(0, 10) ?? 'undated'}\n${article.title ?? '(no title)'}\n`]
  const section = (name: string, rows: ReadonlyArray<Record<string, string | number>>): void => {
    parts.push(rows.length === 0 ? `${name}: none found\n` : `${name}:\n${formatTable(rows)}\n`)
  }
  section('figures', claims.figures.map(figureRow))
  section('quotes', claims.quotes.filter((q) => q.kind !== 'indirect').map(quoteRow))
  section(
    'reported speech',
    claims.quotes.filter((q) => q.kind === 'indirect').map((q) => ({ speaker: q.speaker ?? '(none named)', cue: q.cue ?? '', said: clip(q.text, 70) })),
  )
  section(
    'dated events',
    claims.events.map((e) => ({ date: e.date ?? `(${e.dateText})`, as: clip(e.dateText, 24), event: clip(e.event, 70) })),
  )
  section(
    'entities',
    claims.entities.map((e) => ({
      kind: e.kind,
      name: e.name,
      'also named': clip(e.aliases.filter((a) => a !== e.name).join(', '), 50),
      mentions: e.mentions.length,
    })),
  )
  return `${parts.join('\n')}\n`
}

function figureRow(figure: Figure): Record<string, string | number> {
  const value = figure.high === null ? figure.value.toLocaleString('en-US') : `${figure.value.toLocaleString('en-US')}–${figure.high.toLocaleString('en-US')}`
  return {
    qualifier: figure.qualifier,
    // A vague quantity is shown as its words and the range they mean, never as a number it does not state.
    value: figure.vague
      ? `${figure.text}${figure.range === undefined ? '' : ` (${figure.range.low.toLocaleString('en-US')}–${figure.range.high.toLocaleString('en-US')})`}`
      : value,
    measure: (figure.measure ?? '') + (figure.agent === null ? '' : ` by ${figure.agent}`),
    source: figure.source ?? '',
    where: clip(figure.where ?? '', 28),
    when: clip(figure.whenDate ?? figure.when ?? '', 24),
  }
}

function quoteRow(quote: Quote): Record<string, string | number> {
  return {
    speaker: quote.speaker ?? '(none named)',
    role: clip(quote.speakerRole ?? '', 24),
    quote: clip(`“${quote.text}”`, 80),
  }
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`
}
