import { reclusterStories } from '../../stories/recluster-stories.js'
import { EXIT } from '../exit-codes.js'
import { plural } from '../../text/plural.js'
import { type CommandContext, writeJson } from '../command-context.js'

/** `crosscheck recluster`: regroup every stored article into stories, order-independently. */
export async function runRecluster(context: CommandContext): Promise<number> {
  const report = await reclusterStories(context.store)
  if (context.json) writeJson(context.out, report)
  else {
    const changes = [`${report.kept} kept ${report.kept === 1 ? 'its id' : 'their ids'}`, `${report.created} new`, `${report.merged} merged into another`]
    context.out.write(
      `regrouped ${plural(report.articles, 'article')} into ${plural(report.stories, 'story')} (${changes.join(', ')}): see crosscheck stories\n`,
    )
  }
  return EXIT.OK
}
