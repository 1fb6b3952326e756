// Neither server ever serves a dotfile, nor a file outside the site, however the request target is
// spelt. The requests go over a raw socket: fetch and browsers normalise `..`, cut `#` and encode
// `\`, so they cannot send the targets an attacker can.
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {connect} from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {devRoute, reloadChannel} from '../../src/serve/reload.ts'
import {listen, mountAt, sitePath, type Listening} from '../../src/serve/server.ts'
import {siteUrl, staticSite} from '../../src/serve/static.ts'

const SECRET = 'TOP-SECRET-7f3a9c'
const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16"/></svg>\n'

let site: string
const servers: Record<string, {server: Listening; base: string}> = {}

beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-dotfiles-'))
  site = path.join(root, 'site')
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(site, name)), {recursive: true})
    writeFileSync(path.join(site, name), text)
  }
  write('index.html', '<!DOCTYPE html><html><head><title>Home</title></head><body><h1>Home</h1></body></html>\n')
  write('404.html', '<!DOCTYPE html><html><head><title>Missing</title></head><body><h1>Missing</h1></body></html>\n')
  write('assets/favicon.svg', FAVICON)
  write('.git/config', `[core]\n\t${SECRET}\n`)
  write('.env', `TOKEN=${SECRET}\n`)
  write('sub/.hidden/x.txt', SECRET)
  write('.literal.txt', SECRET)
  // A file whose name really is `%2eliteral.txt`: reached by `%252e`, decoded once and no more.
  write('%2eliteral.txt', 'literal name\n')
  writeFileSync(path.join(root, 'outside.txt'), SECRET)

  const reload = reloadChannel({version: 't-1', problems: []})
  servers['preview'] = {server: await listen(mountAt('/', staticSite(site)), 0), base: '/'}
  servers['preview at /sub/'] = {server: await listen(mountAt('/sub/', staticSite(site)), 0), base: '/sub/'}
  servers['dev'] = {server: await listen(devRoute(site, reload), 0), base: '/'}
})

afterAll(async () => {
  for (const {server} of Object.values(servers)) await server.close()
})

interface RawResponse {
  status: number
  head: string
  body: string
}

/** Sends `target` byte for byte as the request target; no client-side parsing or normalising. */
function rawGet(port: number, target: string, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer for ${target}`)))
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1')
      const split = text.indexOf('\r\n\r\n')
      const head = split === -1 ? text : text.slice(0, split)
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0)
      resolve({status, head, body: split === -1 ? '' : text.slice(split + 4)})
    })
    socket.write(Buffer.from(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'latin1'))
  })
}

// Each as a path inside the site; the /sub/ mount gets the same with its prefix.
const refused = [
  '/.git/config',
  '/.git/config#/../../assets/favicon.svg',
  '/.git/config?/../../assets/favicon.svg',
  '/.git/config%23/../../assets/favicon.svg',
  '/.git/config%3F/../../assets/favicon.svg',
  '/%2egit/config',
  '/%2Egit%2Fconfig',
  '/%2e%2E/outside.txt',
  '/../outside.txt',
  '/assets/..%2f.git/config',
  '/assets/..%2F..%2Foutside.txt',
  '/assets/favicon.svg/..%2f..%2f.git/config',
  '/%252egit/config',
  '/%25252egit/config',
  '/.env',
  '/.env#',
  '/.env?x=1',
  '/%2eenv',
  '/sub/.hidden/x.txt',
  '/sub/%2Ehidden/x.txt',
  '/sub/.hidden/x.txt#/../../../assets/favicon.svg',
  '/..%5c.git/config',
  '/..%5C.git%5Cconfig',
  '/..\\.git\\config',
  '/assets\\..\\.git\\config',
  '/assets/favicon.svg%00.html',
  '/assets/favicon.svg%00',
  '/%00',
  '/%2500',
  '/a/../.git/config',
  '/./.git/config',
  '//.git/config',
  '/assets/%2e/favicon.svg/../../.git/config',
  '/%2eliteral.txt',
  '/.literal.txt',
  '/%c0%ae%c0%ae/.git/config',
  '/%E0%80%AE.git/config',
  '/%',
  '/%zz.git/config'
]

const served: [string, string | null][] = [
  ['/', '<h1>Home</h1>'],
  ['/index.html', '<h1>Home</h1>'],
  ['/assets/favicon.svg', FAVICON],
  ['/assets/favicon.svg?v=1', FAVICON],
  ['/assets/favicon.svg#x', FAVICON],
  ['/assets/favicon.svg?v=1#x/../../.git/config', FAVICON],
  ['/assets/favicon%2esvg', FAVICON],
  ['/assets%2Ffavicon.svg', FAVICON],
  ['/%252eliteral.txt', 'literal name\n']
]

describe.each(['preview', 'preview at /sub/', 'dev'])('the %s server', (name) => {
  const target = (pathname: string) => servers[name]!.base + pathname.slice(1)

  it.each(refused)('never serves %s', async (pathname) => {
    const response = await rawGet(servers[name]!.server.port, target(pathname))
    expect(response.status).not.toBe(200)
    expect([400, 404]).toContain(response.status)
    expect(response.head + response.body).not.toContain(SECRET)
    // Not the favicon either: `#`, `?` and `..` never make a refused path name another file.
    expect(response.body).not.toContain('<svg')
  })

  it.each(refused)('never serves %s to HEAD', async (pathname) => {
    const response = await rawGet(servers[name]!.server.port, target(pathname), 'HEAD')
    expect([400, 404]).toContain(response.status)
  })

  it.each(served)('still serves %s', async (pathname, body) => {
    const response = await rawGet(servers[name]!.server.port, target(pathname))
    expect(response.status).toBe(200)
    if (body !== null) expect(response.body).toContain(body)
  })

  it('adds the trailing slash to a folder and keeps the query, not the fragment', async () => {
    mkdirSync(path.join(site, 'folder'), {recursive: true})
    writeFileSync(path.join(site, 'folder', 'index.html'), '<p>folder</p>')
    const response = await rawGet(servers[name]!.server.port, target('/folder?page=2#/../.git/config'))
    expect(response.status).toBe(301)
    expect(response.head).toMatch(/\r\nLocation: folder\/\?page=2\r\n/i)
  })
})

