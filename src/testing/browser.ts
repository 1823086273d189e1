/**
 * A real headless Chromium for browser tests: Debian's `chromium` package
 * driven by playwright-core (Playwright's own browser download cannot work
 * offline). Tests skip with `browserSkipReason()` when no browser is found.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type Page, chromium } from 'playwright-core'

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

/** The browser executable: `$CROSSCHECK_CHROMIUM` when set, else the first Debian/Ubuntu path that exists. */
export function chromiumPath(): string | null {
  const override = process.env['CROSSCHECK_CHROMIUM']
  if (override !== undefined && override !== '') return existsSync(override) ? override : null
  return CANDIDATES.find((path) => existsSync(path)) ?? null
}

/** Why browser tests cannot run here, or null when they can. */
export function browserSkipReason(): string | null {
  return chromiumPath() === null ? "no Chromium found (install Debian's chromium package, or set CROSSCHECK_CHROMIUM); browser tests skipped" : null
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath()
  if (executablePath === null) throw new Error(browserSkipReason() ?? 'no Chromium')
  return chromium.launch({
    executablePath,
    headless: true,
    // Without the background-networking flags Chromium keeps trying to reach
    // Google's hosts, which a closed network refuses; the tests also assert
    // that pages make no requests of their own, so the browser must not either.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * What a page did that a user would call broken: console errors, uncaught
 * exceptions, dialogs (an injected `alert` would open one), and requests
 * the test did not expect. Attach before navigating.
 */
export interface PageWatch {
  readonly consoleErrors: string[]
  readonly pageErrors: string[]
  readonly dialogs: string[]
  readonly requests: string[]
}

export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { consoleErrors: [], pageErrors: [], dialogs: [], requests: [] }
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => watch.pageErrors.push(error.message))
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('request', (request) => watch.requests.push(request.url()))
  return watch
}

/**
 * Folder for screenshots and other test-run artifacts: `$CROSSCHECK_ARTIFACTS`
 * or `artifacts/` at the repository root (ignored by git).
 */
export function artifactsDir(): string {
  const override = process.env['CROSSCHECK_ARTIFACTS']
  let dir = override !== undefined && override !== '' ? override : null
  if (dir === null) {
    let root = dirname(fileURLToPath(import.meta.url))
    while (!existsSync(join(root, 'package.json')) && dirname(root) !== root) root = dirname(root)
    dir = join(root, 'artifacts')
  }
  mkdirSync(dir, { recursive: true })
  return dir
}
