// PLACEHOLDER while the command is being built; replaced before it lands.
import { CrosscheckError } from '../../errors.js'
import type { CommandContext } from '../main.js'

export async function runReport(_context: CommandContext): Promise<number> {
  throw new CrosscheckError('USAGE', 'report is not built yet')
}
