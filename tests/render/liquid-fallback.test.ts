// A page the compiled templates cannot render goes to LiquidJS: counted, said under DEBUG, and an
// error under the test suite (vitest.config.ts sets BROADSHEET_FAIL_ON_FALLBACK=1).
import {afterEach, describe, expect, it, vi} from 'vitest'

vi.mock('../../src/render/liquid/compiled.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/render/liquid/compiled.ts')>()),
  renderCompiled: () => {
    throw new Error('a node the compiled path does not know')
  },
}))

const {createRenderer, testedLiquid, TESTED_LIQUIDJS} = await import('../../src/render/liquid/engine.ts')
const {debugging, fallbackCount} = await import('../../src/render/liquid/fallbacks.ts')

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('a fallback of the compiled templates', () => {
  it('fails under the test suite, naming the template and why', () => {
    expect(process.env['BROADSHEET_FAIL_ON_FALLBACK']).toBe('1')
    const renderer = createRenderer({'hello.liquid': 'Hello {{ name }}'})
    expect(() => renderer.render('hello.liquid', {name: 'you'})).toThrow('the compiled templates fell back to LiquidJS for hello.liquid: a node the compiled path does not know')
  })

  it('is otherwise the page LiquidJS renders, counted, and said under DEBUG=broadsheet:*', () => {
    vi.stubEnv('BROADSHEET_FAIL_ON_FALLBACK', '')
    vi.stubEnv('DEBUG', 'broadsheet:*')
    const said: string[] = []
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (said.push(String(chunk)), true))
    const before = fallbackCount()
    const renderer = createRenderer({'hello.liquid': 'Hello {{ name }}'})
    expect(renderer.render('hello.liquid', {name: 'you'})).toBe('Hello you')
    expect(fallbackCount()).toBe(before + 1)
    expect(said.join('')).toMatch(/^broadsheet:liquid fallback \d+: hello\.liquid rendered by LiquidJS \(a node the compiled path does not know\)\n$/)
  })

  it('is silent without DEBUG', () => {
    vi.stubEnv('BROADSHEET_FAIL_ON_FALLBACK', '')
    vi.stubEnv('DEBUG', '')
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    expect(createRenderer({'a.liquid': '{{ 1 | plus: 1 }}'}).render('a.liquid', {})).toBe('2')
    expect(write).not.toHaveBeenCalled()
  })

  it('is not what a template error is: that is LiquidJS’s own error', () => {
    const renderer = createRenderer({'bad.liquid': '{{ name | no_such_filter }}'})
    expect(() => renderer.render('bad.liquid', {name: 'x'})).toThrow(/undefined filter: no_such_filter/)
  })
})

describe('the LiquidJS the compiled path was tested with', () => {
  it('is the one installed; another version renders with LiquidJS alone', () => {
    expect(testedLiquid()).toBe(true)
    expect(testedLiquid(TESTED_LIQUIDJS)).toBe(true)
    expect(testedLiquid('10.31.0')).toBe(false)
  })
})

describe('the debug switch', () => {
  it('reads DEBUG as the debug package does', () => {
    expect(debugging('broadsheet:liquid', 'broadsheet:*')).toBe(true)
    expect(debugging('broadsheet:liquid', 'express:*,broadsheet:liquid')).toBe(true)
    expect(debugging('broadsheet:liquid', '*')).toBe(true)
    expect(debugging('broadsheet:liquid', 'broadsheet:cache')).toBe(false)
    expect(debugging('broadsheet:liquid', '')).toBe(false)
    expect(debugging('broadsheet:liquid', undefined)).toBe(false)
  })
})
