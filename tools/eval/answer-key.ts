/**
 * Reading the documents an answer key (`expected.json`) names: `file` or
 * `file#n` for the n-th record of a container, in the key's folder or its
 * `corpus/` subfolder, read and prepared exactly as `crosscheck ingest` does.
 */
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { InputError } from '../../dist/errors.js'
import { jobSource, runPrepareJob } from '../../dist/ingest/prepare-job.js'
import { readInput } from '../../dist/ingest/read-input.js'
import type { Article } from '../../dist/types.js'

/** `name` or `name#n`, found in the folder or its `corpus/` subfolder. */
export function locateDocument(folder: string, key: string): { path: string; index: number | undefined } {
  const match = /^(.*?)(?:#(\d+))?$/u.exec(key)
  const name = match?.[1] ?? key
  const index = match?.[2] === undefined ? undefined : Number(match[2])
  for (const candidate of [join(folder, name), join(folder, 'corpus', name)]) {
    if (existsSync(candidate)) return { path: candidate, index }
  }
  throw new Error(`${key}: no such file in ${folder} or ${join(folder, 'corpus')}`)
}

/** The article a key names, read and prepared the way `crosscheck ingest` does it. */
export async function readKeyedArticle({ path, index }: { path: string; index: number | undefined }): Promise<Article> {
  const input = { kind: 'file' as const, path, size: statSync(path).size, fromDirectory: false }
  for await (const item of readInput(input)) {
    if (item instanceof InputError) throw item
    if (index !== undefined && jobSource(item).index !== index) continue
    const result = runPrepareJob(item)
    if (!result.ok) throw new InputError(result.code, result.message, { input: path })
    return result.article
  }
  throw new Error(`${path}#${index}: no such record`)
}
