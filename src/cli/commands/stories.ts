import { CrosscheckError } from '../../errors.js'
import { readStory } from '../../read/read-model.js'
import { lineageLabel } from '../../stories/member-lineage.js'
import { storyLabel } from '../../stories/story-label.js'
import { EXIT } from '../exit-codes.js'
import { plural } from '../../text/plural.js'
import { type CommandContext, integerFlag, writeJson } from '../command-context.js'
import { formatTable } from '../table.js'
import { printable } from '../escape.js'

/** `crosscheck stories`: stories, most recently active first. */
export async function runStories(context: CommandContext): Promise<number> {
  const { store, json, out, values } = context
  const since = typeof values['since'] === 'string' ? values['since'] : undefined
  if (since !== undefined && !/^\d{4}-\d{2}-\d{2}/u.test(since)) throw new CrosscheckError('USAGE', `--since expects a date (YYYY-MM-DD), got '${since}'`)
  const offset = integerFlag(values, 'offset', 0)
  const stories = await store.listStories({
    ...(since === undefined ? {} : { since }),
    limit: integerFlag(values, 'limit', 50),
    offset,
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
    // Empty because of the filter or the page, or because nothing is stored: say which.
    const stored = (await store.listStories({ limit: 1 })).length > 0
    out.write(
      !stored
        ? 'no stories yet: ingest articles first (crosscheck ingest <path>)\n'
        : since !== undefined
          ? `${offset > 0 ? 'no more stories' : 'no story'} active on or after ${since}\n`
          : 'no more stories\n',
    )
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

/** `crosscheck story <id>`: members with outlet, date and lineage, as the read model gives them (the API's and the web page's too). */
export async function runStory(context: CommandContext): Promise<number> {
  const { store, json, out, positionals } = context
  const raw = positionals[0]
  const id = Number(raw)
  if (raw === undefined || !Number.isInteger(id) || id < 1) throw new CrosscheckError('USAGE', 'name the story by its number: crosscheck story <id>')
  const story = await readStory(store, id)
  if (story === null) throw new CrosscheckError('NOT_FOUND', `no story ${raw} (see crosscheck stories)`, { input: raw })
  if (json) {
    writeJson(out, story)
    return EXIT.OK
  }
  if (story.askedFor !== story.id) out.write(`story ${story.askedFor} was merged into story ${story.id}\n\n`)
  out.write(
    `story ${story.id}: ${story.label === null ? '(no title)' : printable(story.label)}\n${plural(story.members.length, 'article')} from ${plural(story.outlets.length, 'outlet')}, ${story.firstSeen.slice(0, 10)} to ${story.lastSeen.slice(0, 10)}\n\n`,
  )
  out.write(
    `${formatTable(
      story.members.map((m) => ({
        id: m.id,
        published: m.published?.slice(0, 10) ?? '',
        outlet: truncate(m.outlet ?? '', 22),
        lineage: lineageLabel(m.lineage),
        title: truncate(m.title ?? '', 60),
      })),
    )}\n`,
  )
  return EXIT.OK
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`
}
