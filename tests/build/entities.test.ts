// Character references in scraped text reach the reader as the characters they stand for, escaped
// once by the page: a tiny site built from our own fixture (tests/fixtures/character-references)
// and a Markdown story, read back as a browser reads them (parse5).
import {readFileSync} from 'node:fs'
import {parse, type DefaultTreeAdapterTypes as T} from 'parse5'
import {beforeAll, describe, expect, it} from 'vitest'
import {htmlProblems} from '../hostile/scan.ts'
import {buildFiles, type Built} from './fixture.ts'

const scraped = readFileSync(new URL('../fixtures/character-references/input.txt', import.meta.url), 'utf8')
const markdown = '---\ntitle: A Markdown story\ndate: 2022-11-07\n---\nBody &#163;8m &amp; &lt;script&gt;alert(1)&lt;/script&gt; and &amp;lt;.\n'

let built: Built
let story: string
let markdownStory: string

beforeAll(async () => {
  built = await buildFiles({'2022-11-08-bid.txt': scraped, 'markdown.md': markdown})
  const page = (name: string) => {
    const found = built.result.report.stories.find((s) => s.source.endsWith(name))
    if (!found) throw new Error(`${name} is not a story: ${JSON.stringify(built.result.report.errors)}`)
    return built.read(`${found.url}index.html`)
  }
  story = page('2022-11-08-bid.txt')
  markdownStory = page('markdown.md')
}, 60_000)

/** The text of every element `select` picks, as a browser shows it (references decoded once). */
function texts(html: string, select: (element: T.Element) => boolean): string[] {
  const found: string[] = []
  const text = (node: T.ChildNode): string => (node.nodeName === '#text' ? (node as T.TextNode).value : 'childNodes' in node ? node.childNodes.map(text).join('') : '')
  const walk = (node: T.ParentNode): void => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue
      if (select(child)) found.push(text(child).replace(/\s+/g, ' ').trim())
      else walk(child)
    }
  }
  walk(parse(html))
  return found
}

const byTag = (tag: string) => (element: T.Element) => element.tagName === tag

describe('a scraped story with character references', () => {
  it('shows the headline, byline, footer and teasers as characters', () => {
    expect(texts(story, byTag('h1'))).toEqual(['Tottenham bid £8m for Bryn Fôn & co'])
    expect(texts(story, byTag('title'))[0]).toMatch(/^Tottenham bid £8m for Bryn Fôn & co/)
    const shown = texts(story, byTag('main')).join(' ')
    for (const text of ['Bryn Fôn', 'Ana López', 'Follow AP’s coverage of football & finance', 'Spurs’ £8m bid & the rest - FT', 'Tottenham offered £8m for Bryn Fôn.', 'Café owners & the £']) {
      expect(shown).toContain(text)
    }
    expect(shown).not.toMatch(/&#\d+;|&#x[0-9a-f]+;|&(?:amp|pound);/i)
  })

  it('links the footer address with its query decoded once', () => {
    expect(story).toContain('href="https://apnews.com/hub/soccer?a=1&amp;b=2"')
  })

  it('never makes an element of an escaped <script> in the body', () => {
    expect(htmlProblems('story', story, true).problems).toEqual([])
    expect(story).not.toMatch(/<script>alert|<b>/)
  })

  // The body renderer reads a text format's `<` and `&` as characters when it is told the story's
  // format: render/site.ts calls renderBody(story.paragraphs, story.format).
  it('shows the body as characters: a decoded <script> and `&lt;` as the text they are', () => {
    const body = texts(story, byTag('p')).join('\n')
    expect(body).toContain('LONDON (AP) — Tottenham made a bid of £8m, about £1m more than Marks & Spencer’s offer.')
    expect(body).toContain("A fan wrote <script>alert(1)</script> on the club's forum, and a moderator answered with &lt;b&gt;.")
    expect(body).toContain('AT&T and R&D stay as they are, and so does &copy without its semicolon.')
  })
})

describe('a Markdown story', () => {
  it('still has its references decoded by remark, once, and its escaped HTML kept as text', () => {
    const body = texts(markdownStory, byTag('p')).join('\n')
    expect(body).toContain('Body £8m & <script>alert(1)</script> and &lt;.')
    expect(htmlProblems('markdown', markdownStory, true).problems).toEqual([])
  })
})
