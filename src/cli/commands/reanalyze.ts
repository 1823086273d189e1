import { CrosscheckError } from '../../errors.js'
import { chronoDateFinder } from '../../ingest/date-finder.js'
import { reanalyzeClaims } from '../../pipeline.js'
import { EXIT } from '../exit-codes.js'
import { plural } from '../../text/plural.js'
import { type CommandContext, writeJson } from '../command-context.js'
import { progressBar } from '../progress.js'

/** `crosscheck reanalyze [--story <id>] [--all]`: extract stored articles' claims again. */
export async function runReanalyze(context: CommandContext): Promise<number> {
  const { values, store, json, out } = context
  const rawStory = values['story']
  let storyId: number | undefined
  if (typeof rawStory === 'string') {
    storyId = Number(rawStory)
    if (!/^\d{1,9}$/u.test(rawStory) || storyId < 1) throw new CrosscheckError('USAGE', `--story takes a story number, got '${rawStory}'`)
    if ((await store.getStory(storyId)) === null) throw new CrosscheckError('NOT_FOUND', `no story ${rawStory} (see crosscheck stories)`)
  }
  const bar = progressBar(context.err)
  const articles = await reanalyzeClaims(store, {
    findDates: chronoDateFinder,
    all: values['all'] === true,
    ...(storyId === undefined ? {} : { storyId }),
    onProgress: (done, total) => bar.update(done, total, 'claims'),
  })
  bar.done()
  if (json) writeJson(out, { articles })
  else out.write(articles === 0 ? 'every stored article has current claims: nothing to do\n' : `read the claims of ${plural(articles, 'article')} again\n`)
  return EXIT.OK
}
