/**
 * Reads the Microsoft Research Paraphrase Corpus as released: `pairs.tsv`,
 * UTF-8 with a byte-order mark, a header line, then
 * `Quality<TAB>#1 ID<TAB>#2 ID<TAB>#1 String<TAB>#2 String` per line. Split on
 * TAB only: the strings contain `"`, and CSV quoting rules would merge lines.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { LabelledPair } from '../../dist/align/types.js'
import { InputError } from '../../dist/errors.js'

/** One MSRP pair with its sentence ids. */
export interface MsrpPair extends LabelledPair {
  readonly id1: string
  readonly id2: string
}

/**
 * The pairs of an MSRP file's text. Blank lines are skipped; a line without
 * five fields or with a quality other than 0/1 is an error naming the line.
 *
 * @example
 * parseMsrpPairs('\uFEFFQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t7\t8\tThe dam held.\tThe dam did not fail.\n')
 * // => [{ id1: '7', id2: '8', a: 'The dam held.', b: 'The dam did not fail.', paraphrase: true }]
 */
export function parseMsrpPairs(text: string, name = 'pairs.tsv'): MsrpPair[] {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u)
  const pairs: MsrpPair[] = []
  lines.forEach((line, i) => {
    if (i === 0 || line.trim() === '') return
    const fields = line.split('\t')
    const [quality, id1, id2, a, b] = fields
    if (fields.length !== 5 || (quality !== '0' && quality !== '1') || id1 === undefined || id2 === undefined || a === undefined || b === undefined) {
      throw new InputError('PARSE_FAILED', `${name} line ${i + 1}: expected Quality (0 or 1), two ids and two sentences separated by TABs`, { input: name })
    }
    pairs.push({ id1, id2, a, b, paraphrase: quality === '1' })
  })
  return pairs
}

/**
 * The pairs of `<folder>/pairs.tsv`.
 *
 * @example
 * (await readMsrpPairs('../shared/bench/msrp')).length // => 4076 on the development part
 */
export async function readMsrpPairs(folder: string): Promise<MsrpPair[]> {
  const path = join(folder, 'pairs.tsv')
  return parseMsrpPairs(await readFile(path, 'utf8'), path)
}
