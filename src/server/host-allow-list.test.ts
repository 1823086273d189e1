import assert from 'node:assert/strict'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { test } from 'node:test'
import { serve } from '@hono/node-server'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import { createApp } from './app.js'
import { requestHost } from './host-allow-list.js'

/** A GET with a Host header of our choosing, as a rebinding page's browser would send it. */
function get(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })
}

test('a request naming a foreign host (DNS rebinding) is refused; loopback names, IP addresses and listed names are answered', async () => {
  const store = openSqliteStore(':memory:')
  const app = createApp({ store, token: 't', web: false, hostNames: ['desk.example.org'] })
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  try {
    for (const host of [`attacker.example:${port}`, 'attacker.example', `127.0.0.1.attacker.example:${port}`, 'localhost.attacker.example']) {
      assert.equal(await get(port, '/api/v1/stories', host), 400, host)
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, '[::1]:8080', 'LOCALHOST', 'desk.example.org', `Desk.Example.Org:${port}`, '192.168.1.20']) {
      assert.equal(await get(port, '/api/v1/stories', host), 200, host)
    }
  } finally {
    server.close()
    await store.close()
  }
})

test('requestHost takes the port and IPv6 brackets off, and refuses what is not a host', () => {
  assert.equal(requestHost('Example.org:8080'), 'example.org')
  assert.equal(requestHost('[::1]:80'), '::1')
  assert.equal(requestHost('evil.example/path'), null)
  assert.equal(requestHost('a b'), null)
})
