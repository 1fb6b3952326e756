import {describe, expect, it} from 'vitest'
import {injectDevScript, reloadChannel} from '../../src/serve/reload.ts'
import {listen} from '../../src/serve/server.ts'

describe('injectDevScript', () => {
  it('adds the state and the client before </body>', () => {
    const html = injectDevScript('<html><body><p>x</p></body></html>', {version: 'a-1', problems: []})
    expect(html).toBe(
      '<html><body><p>x</p><script>window.__BROADSHEET_DEV__={"version":"a-1","problems":[]}</script><script type="module" src="/__broadsheet/dev.js"></script></body></html>'
    )
  })

  it('keeps problem text from closing the script', () => {
    const html = injectDevScript('<body></body>', {version: 'v', problems: ['x.md:1: </script><script>alert(1)</script>']})
    expect(html.match(/<\/script>/g)).toHaveLength(2)
    expect(html).toContain('\\u003c/script>\\u003cscript>alert(1)')
  })

  it('appends to a page with no </body>', () => {
    expect(injectDevScript('<p>bare</p>', {version: 'v', problems: []})).toMatch(/^<p>bare<\/p><script>/)
  })
})

describe('the reload channel', () => {
  it('sends the current build on connect and each new one after', async () => {
    const channel = reloadChannel({version: 's-1', problems: []})
    const server = await listen((req, res) => {
      if (!channel.handle(req, res)) res.writeHead(404).end()
    }, 0)
    try {
      const client = await fetch(`${server.url}__broadsheet/dev.js`)
      expect(client.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
      expect(await client.text()).toContain("new EventSource('/__broadsheet/events')")

      const response = await fetch(`${server.url}__broadsheet/events`)
      expect(response.headers.get('content-type')).toBe('text/event-stream')
      const reader = response.body!.getReader()
      const read = async () => new TextDecoder().decode((await reader.read()).value)
      expect(await read()).toBe('event: build\ndata: {"version":"s-1","problems":[]}\n\n')
      channel.publish({version: 's-1', problems: ['a.md:2: broken']})
      expect(await read()).toBe('event: build\ndata: {"version":"s-1","problems":["a.md:2: broken"]}\n\n')
      expect(channel.current()).toEqual({version: 's-1', problems: ['a.md:2: broken']})
      await reader.cancel()
      expect((await fetch(`${server.url}other`)).status).toBe(404)
    } finally {
      await server.close()
    }
  })
})
