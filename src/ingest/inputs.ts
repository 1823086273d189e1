/**
 * What the user named on the command line (paths, directories, URLs, `-`),
 * expanded into single inputs. Directories are walked recursively in a
 * stable order; files of no article format are listed as skipped, not read.
 */
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { InputError } from '../errors.js'
import { isArticleFileName } from './detect-format.js'

export type Input =
  | { readonly kind: 'file'; readonly path: string; readonly size: number; readonly fromDirectory: boolean }
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'stdin' }

export interface ExpandedInputs {
  readonly inputs: Input[]
  /** Named inputs that do not exist or cannot be listed. */
  readonly failures: InputError[]
  /** Files a directory walk passed over, with why. */
  readonly skipped: Array<{ readonly location: string; readonly reason: string }>
}

/**
 * @example
 * await expandInputs(['examples/corpus', 'https://news.example/a', '-'])
 * // => { inputs: [{ kind: 'file', path: '…/feeds.jsonl', … }, …, { kind: 'url', … }, { kind: 'stdin' }], … }
 */
export async function expandInputs(names: readonly string[]): Promise<ExpandedInputs> {
  const result: ExpandedInputs = { inputs: [], failures: [], skipped: [] }
  for (const name of names) {
    if (name === '-') result.inputs.push({ kind: 'stdin' })
    else if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(name)) result.inputs.push({ kind: 'url', url: name })
    else await expandPath(name, false, result)
  }
  return result
}

async function expandPath(path: string, fromDirectory: boolean, into: ExpandedInputs): Promise<void> {
  let info
  try {
    info = await stat(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : String(code)
    into.failures.push(new InputError('INPUT_NOT_FOUND', `cannot read: ${reason}`, { input: path, cause: error }))
    return
  }
  if (info.isDirectory()) {
    let entries
    try {
      entries = await readdir(path, { withFileTypes: true })
    } catch (error) {
      into.failures.push(new InputError('INPUT_UNREADABLE', 'cannot list the directory', { input: path, cause: error }))
      return
    }
    // Sorted so that the same folder is always ingested in the same order.
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue
      const child = join(path, entry.name)
      if (entry.isDirectory()) await expandPath(child, true, into)
      else if (!entry.isFile()) continue
      else if (isArticleFileName(entry.name)) await expandPath(child, true, into)
      else into.skipped.push({ location: child, reason: 'not an article format (by its name)' })
    }
    return
  }
  if (!info.isFile()) {
    into.failures.push(new InputError('INPUT_UNSUPPORTED', 'not a regular file', { input: path }))
    return
  }
  into.inputs.push({ kind: 'file', path, size: info.size, fromDirectory })
}
