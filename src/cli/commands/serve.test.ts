import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const CLI = fileURLToPath(new URL('../main.js', import.meta.url))

test('serve starts on a free port, answers the API, keeps a private token, and stops cleanly on SIGTERM', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-serve-'))
  const db = join(dir, 'news.db')
  const env = { ...process.env, CROSSCHECK_TOKEN: '' }
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  const safety = setTimeout(() => child.kill('SIGKILL'), 15_000)
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const check = setInterval(() => {
        const match = /serving (http:\/\/\S+\/)/.exec(stdout)
        if (match?.[1] !== undefined && /write token/.test(stdout)) {
          clearInterval(check)
          resolve(match[1])
        }
      }, 20)
      void exited.then(() => reject(new Error(`serve exited early: ${stdout}${stderr}`)))
    })
    const token = /write token \(shown once, kept in .*\): (\S+)/.exec(stdout)?.[1]
    assert.ok(token, stdout)
    assert.equal((await stat(`${db}.token`)).mode & 0o777, 0o600)

    const res = await fetch(`${url}api/v1/stories`)
    assert.equal(res.status, 200)
    assert.deepEqual(await res.json(), {
      items: [],
      limit: 50,
      offset: 0,
      total: 0,
      links: { self: '/api/v1/stories?offset=0&limit=50', next: null, prev: null },
    })
    const refused = await fetch(`${url}api/v1/articles`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[]' })
    assert.equal(refused.status, 401)

    // Ingests run on the writer thread; the main thread sees the committed result.
    const body = JSON.stringify([
      {
        title: 'Ferry service resumes after storm',
        text: 'The harbour authority said on Tuesday that ferry crossings to the island would resume at dawn after two days of gales. Operators expect delays through the weekend.',
        outlet: 'Coast Courier',
      },
    ])
    const stored = await fetch(`${url}api/v1/articles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body,
    })
    assert.equal(stored.status, 200)
    const storedReport = (await stored.json()) as { inserted: number; stored: Array<{ id: string }> }
    assert.equal(storedReport.inserted, 1)
    // Comparisons are rendered on their own thread, from its own connection to the file.
    const id = storedReport.stored[0]?.id ?? ''
    const compared = await fetch(`${url}compare/${id}/${id}`)
    assert.equal(compared.status, 200)
    assert.match(await compared.text(), /Ferry service resumes/)
    const listed = (await (await fetch(`${url}api/v1/stories`)).json()) as { items: Array<{ titles: string[] }> }
    assert.deepEqual(
      listed.items.map((story) => story.titles),
      [['Ferry service resumes after storm']],
    )

    child.kill('SIGTERM')
    assert.equal(await exited, 0, stderr)
    assert.match(stdout, /stopped/)
  } finally {
    clearTimeout(safety)
    child.kill('SIGKILL')
    await rm(dir, { recursive: true, force: true })
  }
})

test('reads are open on loopback, need the token beyond it unless --public, and always with --private; beyond loopback it warns', async () => {
  const { readAccess } = await import('./serve.js')
  assert.deepEqual(readAccess('127.0.0.1', false, false), { reads: 'open', warning: null })
  assert.deepEqual(readAccess('::1', false, true), { reads: 'token', warning: null })
  const closed = readAccess('0.0.0.0', false, false)
  assert.equal(closed.reads, 'token')
  assert.match(closed.warning ?? '', /needs the token.*--public/)
  const open = readAccess('192.0.2.10', true, false)
  assert.equal(open.reads, 'open')
  assert.match(open.warning ?? '', /--public: anyone who can reach it can read/)
  assert.throws(() => readAccess('127.0.0.1', true, true), /contradict/)
})
