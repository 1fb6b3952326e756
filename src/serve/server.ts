// An HTTP server on the loopback interface, and the mounting of a site at a sub-path, so a build
// can be checked at `/news/` exactly as a host that serves it there would.
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import path from 'node:path'
import {siteUrl, splitTarget, type Handler} from './static.ts'

export type Route = (req: IncomingMessage, res: ServerResponse) => void

export interface Listening {
  /** `http://127.0.0.1:PORT/` */
  url: string
  port: number
  close(): Promise<void>
}

export const HOST = '127.0.0.1'

/** Serve `site` under `base` (`/` or `/sub/`); the rest of the server answers 404. */
export function mountAt(base: string, site: Handler): Route {
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/')
  return (req, res) => {
    // The raw target: a client may send `#` and `?` that a browser would have cut or encoded.
    const {path: rawPath, query} = splitTarget(req.url ?? '/')
    if (`${rawPath}/` === prefix) {
      res.writeHead(301, {Location: prefix + query}).end()
      return
    }
    if (!rawPath.startsWith(prefix)) {
      res.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8'}).end(`Not found: the site is served at ${prefix}\n`)
      return
    }
    const pathname = sitePath(rawPath.slice(prefix.length - 1))
    // sirv reads req.url itself, so it must see the path inside the site, and no other.
    const url = typeof pathname === 'string' ? siteUrl(pathname) : null
    if (typeof pathname !== 'string' || url === null) {
      const status = pathname === 400 ? 400 : 404
      res.writeHead(status, {'Content-Type': 'text/plain; charset=utf-8'}).end(status === 400 ? 'Bad request\n' : 'Not found\n')
      return
    }
    req.url = url + query
    site(req, res, pathname)
  }
}

/**
 * The path inside the site that a raw request path (no query, no fragment; from the site's `/`)
 * names: decoded once and normalised; 400 when its percent-encoding is malformed, 404 when it holds
 * a backslash or NUL (raw or encoded), or a segment that starts with a dot (`.git`, `.env`, `.`,
 * `..`), or would leave the site. What it returns is never decoded again: `%252e` is the name `%2e`.
 */
export function sitePath(rawPath: string): string | 400 | 404 {
  if (!rawPath.startsWith('/') || /[\\\0]|%00/i.test(rawPath)) return 404
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return 400
  }
  if (/[\\\0]/.test(decoded) || hasDotSegment(decoded)) return 404
  const pathname = path.posix.normalize(decoded)
  if (!pathname.startsWith('/') || hasDotSegment(pathname)) return 404
  return pathname
}

const hasDotSegment = (pathname: string): boolean => pathname.split('/').some((part) => part.startsWith('.'))

/** Listen on 127.0.0.1; port 0 picks a free port. Rejects when the port is taken. */
export function listen(route: Route, port: number): Promise<Listening> {
  const server = createServer((req, res) => {
    try {
      route(req, res)
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, {'Content-Type': 'text/plain; charset=utf-8'})
      res.end(`Server error: ${(error as Error).message}\n`)
    }
  })
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} is in use; choose another with --port`) : error)
    })
    server.listen(port, HOST, () => {
      const address = server.address()
      const actual = typeof address === 'object' && address !== null ? address.port : port
      resolve({
        url: `http://${HOST}:${actual}/`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            // Open event streams would keep close() waiting forever.
            server.closeAllConnections()
            server.close(() => done())
          })
      })
    })
  })
}
