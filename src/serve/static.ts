// Serves a built site folder the way a static host does: `index.html` for a directory, a
// redirect that adds the trailing slash (relative links depend on it), `404.html` with status 404
// for anything missing. HTML is read here so the dev server can add its script to it; every other
// file goes through sirv for content types, ranges and caching headers.
import {readFileSync, statSync} from 'node:fs'
import type {IncomingMessage, ServerResponse} from 'node:http'
import path from 'node:path'
import sirv from 'sirv'

/** `pathname` is the decoded path inside the site, starting with `/`. */
export type Handler = (req: IncomingMessage, res: ServerResponse, pathname: string) => void

/** Changes a page's HTML on its way out: the identity for preview, the reload script for dev. */
export type HtmlTransform = (html: string) => string

// For a folder with no 404.html (or no build yet), so the dev overlay still has a page to sit on.
const NOT_FOUND = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><h1>Not found</h1></body></html>\n'

export function staticSite(dir: string, transform: HtmlTransform = (html) => html): Handler {
  const root = path.resolve(dir)
  const assets = sirv(root, {
    // dev: look files up on each request rather than once at start, since builds replace them.
    dev: true,
    etag: true,
    extensions: []
  })

  return (req, res, pathname) => {
    const sendHtml = (status: number, file: string): void => {
      // Read per request: the dev server swaps the whole folder after every build.
      const body = Buffer.from(transform(readFileSync(file, 'utf8')), 'utf8')
      res.writeHead(status, {'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-cache'})
      res.end(req.method === 'HEAD' ? undefined : body)
    }
    const notFound = (): void => {
      const page = path.join(root, '404.html')
      if (kind(page) === 'file') return sendHtml(404, page)
      const body = Buffer.from(transform(NOT_FOUND), 'utf8')
      res.writeHead(404, {'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length}).end(body)
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, {Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8'}).end('Method not allowed\n')
      return
    }
    const file = inside(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname)
    if (file === null) return notFound()
    const {query} = splitTarget(req.url ?? '/')
    const found = kind(file)
    if (found === 'directory' && kind(path.join(file, 'index.html')) === 'file') {
      res.writeHead(301, {Location: `${encodeURIComponent(path.posix.basename(pathname))}/${query}`}).end()
      return
    }
    if (found !== 'file') return notFound()
    if (file.endsWith('.html')) return sendHtml(200, file)
    // sirv finds its file from req.url, not from `pathname`: hand it the file checked above, in a
    // form its parsing (cut at `#` and `?`, one decodeURI) turns back into exactly that path.
    const url = siteUrl(`/${path.relative(root, file).split(path.sep).join('/')}`)
    if (url === null) return notFound()
    req.url = url + query
    assets(req, res, notFound)
  }
}

/** The file a site path names, or null when it would leave the folder or is a hidden file. */
export function inside(root: string, pathname: string): string | null {
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  const resolved = path.resolve(root, `.${path.posix.normalize(pathname)}`)
  const back = path.relative(root, resolved)
  if (back.startsWith('..') || path.isAbsolute(back)) return null
  if (back.split(path.sep).some((part) => part.startsWith('.'))) return null
  return resolved
}

/** A request target's path (before the first `?` or `#`) and its query (from `?`, no fragment). */
export function splitTarget(raw: string): {path: string; query: string} {
  const hash = raw.indexOf('#')
  const target = hash === -1 ? raw : raw.slice(0, hash)
  const question = target.indexOf('?')
  return question === -1 ? {path: target, query: ''} : {path: target.slice(0, question), query: target.slice(question)}
}

/**
 * The URL path that sirv reads back as `pathname` exactly (it cuts at `#` and `?` and decodes
 * once with decodeURI), or null when there is none, as for a file name holding `?` or `#`.
 */
export function siteUrl(pathname: string): string | null {
  let url: string
  try {
    url = encodeURI(pathname).replace(/\?/g, '%3F').replace(/#/g, '%23')
  } catch {
    return null
  }
  const {path: seen} = splitTarget(url)
  let decoded = seen
  if (seen.includes('%')) {
    try {
      decoded = decodeURI(seen)
    } catch {
      return null
    }
  }
  return decoded === pathname ? url : null
}

function kind(file: string): 'file' | 'directory' | null {
  try {
    const stats = statSync(file)
    return stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : null
  } catch {
    return null
  }
}
