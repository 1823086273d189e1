import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createWebAuth, foreignOrigin, localPath, readCookie } from './web-auth.js'

test('a write from this server’s own page passes; from another site, an opaque origin or a cross-site fetch it is refused', () => {
  const host = '127.0.0.1:8080'
  assert.equal(foreignOrigin({ host, origin: 'http://127.0.0.1:8080', fetchSite: 'same-origin' }), null)
  // Our pages send Referrer-Policy: no-referrer, under which a form's Origin is "null": Sec-Fetch-Site vouches for it.
  assert.equal(foreignOrigin({ host, origin: 'null', fetchSite: 'same-origin' }), null)
  // Not a browser: judged by its token alone.
  assert.equal(foreignOrigin({ host, origin: undefined, fetchSite: undefined }), null)
  assert.match(foreignOrigin({ host, origin: 'https://evil.example', fetchSite: 'cross-site' }) ?? '', /evil\.example, another site/)
  assert.match(foreignOrigin({ host, origin: 'http://127.0.0.1:9999', fetchSite: 'same-site' }) ?? '', /another site/)
  assert.match(foreignOrigin({ host, origin: undefined, fetchSite: 'same-site' }) ?? '', /marked the request same-site/)
  assert.match(foreignOrigin({ host, origin: 'null', fetchSite: undefined }) ?? '', /opaque origin/)
  assert.match(foreignOrigin({ host, origin: 'not a url', fetchSite: undefined }) ?? '', /not a URL/)
  assert.equal(foreignOrigin({ host, origin: 'https://desk.example', fetchSite: 'cross-site', allowedOrigins: ['https://desk.example'] }), null)
})

test('the session cookie carries the token; the CSRF token differs per sign-in and only fits its own session', () => {
  const auth = createWebAuth('s3cret;=x')
  assert.equal(auth.signIn('wrong'), null)
  const one = auth.signIn('s3cret;=x') ?? assert.fail('not signed in')
  const two = auth.signIn(' s3cret;=x ') ?? assert.fail('not signed in')
  assert.match(one.cookie, /; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+$/)
  assert.notEqual(auth.csrfToken(one.sessionId), auth.csrfToken(two.sessionId))
  assert.equal(auth.checkCsrf(one.sessionId, auth.csrfToken(one.sessionId)), true)
  assert.equal(auth.checkCsrf(one.sessionId, auth.csrfToken(two.sessionId)), false)
  assert.equal(auth.checkCsrf(one.sessionId, undefined), false)
  const value = one.cookie.split(';')[0]?.split('=').slice(1).join('=') ?? ''
  assert.equal(readCookie(`other=1; crosscheck_session=${value}`, 'crosscheck_session'), decodeURIComponent(value))
  assert.equal(readCookie('crosscheck_session=%E0%A4%A', 'crosscheck_session'), null, 'a malformed cookie is no cookie')
})

test('after signing in, only a local path is followed', () => {
  assert.equal(localPath('/stories/3?x=1'), '/stories/3?x=1')
  for (const bad of ['//evil.example/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/a\r\nSet-Cookie: x=1', undefined]) {
    assert.equal(localPath(bad), '/', String(bad))
  }
})
