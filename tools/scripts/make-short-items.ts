#!/usr/bin/env node
/**
 * `node dist-tools/scripts/make-short-items.js <clustering set folder> <out folder>`:
 * writes the short-item variants of a story-clustering set (see
 * `tools/eval/short-items.ts`) as `<out>/headline/docs.jsonl`,
 * `<out>/snippet/docs.jsonl` and `<out>/mixed/docs.jsonl`, each a folder
 * `npm run eval -- clustering <folder>` reads. Write them outside the
 * repository (e.g. under /tmp): they are derived from the set's texts.
 * Use the development part only for tuning.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type ClusterDocument, shortItemSets } from '../eval/short-items.js'

const USAGE = 'usage: node dist-tools/scripts/make-short-items.js <clustering set folder> <out folder>\n'

async function main(argv: readonly string[]): Promise<number> {
  const [folder, out] = argv
  if (folder === undefined || out === undefined || argv.length !== 2) {
    process.stderr.write(USAGE)
    return 2
  }
  const docs = (await readFile(join(folder, 'docs.jsonl'), 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const doc = JSON.parse(line) as ClusterDocument
      if (typeof doc.id !== 'string' || typeof doc.cluster !== 'string') throw new TypeError(`line ${i + 1}: expected an id and a cluster`)
      return doc
    })
  const sets = shortItemSets(docs)
  for (const [name, set] of Object.entries(sets) as Array<[string, ClusterDocument[]]>) {
    await mkdir(join(out, name), { recursive: true })
    await writeFile(join(out, name, 'docs.jsonl'), set.map((doc) => JSON.stringify(doc)).join('\n') + '\n')
    process.stdout.write(`${join(out, name, 'docs.jsonl')}: ${set.length} documents\n`)
  }
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`make-short-items failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
