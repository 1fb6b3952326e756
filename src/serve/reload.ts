// Live reload for the dev server: the state of the last build, a server-sent event stream that
// tells open tabs about each new one, and the script tag added to every HTML response (never to
// the files on disk).
import {readFileSync} from 'node:fs'
import type {IncomingMessage, ServerResponse} from 'node:http'
import {mountAt, type Route} from './server.ts'
import {staticSite} from './static.ts'

/** What a tab needs to know about the last build. */
export interface BuildState {
  /** Changes whenever the output folder was replaced; a tab on another version reloads. */
  version: string
  /** Lines for a person: per-file errors and fatal build errors. Empty when the build was clean. */
  problems: string[]
}

export const DEV_PATH = '/__broadsheet/'
// From the repo root, because this line also runs from the bundle in bundle/cli/.
const CLIENT = readFileSync(new URL('../../src/serve/dev-client.js', import.meta.url), 'utf8')

export interface ReloadChannel {
  /** Answers `/__broadsheet/events` and `/__broadsheet/dev.js`; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): boolean
  /** Tell every open tab about a finished build. */
  publish(state: BuildState): void
  current(): BuildState
  /** Add the state and the client script to a page. */
  inject(html: string): string
}

export function reloadChannel(initial: BuildState): ReloadChannel {
  let state = initial
  const clients = new Set<ServerResponse>()
  const message = () => `event: build\ndata: ${JSON.stringify(state)}\n\n`

  return {
    handle(req, res) {
      const pathname = (req.url ?? '').split(/[?#]/)[0]
      if (pathname === `${DEV_PATH}dev.js`) {
        res.writeHead(200, {'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store'}).end(CLIENT)
        return true
      }
      if (pathname === `${DEV_PATH}events`) {
        res.writeHead(200, {'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive'})
        res.write(message())
        clients.add(res)
        req.on('close', () => clients.delete(res))
        return true
      }
      return false
    },
    publish(next) {
      state = next
      for (const client of clients) client.write(message())
    },
    current: () => state,
    inject(html) {
      return injectDevScript(html, state)
    }
  }
}

/** What the dev server answers: the channel's own paths, then the site in `out` at `/`. */
export function devRoute(out: string, reload: ReloadChannel): Route {
  const site = mountAt('/', staticSite(out, (html) => reload.inject(html)))
  return (req, res) => {
    if (!reload.handle(req, res)) site(req, res)
  }
}

/** Adds the dev client before `</body>` (or at the end when a template has none). */
export function injectDevScript(html: string, state: BuildState): string {
  // `<` escaped so that no problem text can close the script element.
  const data = JSON.stringify(state).replace(/</g, '\\u003c')
  const tags = `<script>window.__BROADSHEET_DEV__=${data}</script><script type="module" src="${DEV_PATH}dev.js"></script>`
  const at = html.lastIndexOf('</body>')
  return at === -1 ? html + tags : html.slice(0, at) + tags + html.slice(at)
}
