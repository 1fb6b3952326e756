// `broadsheet preview`'s server against a real build: what a static host would answer.
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {listen, mountAt, type Listening} from '../../src/serve/server.ts'
import {inside, staticSite} from '../../src/serve/static.ts'
import {buildFiles, seedPath} from '../build/fixture.ts'
import {readFileSync} from 'node:fs'

let out: string
let atRoot: Listening
let atSub: Listening
const seedUrl = '2022/11/08/n-korea-slams-us-for-raising-alleged-arms-supply-to-russia/'

beforeAll(async () => {
  const built = await buildFiles({'seed.txt': readFileSync(seedPath, 'utf8')}, {baseUrl: 'https://news.example/'})
  out = built.out
  // A file beside the site that must never be served.
  writeFileSync(path.join(path.dirname(out), 'secret.txt'), 'secret')
  mkdirSync(path.join(out, '.hidden'), {recursive: true})
  writeFileSync(path.join(out, '.hidden', 'x.txt'), 'hidden')
  atRoot = await listen(mountAt('/', staticSite(out)), 0)
  atSub = await listen(mountAt('/sub/', staticSite(out)), 0)
})

afterAll(async () => {
  await atRoot?.close()
  await atSub?.close()
})

const get = (base: Listening, pathname: string) => fetch(new URL(pathname, base.url), {redirect: 'manual'})

describe('the preview server', () => {
  it.each([
    ['', 'text/html; charset=utf-8'],
    [seedUrl, 'text/html; charset=utf-8'],
    ['assets/style.css', 'text/css'],
    ['assets/favicon.svg', 'image/svg+xml'],
    ['assets/search.js', 'text/javascript'],
    ['feed.xml', 'text/xml'],
    ['feed.json', 'application/json'],
    ['robots.txt', 'text/plain'],
    ['assets/search-engine.js', 'text/javascript'],
    ['search/meta.json', 'application/json']
  ])('serves /%s as %s', async (pathname, type) => {
    const response = await get(atRoot, pathname)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(type)
  })

  it('answers a missing path with 404.html and status 404', async () => {
    const response = await get(atRoot, 'no/such/page/')
    expect(response.status).toBe(404)
    const html = await response.text()
    expect(html).toBe(readFileSync(path.join(out, '404.html'), 'utf8'))
  })

  it('adds the trailing slash to a folder, as hosts do, so relative links resolve', async () => {
    const response = await get(atRoot, seedUrl.slice(0, -1))
    expect(response.status).toBe(301)
    expect(new URL(response.headers.get('location')!, new URL(seedUrl.slice(0, -1), atRoot.url)).href).toBe(new URL(seedUrl, atRoot.url).href)
  })

  it('sends pages unchanged: nothing is injected', async () => {
    expect(await (await get(atRoot, seedUrl)).text()).toBe(readFileSync(path.join(out, seedUrl, 'index.html'), 'utf8'))
  })

  it.each(['../secret.txt', '%2e%2e/secret.txt', '..%2fsecret.txt', '.hidden/x.txt', 'assets/%00'])('never serves %s', async (pathname) => {
    const response = await fetch(`${atRoot.url}${pathname}`, {redirect: 'manual'})
    expect([400, 404]).toContain(response.status)
    expect(await response.text()).not.toMatch(/^secret|^hidden/)
  })

  it('refuses to change anything', async () => {
    const response = await fetch(atRoot.url, {method: 'POST'})
    expect(response.status).toBe(405)
  })

  it('mounts the site under a sub-path and nowhere else', async () => {
    expect((await get(atSub, 'sub/')).status).toBe(200)
    expect((await get(atSub, `sub/${seedUrl}`)).status).toBe(200)
    expect((await get(atSub, 'sub/assets/style.css')).headers.get('content-type')).toBe('text/css')
    expect((await get(atSub, 'sub')).headers.get('location')).toBe('/sub/')
    expect((await get(atSub, '')).status).toBe(404)
    expect((await get(atSub, 'assets/style.css')).status).toBe(404)
    expect((await get(atSub, 'sub/missing/')).status).toBe(404)
  })

  it('reports a port in use', async () => {
    await expect(listen(mountAt('/', staticSite(out)), atRoot.port)).rejects.toThrow(/port \d+ is in use/)
  })
})

describe('inside', () => {
  it('keeps paths in the folder and refuses the rest', () => {
    expect(inside('/site', '/a/b.html')).toBe('/site/a/b.html')
    expect(inside('/site', '/../etc/passwd')).toBe('/site/etc/passwd')
    expect(inside('/site', '/a/../../x')).toBe('/site/x')
    expect(inside('/site', '/.git/config')).toBeNull()
    expect(inside('/site', '/a\0b')).toBeNull()
  })
})
