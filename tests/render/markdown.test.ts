import {describe, expect, it} from 'vitest'
import {renderBody, renderMarkdown} from '../../src/render/markdown.ts'

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
