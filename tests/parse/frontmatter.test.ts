import matter from 'gray-matter'
import {afterEach, describe, expect, it} from 'vitest'
import {parse} from '../../src/parse/index.ts'

const g = globalThis as {pwned?: unknown}
afterEach(() => {
  delete g.pwned
})

function errors(text: string, source = 'x.md') {
  const result = parse(text, source)
  return result.ok ? [] : result.diagnostics.filter((d) => d.severity === 'error')
}

describe('front matter that would run code (CVE-2022-25863)', () => {
  it.each(['js', 'javascript', 'coffee', 'coffeescript', 'JS', 'js ', 'toml', 'constructor', '__proto__'])(
    '---%s is an error and nothing runs',
    (language) => {
      const text = `---${language}\n{ title: (globalThis.pwned = "pwned") }\n---\n\nBody.\n`
      for (const source of ['x.md', 'x.txt', 'x']) {
        const found = errors(text, source)
        expect(found).toHaveLength(1)
        expect(found[0]?.line).toBe(1)
        expect(found[0]?.message).toMatch(/refused/)
      }
      expect(g.pwned).toBeUndefined()
    }
  )
  it.each(['js', 'javascript', 'coffee', 'coffeescript', 'cson'])('the engine given to gray-matter for %s throws', async (language) => {
    // Past the language check, as if it were missing: gray-matter itself must not eval the block.
    const {GRAY_MATTER_OPTIONS} = await import('../../src/parse/frontmatter.ts')
    const block = `---${language}\n{ title: (globalThis.pwned = "pwned") }\n---\nBody\n`
    expect(() => matter(block, GRAY_MATTER_OPTIONS)).toThrow()
    expect(g.pwned).toBeUndefined()
  })
  it('refuses js-yaml function tags', () => {
    const found = errors('---\ntitle: !!js/function "function () { globalThis.pwned = true }"\n---\nBody\n')
    expect(found[0]?.message).toMatch(/unknown tag/)
    expect(found[0]?.line).toBe(2)
    expect(g.pwned).toBeUndefined()
  })
  it('does not fill gray-matter’s global cache', () => {
    // Not in gray-matter's type declarations, but present in its index.js.
    const cached = matter as unknown as {cache: Record<string, unknown>; clearCache(): void}
    cached.clearCache()
    parse('---\ntitle: Cached?\n---\nBody\n', 'a.md')
    expect(Object.keys(cached.cache)).toEqual([])
  })
})

describe('front matter values', () => {
  function article(yaml: string, body = 'Body text.\n', source = 'x.md') {
    const result = parse(`---\n${yaml}\n---\n${body}`, source)
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
    return result.article
  }
  it('reads an unquoted date as the day written, whatever the time zone', () => {
    expect(article('title: T\ndate: 2022-11-08').date).toBe('2022-11-08')
    expect(article('title: T\ndate: "2022-11-08"').date).toBe('2022-11-08')
    expect(article('title: T\ndate: 2022-11-08T23:30:00-05:00').date).toBe('2022-11-08')
  })
  it.each(['2022-13-45', '2022-02-30', '"2021-02-29"', '0000-01-01', '9999-12-31', 'yesterday', '[2022]'])(
    'date: %s is an error on the date line',
    (value) => {
      const found = errors(`---\ntitle: T\ndate: ${value}\n---\nBody\n`)
      expect(found).toHaveLength(1)
      expect(found[0]?.line).toBe(3)
      expect(found[0]?.message).toMatch(/^front matter date: /)
    }
  )
  it('takes author or authors, a name or a list', () => {
    expect(article('title: T\nauthor: Jo Bloggs').authors).toEqual(['Jo Bloggs'])
    expect(article('title: T\nauthors: [ANA LOPEZ, Li Wei]').authors).toEqual(['Ana Lopez', 'Li Wei'])
    expect(article('title: T\nauthors: [Ana, Li, Bo]').byline).toBe('Ana, Li and Bo')
  })
  it('wins over the text of a scraped .txt file', () => {
    const a = article('title: Front\ndate: 2020-01-02\nauthor: Jo Bloggs', ' date 2022-11-08 Text headline\n\nANA LOPEZ\n\nBody.\n', 'x.txt')
    expect([a.headline, a.date, a.authors, a.format]).toEqual(['Front', '2020-01-02', ['Jo Bloggs'], 'scraped'])
  })
  it('cleans the slug and reads tags, draft and summary', () => {
    const a = article('title: T\nslug: "../Hello World!"\ntags: [a, B, A]\ndraft: true\nsummary: "  Short. "')
    expect([a.slug, a.tags, a.draft, a.summary]).toEqual(['hello-world', ['a', 'B'], true, 'Short.'])
  })
  it('warns about values of the wrong kind and ignores them', () => {
    const a = article('title: T\ntags: {a: 1}\ndraft: "yes"')
    expect(a.tags).toEqual([])
    expect(a.draft).toBe(false)
    // No warning for the missing date: a Markdown story may be undated.
    expect(a.diagnostics.map((d) => d.line)).toEqual([3, 4])
  })
  it('reports bad YAML, unclosed blocks and non-mappings with lines', () => {
    expect(errors('---\ntitle: [unclosed\n---\nBody\n')[0]?.message).toMatch(/not valid YAML/)
    expect(errors('---\ntitle: T\nBody\n')[0]).toMatchObject({line: 1, message: expect.stringMatching(/never closed/)})
    expect(errors('---\n- a\n- b\n---\nBody\n')[0]?.message).toMatch(/key: value/)
    expect(errors('---\ntitle: T\n---x\nBody\n')[0]?.line).toBe(3)
  })
  it('keeps a Markdown body in blocks, never splitting a fenced code block', () => {
    const a = article('title: T', '\nPara one\ncontinued.\n\n```\ncode\n\n\nmore code\n```\n\n~~~\n```\n\n~~~\n')
    expect(a.paragraphs).toEqual(['Para one\ncontinued.', '```\ncode\n\n\nmore code\n```', '~~~\n```\n\n~~~'])
  })
  it('an unclosed fence keeps the rest of the file in one block', () => {
    expect(article('title: T', '```\na\n\nb\n').paragraphs).toEqual(['```\na\n\nb'])
  })
})
