/**
 * A corpus of any size for the queue's fault script and benchmarks, in one
 * JSON Lines file: re-enactments of the example corpus (so there are
 * copies, rewrites and stories to find at every size), the same for the
 * same size every time.
 */
import { writeFileSync } from 'node:fs'
import { exampleArticles, properNames, reenact } from '../../dist/testing/story-corpus.js'

/** Writes `articles` records to `path`; returns how many were written. */
export async function writeQueueCorpus(path: string, articles: number): Promise<number> {
  const examples = await exampleArticles()
  const names = properNames(examples)
  const lines: string[] = []
  for (let instance = 1; lines.length < articles; instance++) {
    for (const record of reenact(examples, names, instance)) {
      if (lines.length < articles) lines.push(JSON.stringify(record))
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`)
  return lines.length
}
