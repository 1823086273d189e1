import { reclusterStories } from '../../stories/recluster-stories.js'
import { EXIT } from '../exit-codes.js'
import { type CommandContext, writeJson } from '../command-context.js'

/** `crosscheck recluster`: regroup every stored article into stories, order-independently. */
export async function runRecluster(context: CommandContext): Promise<number> {
  const report = await reclusterStories(context.store)
  if (context.json) writeJson(context.out, report)
  else context.out.write(`regrouped ${report.articles} articles into ${report.stories} stories: see crosscheck stories\n`)
  return EXIT.OK
}
