// `broadsheet preview`: an output folder served as a static host would.
import {existsSync} from 'node:fs'
import path from 'node:path'
import {listen, mountAt} from '../../serve/server.ts'
import {staticSite} from '../../serve/static.ts'
import {portOption, recovered, untilStopped, type Command} from '../command.ts'

export const previewCommand: Command = {
  summary: 'serve an output folder as a static host would',
  options: {
    out: {type: 'string', default: 'dist', value: 'DIR', help: 'the built site to serve'},
    port: {type: 'string', default: '4173', value: 'N', help: 'the port to serve on, on 127.0.0.1'},
    base: {type: 'string', default: '/', value: 'PATH', help: 'the sub-path to serve the site under, as a host that publishes it there would'}
  },
  async run(values, _positionals, io) {
    const port = portOption(values['port'], 'preview', io)
    if (port === null) return 2
    const out = String(values['out'])
    if (!recovered(out, 'preview', io)) return 1
    if (!existsSync(path.join(out, 'index.html'))) {
      io.stderr.write(`broadsheet preview: ${out} has no index.html; run \`npm run build\` first\n`)
      return 1
    }
    let server
    try {
      server = await listen(mountAt(String(values['base']), staticSite(out)), port)
    } catch (error) {
      io.stderr.write(`broadsheet preview: ${(error as Error).message}\n`)
      return 1
    }
    const base = String(values['base']).replace(/^\/+|\/+$/g, '')
    const at = `${server.url}${base === '' ? '' : `${base}/`}`
    io.stdout.write(`Serving ${out} at ${at} (Ctrl-C to stop)\n`)
    // preview serves what was built; it cannot give a site feeds its build left out.
    if (!existsSync(path.join(out, 'feed.xml'))) {
      io.stderr.write(`${out} has no feeds or sitemap: it was built without baseUrl. To preview them: npm run build -- --base-url ${at}\n`)
    }
    return untilStopped(() => server.close(), io)
  }
}

