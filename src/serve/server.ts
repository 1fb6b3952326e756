// An HTTP server on the loopback interface, and the mounting of a site at a sub-path, so a build
// can be checked at `/news/` exactly as a host that serves it there would.
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {Handler} from './static.ts'

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
    const raw = req.url ?? '/'
    const rawPath = raw.split('?')[0] ?? '/'
    if (`${rawPath}/` === prefix) {
      res.writeHead(301, {Location: prefix + raw.slice(rawPath.length)}).end()
      return
    }
    if (!rawPath.startsWith(prefix)) {
      res.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8'}).end(`Not found: the site is served at ${prefix}\n`)
      return
    }
    let pathname
    try {
      pathname = decodeURIComponent(rawPath.slice(prefix.length - 1))
    } catch {
      res.writeHead(400, {'Content-Type': 'text/plain; charset=utf-8'}).end('Bad request\n')
      return
    }
    // sirv reads req.url itself, so it must see the path inside the site.
    req.url = raw.slice(prefix.length - 1)
    site(req, res, pathname)
  }
}

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
