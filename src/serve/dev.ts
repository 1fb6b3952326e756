// The editor's loop: build, serve the output on localhost, watch the sources, rebuild on change
// and tell open tabs to reload. A broken file or template never stops the server: its problems
// go to the terminal and to an overlay, and the last good output stays up.
import {existsSync} from 'node:fs'
import {randomBytes} from 'node:crypto'
import {watch} from 'chokidar'
import {build, type BuildOptions, type BuildResult} from '../build/index.ts'
import {count, storyCount} from '../text/count.ts'
import {devRoute, reloadChannel, type BuildState} from './reload.ts'
import {listen} from './server.ts'

export type DevOptions = Omit<BuildOptions, 'onStep' | 'onOutput' | 'onProgress'> & {port: number}

export interface DevServer {
  url: string
  /** Stop watching and serving; a build under way is abandoned and its staging folder removed. */
  close(): Promise<void>
}

// Editors save in bursts (write, rename, touch); one build for the burst.
const DEBOUNCE_MS = 120

export async function startDev(options: DevOptions, log: (line: string) => void): Promise<DevServer> {
  const {port, ...buildOptions} = options
  const session = randomBytes(4).toString('hex')
  let builds = 0
  let staging: {abort(): void} | null = null
  // A failed build keeps the version, so tabs stay on the last good output and show the problems.
  let version = `${session}-0`

  async function runBuild(): Promise<BuildState> {
    const started = performance.now()
    let result: BuildResult
    try {
      result = await build({...buildOptions, onOutput: (output) => (staging = output)})
    } catch (error) {
      const line = `build failed: ${(error as Error).message}`
      log(`${line}\n  still serving the last good build`)
      return {version, problems: [line]}
    }
    const problems = [...result.fatal, ...result.report.errors.map((e) => `${e.source}:${e.line}: ${e.message}`)]
    for (const line of problems) log(line)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    if (!result.published) {
      log(`build failed in ${seconds} s; still serving the last good build`)
      return {version, problems}
    }
    builds++
    version = `${session}-${builds}`
    log(`built ${storyCount(result.report.stories.length)}, ${count(result.pages, 'output file')}, ${count(result.report.errors.length, 'error')} in ${seconds} s`)
    return {version, problems}
  }

  // The server listens before the first build, so that the build knows the origin it is served
  // from: feeds, the sitemap and canonical links need an absolute base URL, and while editing it is
  // this server's own (it wins over the config's `baseUrl`, whose links would lead off the preview).
  const reload = reloadChannel({version, problems: []})
  const server = await listen(devRoute(options.out, reload), port)
  buildOptions.baseUrl = server.url
  reload.publish(await runBuild())

  const watched = [options.content, options.templates ?? 'templates', options.config ?? 'broadsheet.config.json']
  const watcher = watch(watched.filter((p) => existsSync(p)), {ignoreInitial: true})
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | null = null
  let again = false
  let closed = false

  const rebuild = async (): Promise<void> => {
    do {
      again = false
      const state = await runBuild()
      if (!closed) reload.publish(state)
    } while (again && !closed)
    running = null
  }
  const schedule = (event: string, file: string): void => {
    log(`${event} ${file}`)
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (running) again = true
      else running = rebuild()
    }, DEBOUNCE_MS)
  }
  watcher.on('all', schedule)
  watcher.on('error', (error) => log(`watcher: ${(error as Error).message}`))
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))

  return {
    url: server.url,
    async close() {
      closed = true
      clearTimeout(timer)
      ;(staging as {abort(): void} | null)?.abort()
      await watcher.close()
      await server.close()
    }
  }
}
