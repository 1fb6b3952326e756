import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {renderBody, renderMarkdown} from '../../src/render/markdown.ts'
import {plainParagraphHtml} from '../../src/render/plain-paragraph.ts'

describe('renderMarkdown', () => {
  it('renders paragraphs, emphasis and web links', () => {
    const html = renderMarkdown('Hello *world*, see [AP](https://apnews.com/).')
    expect(html).toBe('<p>Hello <em>world</em>, see <a href="https://apnews.com/">AP</a>.</p>\n')
  })

  it('drops raw HTML and script elements', () => {
    const html = renderMarkdown('Before <script>alert(1)</script> <b onclick="x()">bold</b> after\n\n<iframe src="https://evil.example"></iframe>')
    expect(html).not.toMatch(/<script|<iframe|onclick|<b[ >]/i)
    expect(html).toContain('Before')
    expect(html).toContain('after')
  })

  it('removes javascript: URLs from links and images', () => {
    const html = renderMarkdown('[click](javascript:alert(1)) ![x](javascript:alert(2)) [ok](http://example.com)')
    expect(html).not.toMatch(/javascript:/i)
    expect(html).toContain('href="http://example.com"')
  })

  it('escapes text that looks like markup', () => {
    expect(renderMarkdown('1 < 2 & 3 > 2')).toBe('<p>1 &#x3C; 2 &#x26; 3 > 2</p>\n')
  })
})

describe('renderBody', () => {
  it('keeps each paragraph a paragraph', () => {
    const html = renderBody(['SEOUL (AP) — First.', 'Second line\nstill second.', 'Third.'])
    expect(html.match(/<p>/g)).toHaveLength(3)
    expect(html).toContain('<p>SEOUL (AP) — First.</p>')
  })
})

// The text formats' paragraphs were decoded by the parser (parse/entities.ts): their `<` and `&` are
// characters, shown as written, while their Markdown (emphasis, links, lists) is read as before.
describe('renderBody of a text format', () => {
  it('shows a decoded <script> as text and never as an element', () => {
    const html = renderBody(['A fan wrote <script>alert(1)</script> and <img src=x onerror=alert(1)>.'], 'scraped')
    expect(html).toBe('<p>A fan wrote &#x3C;script>alert(1)&#x3C;/script> and &#x3C;img src=x onerror=alert(1)>.</p>\n')
  })

  it('decodes nothing a second time: `&lt;` is the text `&lt;`', () => {
    expect(renderBody(['Write &lt;b&gt; or &#163; or &amp;.'], 'plain')).toBe('<p>Write &#x26;lt;b&#x26;gt; or &#x26;#163; or &#x26;amp;.</p>\n')
  })

  it('keeps `<…>` as text, not an autolink or a comment', () => {
    expect(renderBody(['See <https://example.com> <!-- x -->'], 'scraped')).toBe('<p>See &#x3C;https://example.com> &#x3C;!-- x --></p>\n')
  })

  it('still reads Markdown emphasis, links and lists, and drops script links', () => {
    const html = renderBody(['Stocks **rose** & [AP](https://apnews.com/) <b>x</b>', '- one', '- two', '[x](javascript:alert(1))'], 'scraped')
    expect(html).toContain('<p>Stocks <strong>rose</strong> &#x26; <a href="https://apnews.com/">AP</a> &#x3C;b>x&#x3C;/b></p>')
    expect(html).toMatch(/<ul>\n<li>\n<p>one<\/p>/)
    expect(html).not.toMatch(/javascript:|<b>/)
  })

  it('leaves a Markdown body as Markdown: references decoded once, raw HTML dropped', () => {
    const body = ['Body &#163;8m &amp; &lt;script&gt;alert(1)&lt;/script&gt; and &amp;lt; <script>alert(2)</script>']
    expect(renderBody(body)).toBe(renderBody(body, 'markdown'))
    expect(renderBody(body, 'markdown')).toBe('<p>Body £8m &#x26; &#x3C;script>alert(1)&#x3C;/script> and &#x26;lt; alert(2)</p>\n')
  })

  it('gives the fast path the bytes the text formats get from remark', () => {
    const alphabet = fc.constantFrom(...'ab Z1.9)(-+*_#>!&;<[]`~|\\\'"—é\u00a0=:/'.split(''), '&amp;', '&copy;', '&#65;', '](', '[x]', '(/u)', '<b>', 'https://x.org')
    fc.assert(
      fc.property(fc.string({unit: alphabet, maxLength: 40}), (text) => {
        const fast = plainParagraphHtml(text)
        if (fast !== null) expect(fast).toBe(renderMarkdown(text, 'scraped'))
      }),
      {numRuns: 2000}
    )
  })
})
