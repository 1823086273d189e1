import { formatTable } from '../table.js'
import { EXIT } from '../exit-codes.js'
import { plural } from '../../text/plural.js'
import { type CommandContext, integerFlag, writeJson } from '../command-context.js'

/** `crosscheck articles`: the stored articles, oldest first. */
export async function runArticles(context: CommandContext): Promise<number> {
  const { values, store, json, out } = context
  const limit = integerFlag(values, 'limit', 100)
  const offset = integerFlag(values, 'offset', 0)
  const articles = await store.listArticles({ limit, offset })
  if (json) {
    writeJson(out, articles)
    return EXIT.OK
  }
  if (articles.length === 0) {
    out.write(offset === 0 ? 'no articles stored yet: try crosscheck ingest <path>\n' : 'no more articles\n')
    return EXIT.OK
  }
  const rows = articles.map((a) => ({
    id: a.id,
    published: a.published?.slice(0, 10) ?? '',
    outlet: truncate(a.outlet ?? '', 24),
    // The marker is kept whole: the title is cut to make room for it.
    title: a.titleDerived ? `${truncate(a.title ?? '', 70 - DERIVED.length)}${DERIVED}` : truncate(a.title ?? '', 70),
  }))
  const total = await store.countArticles()
  out.write(`${formatTable(rows)}\n\n${articles.length} of ${plural(total, 'article')}\n`)
  return EXIT.OK
}

/** What marks a title crosscheck derived from the first sentence (the article had none). */
const DERIVED = ' (derived)'

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`
}
