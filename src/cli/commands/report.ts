import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CrosscheckError } from '../../errors.js'
import { readStoryReport } from '../../read/read-model.js'
import { renderCsv } from '../../report/render-csv.js'
import { renderHtml } from '../../report/render-html.js'
import { renderMarkdown } from '../../report/render-markdown.js'
import { renderText } from '../../report/render-text.js'
import type { StoryReport } from '../../report/types.js'
import { EXIT } from '../exit-codes.js'
import { plural } from '../../text/plural.js'
import type { CommandContext } from '../command-context.js'

type Format = 'text' | 'markdown' | 'html' | 'json'

const EXTENSION: Record<Format, string> = { text: 'txt', markdown: 'md', html: 'html', json: 'json' }
/** Stories listed per page for --all. */
const PAGE = 500

/**
 * `crosscheck report <story>`: one story across its sources, as text,
 * Markdown, one self-contained HTML file or JSON; `--all --out <dir>` writes
 * one file per story; `--csv <file>` adds the figures and quotes as CSV.
 */
export async function runReport(context: CommandContext): Promise<number> {
  const { store, values, positionals, out } = context
  const format = formatOf(values['format'], context.json)
  const outPath = typeof values['out'] === 'string' ? values['out'] : undefined
  const csvPath = typeof values['csv'] === 'string' ? values['csv'] : undefined

  if (values['all'] === true) {
    if (outPath === undefined) throw new CrosscheckError('USAGE', '--all writes one file per story: name a directory with --out <dir>')
    if (positionals.length > 0) throw new CrosscheckError('USAGE', 'give either a story id or --all, not both')
    mkdirSync(outPath, { recursive: true })
    const csvRows: StoryReport[] = []
    let written = 0
    for (let offset = 0; ; offset += PAGE) {
      const stories = await store.listStories({ limit: PAGE, offset })
      for (const summary of stories) {
        const report = await readStoryReport(store, summary.id)
        if (report === null) continue
        writeFileSync(join(outPath, `story-${report.story.id}.${EXTENSION[format]}`), render(report, format))
        csvRows.push(report)
        written++
      }
      if (stories.length < PAGE) break
    }
    if (csvPath !== undefined) writeFileSync(csvPath, renderCsv(csvRows))
    context.err.write(`wrote ${plural(written, 'report')} to ${outPath}\n`)
    return EXIT.OK
  }

  const raw = positionals[0]
  const id = Number(raw)
  if (raw === undefined || !Number.isInteger(id) || id < 1)
    throw new CrosscheckError('USAGE', 'name the story by its number: crosscheck report <story id> (see crosscheck stories), or use --all --out <dir>')
  const report = await readStoryReport(store, id)
  if (report === null) throw new CrosscheckError('NOT_FOUND', `no story ${raw} (see crosscheck stories)`, { input: raw })
  const text = render(report, format)
  if (outPath === undefined) out.write(text)
  else writeFileSync(outPath, text)
  if (csvPath !== undefined) writeFileSync(csvPath, renderCsv([report]))
  return EXIT.OK
}

function formatOf(raw: string | boolean | undefined, json: boolean): Format {
  if (raw === undefined || typeof raw === 'boolean') return json ? 'json' : 'text'
  const value = raw === 'md' ? 'markdown' : raw
  if (value === 'text' || value === 'markdown' || value === 'html' || value === 'json') return value
  throw new CrosscheckError('USAGE', `--format expects text, markdown, html or json, got '${raw}'`)
}

function render(report: StoryReport, format: Format): string {
  switch (format) {
    case 'text':
      return renderText(report)
    case 'markdown':
      return renderMarkdown(report)
    case 'html':
      return renderHtml(report)
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`
  }
}
