// `broadsheet dev`: build, serve on localhost, rebuild on change.
import {startDev} from '../../serve/dev.ts'
import {buildOptionsFrom, portOption, recovered, siteOptions, untilStopped, type Command} from '../command.ts'

export const devCommand: Command = {
  summary: 'build, serve on localhost, rebuild on change and reload open tabs',
  options: {
    port: {type: 'string', default: '4000', value: 'N', help: 'the port to serve on, on 127.0.0.1'},
    ...siteOptions
  },
  async run(values, _positionals, io) {
    const port = portOption(values['port'], 'dev', io)
    if (port === null) return 2
    if (!recovered(String(values['out']), 'dev', io)) return 1
    let server
    try {
      server = await startDev({port, ...buildOptionsFrom(values)}, (line) => io.stderr.write(`${line}\n`))
    } catch (error) {
      io.stderr.write(`broadsheet dev: ${(error as Error).message}\n`)
      return 1
    }
    io.stdout.write(`Serving ${values['out']} at ${server.url} and watching for changes (Ctrl-C to stop)\n`)
    return untilStopped(() => server.close(), io)
  }
}

