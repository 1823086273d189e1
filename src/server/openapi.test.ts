import { test } from 'node:test'
import assert from 'node:assert/strict'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import { createApp } from './app.js'
import { openApiDocument } from './openapi.js'

test('the OpenAPI document lists exactly the API routes the app registers', async () => {
  const store = openSqliteStore(':memory:')
  try {
    const app = createApp({ store, token: 't', web: false })
    const registered = new Set(
      app.routes
        // Middleware (auth, body limit, headers, CORS) registers as ALL or on wildcards; only handlers are routes.
        .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/') && !route.path.includes('*'))
        .map((route) => `${route.method} ${route.path.replace(/:(\w+)/gu, '{$1}')}`),
    )
    const paths = openApiDocument()['paths'] as Record<string, Record<string, unknown>>
    const documented = new Set(Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`)))
    assert.deepEqual([...registered].sort(), [...documented].sort())
  } finally {
    await store.close()
  }
})

test('the document is served by the app', async () => {
  const store = openSqliteStore(':memory:')
  try {
    const res = await createApp({ store, token: 't', web: false }).request('/api/openapi.json')
    assert.equal(res.status, 200)
    const doc = (await res.json()) as { openapi: string; components: { schemas: Record<string, unknown> } }
    assert.equal(doc.openapi, '3.1.0')
    assert.ok('ArticleRecord' in doc.components.schemas)
  } finally {
    await store.close()
  }
})
