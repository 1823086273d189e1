/**
 * A progress bar for long runs, drawn on stderr only when stderr is a
 * terminal (never in pipes, logs or CI output), redrawn at most ten times a
 * second.
 */
export interface ProgressBar {
  update(done: number, total: number, label: string): void
  /** Print a line above the bar (an error, a note) without garbling it. */
  log(line: string): void
  done(): void
}

const REDRAW_MS = 100
const BAR_WIDTH = 24

export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) {
    return { update() {}, log: (line) => void stream.write(`${line}\n`), done() {} }
  }
  let last = 0
  let shown = false
  let state = { done: 0, total: 0, label: '' }
  const draw = (): void => {
    const { done, total, label } = state
    const filled = total === 0 ? 0 : Math.round((done / total) * BAR_WIDTH)
    const columns = stream.columns ?? 80
    const head = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} `
    const room = Math.max(0, columns - head.length - 1)
    const tail = label.length > room ? `…${label.slice(label.length - room + 1)}` : label
    stream.write(`\r\x1b[2K${head}${tail}`)
    shown = true
  }
  const clear = (): void => {
    if (shown) stream.write('\r\x1b[2K')
    shown = false
  }
  return {
    update(done, total, label) {
      state = { done, total, label }
      const now = Date.now()
      if (now - last >= REDRAW_MS || done === total) {
        last = now
        draw()
      }
    },
    log(line) {
      clear()
      stream.write(`${line}\n`)
      if (state.total > 0) draw()
    },
    done: clear,
  }
}