describe('the dev server', () => {
  it('keeps its own routes and adds its script to pages', async () => {
    const {port} = servers['dev']!.server
    const client = await rawGet(port, '/__broadsheet/dev.js')
    expect(client.status).toBe(200)
    expect(client.body).toContain('EventSource')
    expect((await rawGet(port, '/__broadsheet/dev.js?v=2#x')).status).toBe(200)
    const page = await rawGet(port, '/')
    expect(page.body).toContain('/__broadsheet/dev.js')
    expect((await rawGet(port, '/__broadsheet/../.git/config')).body).not.toContain(SECRET)
  })
})

describe('the /sub/ mount', () => {
  it('answers the bare prefix with a redirect and nothing outside it', async () => {
    const {port} = servers['preview at /sub/']!.server
    const bare = await rawGet(port, '/sub?x=1#frag')
    expect(bare.status).toBe(301)
    expect(bare.head).toMatch(/\r\nLocation: \/sub\/\?x=1\r\n/i)
    for (const outside of ['/assets/favicon.svg', '/sub%2f.git/config', '/sub/../.git/config', '/sub/..%2f.env', '/.git/config']) {
      const response = await rawGet(port, outside)
      expect([400, 404]).toContain(response.status)
      expect(response.body).not.toContain(SECRET)
    }
  })
})

describe('sitePath', () => {
  it('decodes once, normalises and refuses dot segments, NUL and backslashes', () => {
    expect(sitePath('/a//b/')).toBe('/a/b/')
    expect(sitePath('/caf%C3%A9/')).toBe('/café/')
    expect(sitePath('/%252egit/config')).toBe('/%2egit/config')
    expect(sitePath('/%2egit/config')).toBe(404)
    expect(sitePath('/a/../b')).toBe(404)
    expect(sitePath('/a/%2e%2e/b')).toBe(404)
    expect(sitePath('/a%5cb')).toBe(404)
    expect(sitePath('/a\\b')).toBe(404)
    expect(sitePath('/a%00')).toBe(404)
    expect(sitePath('/%e0%80%ae')).toBe(400)
    expect(sitePath('/%')).toBe(400)
    expect(sitePath('a/b')).toBe(404)
  })
})

describe('siteUrl', () => {
  it('gives the URL that sirv reads back as the same path, or null', () => {
    expect(siteUrl('/assets/favicon.svg')).toBe('/assets/favicon.svg')
    expect(siteUrl('/%2egit/config')).toBe('/%252egit/config')
    expect(siteUrl('/café/')).toBe('/caf%C3%A9/')
    expect(siteUrl('/a?b')).toBeNull()
    expect(siteUrl('/a#b')).toBeNull()
  })
})

it('leaves the site files as they were', () => {
  expect(readFileSync(path.join(site, '.git', 'config'), 'utf8')).toContain(SECRET)
})
