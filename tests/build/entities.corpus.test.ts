// The BBC set carries character references in its text (`Jos&#233; Manuel Barroso`, `Bryn F&#244;n`,
// `caf&#233;`): built whole, no page may show a reader a reference. Each page is read as a browser
// reads it (parse5 decodes the page's own escapes once), and the text it shows, in elements and in
// the attributes a reader or a share card sees, must hold no `&#163;`, `&#xA3;` or `&pound;`.
import {rmSync} from 'node:fs'
import path from 'node:path'
import {parse, type DefaultTreeAdapterTypes as T} from 'parse5'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bbcFiles} from '../corpus/shared.ts'
import {decodeEntities} from '../../src/parse/entities.ts'
import {buildIn, writeContent, writeJson, type Built} from './fixture.ts'

/** What a reference left undecoded looks like once the browser has decoded the page's escapes. */
const REFERENCE = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i
/** Attributes whose text a reader sees: tooltips, alt text, meta descriptions and share cards. */
const SHOWN_ATTRIBUTES = new Set(['title', 'alt', 'content', 'aria-label', 'placeholder'])
/** Elements whose text is not shown: the JSON-LD block and the search script are data and code. */
const HIDDEN = new Set(['script', 'style', 'template'])

let built: Built
const sources = bbcFiles()
/** Story page → the characters its source spelt as references, decoded. */
const referenced = new Map<string, string[]>()

beforeAll(async () => {
  const {root} = writeContent(sources)
  built = await buildIn(root, {config: writeJson(path.join(root, 'broadsheet.config.json'), {})})
  const urls = new Map(built.result.report.stories.map((s) => [path.relative(path.join(root, 'content'), s.source), s.url]))
  for (const [name, text] of Object.entries(sources)) {
    const references = text.match(new RegExp(REFERENCE, 'gi'))
    if (references === null) continue
    const url = urls.get(name)
    if (url === undefined) throw new Error(`${name} is not a story`)
    referenced.set(`${url}index.html`, [...new Set(references.map(decodeEntities))])
  }
}, 120_000)

afterAll(() => rmSync(built.root, {recursive: true, force: true}))

/** The text a browser shows for a page: text nodes outside scripts, and the shown attributes. */
function shownText(html: string): string[] {
  const shown: string[] = []
  const walk = (node: T.ParentNode): void => {
    for (const child of node.childNodes) {
      if (child.nodeName === '#text') shown.push((child as T.TextNode).value)
      if (!('tagName' in child)) continue
      for (const attr of child.attrs) if (SHOWN_ATTRIBUTES.has(attr.name)) shown.push(attr.value)
      if (!HIDDEN.has(child.tagName)) walk(child)
    }
  }
  walk(parse(html))
  return shown
}

describe('the BBC corpus, built', () => {
  it('has stories whose text spells characters as references', () => {
    // 16 files in the set; `&#244;` in politics/177 (Bryn Fôn), `&#233;` in tech/342 (José).
    expect(referenced.size).toBeGreaterThanOrEqual(10)
    expect([...referenced.values()].flat()).toEqual(expect.arrayContaining(['ô', 'é']))
  })

  it('shows no reference as text on any HTML page, and escapes none twice', () => {
    const pages = built.files().filter((file) => file.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(Object.keys(sources).length)
    const found: string[] = []
    for (const page of pages) {
      const html = built.read(page)
      // `&amp;#` is a reference escaped as text: the signature of decoding never or escaping twice.
      if (html.includes('&amp;#')) found.push(`${page}: &amp;# in the markup`)
      for (const text of shownText(html)) {
        const reference = REFERENCE.exec(text)
        if (reference !== null) found.push(`${page}: ${text.slice(Math.max(0, reference.index - 40), reference.index + 40)}`)
      }
    }
    expect(found).toEqual([])
  })

  it('shows the characters the references stand for on their stories’ pages', () => {
    const missing: string[] = []
    for (const [page, characters] of referenced) {
      const shown = shownText(built.read(page)).join('')
      for (const character of characters) if (!shown.includes(character)) missing.push(`${page}: ${character}`)
    }
    expect(missing).toEqual([])
  })
})
