// Character references in scraped text (`Tottenham bid &#163;8m`) are decoded once, when the parser
// reads a text format's lines (src/parse/entities.ts): every field holds the characters. Markdown
// bodies are remark's to decode; YAML front matter is not HTML.
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {decodeEntities, decodeLines} from '../../src/parse/entities.ts'
import {parse} from '../../src/parse/index.ts'
import type {Article} from '../../src/model/types.ts'
import {expectEveryLineAccounted} from './line-account.ts'
import {fixturesDir, inputName, runFixture} from './run-fixture.ts'

function article(text: string, source: string): Article {
  const result = parse(text, source)
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
  return result.article
}

describe('decodeEntities', () => {
  it('decodes decimal, hexadecimal and named references', () => {
    expect(decodeEntities('&#163;8m &#xA3;8m &#XA3;8m &pound;8m')).toBe('£8m £8m £8m £8m')
    expect(decodeEntities('Bryn F&#244;n &amp; Marks &amp; Spencer&#8217;s')).toBe('Bryn Fôn & Marks & Spencer’s')
  })

  it('decodes once: an escaped reference is left as the text of a reference', () => {
    expect(decodeEntities('&amp;lt;b&amp;gt; &amp;#163;')).toBe('&lt;b&gt; &#163;')
    expect(decodeEntities('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>')
  })

  it('leaves an & that no ; closes as it is, as Markdown does', () => {
    for (const text of ['AT&T', 'R&D and M&S', '&copy 2023', 'terms&notice', '&#163 no semicolon', '& alone', '&unknown;']) {
      expect(decodeEntities(text)).toBe(text)
    }
  })

  it('returns the same string when there is no &', () => {
    const text = 'No references here: £8m, Fôn.'
    expect(decodeEntities(text)).toBe(text)
  })

  it('keeps a line one line: line ends become spaces, control characters go', () => {
    expect(decodeEntities('a&#10;b&#13;c&NewLine;d')).toBe('a b c d')
    expect(decodeEntities('a&#0;b&#1;c&#x7F;d&#9;e')).toBe('a\ufffdbcd\te')
  })

  it('decodes the lines after the front matter only', () => {
    expect(decodeLines(['title: A &amp; B', '---', 'A &amp; B'], 2)).toEqual(['title: A &amp; B', '---', 'A & B'])
  })
})

describe('a scraped file with references in every block', () => {
  const testCase = 'character-references'
  const result = runFixture(testCase)
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
  const parsed = result.article

  it('decodes the headline, byline and authors', () => {
    expect(parsed.headline).toBe('Tottenham bid £8m for Bryn Fôn & co')
    expect(parsed.byline).toBe('Bryn Fôn and Ana López')
    expect(parsed.authors).toEqual(['Bryn Fôn', 'Ana López'])
  })

  it('decodes the body, reads its dateline, and decodes a double escape once', () => {
    expect(parsed.dateline).toEqual({place: 'LONDON', agency: 'AP'})
    expect(parsed.paragraphs).toEqual([
      'LONDON (AP) — Tottenham made a bid of £8m, about £1m more than Marks & Spencer’s offer.',
      "A fan wrote <script>alert(1)</script> on the club's forum, and a moderator answered with &lt;b&gt;.",
      'AT&T and R&D stay as they are, and so does &copy without its semicolon.'
    ])
  })

  it('decodes credits and boilerplate, and the rules read the decoded line (`&#169;` is a ©)', () => {
    expect(parsed.credits).toEqual([{line: 13, text: 'Associated Press writer Ana López contributed to this report.', rule: 'AP/writers'}])
    expect(parsed.boilerplate).toEqual([{line: 15, text: '© 2022 The Associated Press & partners.', rule: 'any/copyright'}])
  })

  it('decodes footer notes and teasers: title, summary and source', () => {
    expect(parsed.footer).toEqual(['Follow AP’s coverage of football & finance at https://apnews.com/hub/soccer?a=1&b=2'])
    expect(parsed.recommended).toEqual([
      {title: 'Spurs’ £8m bid & the rest - FT', summary: 'LONDON (Reuters) — Tottenham offered £8m for Bryn Fôn.', source: 'Reuters'},
      {title: 'Café owners & the £', summary: '', source: null}
    ])
  })

  it('leaves no reference in any text field', () => {
    const texts = [parsed.headline, parsed.byline ?? '', ...parsed.authors, ...parsed.paragraphs, ...parsed.footer]
    texts.push(...parsed.credits.map((c) => c.text), ...parsed.boilerplate.map((b) => b.text))
    texts.push(...parsed.recommended.flatMap((t) => [t.title, t.summary, t.source ?? '']))
    // `&lt;b&gt;` was written `&amp;lt;b&amp;gt;`: it is text, which the page shows as written.
    expect(texts.filter((text) => /&#\d+;|&#x[0-9a-f]+;|&(?!lt;|gt;)[a-z]+;/i.test(text))).toEqual([])
  })

  it('ends every line in one block, each on its own line', () => {
    const text = readFileSync(`${fixturesDir}${testCase}/${inputName(testCase)}`, 'utf8')
    expectEveryLineAccounted(text, `${testCase}/input.txt`)
    expectEveryLineAccounted('Headline &#10; with a line end\n\nBody&NewLine;still one line &nbsp;\n&nbsp;\n\nLast.\n', 'plain.txt')
    expect(article('Headline &#10; with a line end\n\nBody&NewLine;one line\n&nbsp;\n', 'plain.txt')).toMatchObject({
      headline: 'Headline with a line end',
      paragraphs: ['Body one line']
    })
  })
})

describe('the other formats', () => {
  it('decodes headline-first plain text', () => {
    expect(article('Tottenham bid &#163;8m\n\nBryn F&#244;n &amp; co.\n', 'business/001.txt')).toMatchObject({
      format: 'plain',
      headline: 'Tottenham bid £8m',
      paragraphs: ['Bryn Fôn & co.']
    })
  })

  it('leaves front-matter values as YAML wrote them, and decodes the text under them', () => {
    const text = '---\ntitle: AT&amp;T bid &#163;8m\nauthors: [Bryn F&#244;n]\nsummary: A &amp; B\n---\nBody &#163;8m &amp; more.\n'
    expect(article(text, 'a.txt')).toMatchObject({
      headline: 'AT&amp;T bid &#163;8m',
      authors: ['Bryn F&#244;n'],
      byline: 'Bryn F&#244;n',
      summary: 'A &amp; B',
      paragraphs: ['Body £8m & more.']
    })
  })

  it('leaves a Markdown body to remark, and decodes its headline', () => {
    const text = '# Tottenham bid &#163;8m\n\nBody &#163;8m &amp; &lt;script&gt;alert(1)&lt;/script&gt; and &amp;lt;.\n'
    const md = article(text, 'a.md')
    expect(md.headline).toBe('Tottenham bid £8m')
    expect(md.paragraphs).toEqual(['Body &#163;8m &amp; &lt;script&gt;alert(1)&lt;/script&gt; and &amp;lt;.'])
    expectEveryLineAccounted(text, 'a.md')
  })

  it('leaves a Markdown headline that repeats the front-matter title out of the body', () => {
    const md = article('---\ntitle: Bid £8m\n---\n# Bid &#163;8m\n\nBody.\n', 'a.md')
    expect(md.headline).toBe('Bid £8m')
    expect(md.paragraphs).toEqual(['Body.'])
  })
})
