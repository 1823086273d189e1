import { CrosscheckError } from '../../errors.js'
import { memberLineage } from '../../stories/member-lineage.js'
import { storyLabel } from '../../stories/story-label.js'
import { EXIT } from '../exit-codes.js'
import { type CommandContext, integerFlag, writeJson } from '../main.js'
import { formatTable } from '../table.js'
import { printable } from '../escape.js'

/** `crosscheck stories`: stories, most recently active first. */
export async function runStories(context: CommandContext): Promise<number> {
  const { store, json, out, values } = context
  const since = typeof values['since'] === 'string' ? values['since'] : undefined
  if (since !== undefined && !/^\d{4}-\d{2}-\d{2}/u.test(since)) throw new CrosscheckError('USAGE', `--since expects a date (YYYY-MM-DD), got '${since}'`)
  const stories = await store.listStories({
    ...(since === undefined ? {} : { since }),
    limit: integerFlag(values, 'limit', 50),
    offset: integerFlag(values, 'offset', 0),
  })
  const rows = stories.map((story) => ({
    id: story.id,
    label: storyLabel(story.titles),
    firstSeen: story.firstSeen,
    lastSeen: story.lastSeen,
    members: story.members,
    outlets: story.outlets,
  }))
  if (json) {
    writeJson(out, rows)
    return EXIT.OK
  }
  if (rows.length === 0) {
    out.write('no stories yet: ingest articles first (crosscheck ingest <path>)\n')
    return EXIT.OK
  }
  out.write(
    `${formatTable(
      rows.map((row) => ({
        story: row.id,
        'last seen': row.lastSeen.slice(0, 10),
        articles: row.members,
        outlets: row.outlets.length,
        label: truncate(row.label ?? '(no title)', 80),
      })),
    )}\n`,
  )
  return EXIT.OK
}

/** `crosscheck story <id>`: members with outlet, date and lineage. */
export async function runStory(context: CommandContext): Promise<number> {
  const { store, json, out, positionals } = context
  const raw = positionals[0]
  const id = Number(raw)
  if (raw === undefined || !Number.isInteger(id) || id < 1) throw new CrosscheckError('USAGE', 'name the story by its number: crosscheck story <id>')
  const story = await store.getStory(id)
  if (story === null) {
    context.err.write(`crosscheck story: no story ${raw} (see crosscheck stories)\n`)
    return EXIT.PARTIAL
  }
  const members = await store.getArticles(story.memberIds)
  const relations = (await Promise.all(story.memberIds.map((m) => store.listRelations({ articleId: m })))).flat()
  const lineage = memberLineage(story.memberIds, relations)
  const label = storyLabel(story.titles)
  const memberRows = members.map((article) => {
    const place = lineage.get(article.id)
    return {
      id: article.id,
      outlet: article.outlet,
      published: article.published,
      title: article.title,
      lineage: place?.kind ?? 'independent',
      of: place?.of ?? null,
      derived: place?.derived ?? 0,
    }
  })
  if (json) {
    writeJson(out, { id: story.id, askedFor: story.askedFor, label, firstSeen: story.firstSeen, lastSeen: story.lastSeen, outlets: story.outlets, members: memberRows })
    return EXIT.OK
  }
  if (story.askedFor !== story.id) out.write(`story ${story.askedFor} was merged into story ${story.id}\n\n`)
  out.write(`story ${story.id}: ${label === null || label === undefined ? '(no title)' : printable(label)}\n${story.members} articles from ${story.outlets.length} outlets, ${story.firstSeen.slice(0, 10)} to ${story.lastSeen.slice(0, 10)}\n\n`)
  out.write(
    `${formatTable(
      memberRows.map((m) => ({
        id: m.id,
        published: m.published?.slice(0, 10) ?? '',
        outlet: truncate(m.outlet ?? '', 22),
        lineage: m.of === null ? (m.lineage === 'original' ? `original (${m.derived} derived)` : m.lineage) : `${m.lineage} ${m.lineage === 'related' ? 'to' : 'of'} ${m.of.slice(0, 8)}`,
        title: truncate(m.title ?? '', 60),
      })),
    )}\n`,
  )
  return EXIT.OK
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`
}
