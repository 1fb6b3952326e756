// The incremental paths (the bodies path, the search delta, kept pages) never change what is built:
// at two sizes (30 and 100 stories) of a generated corpus in the seed's shape, after each kind of change a site sees (the
// rows of `npm run bench`, and the changes that move a site-wide threshold: a tag crossing
// minStories, a tag renamed by an alias, a story moved to another day, a page emptied; templates
// changed, with and without a change to what a page shows), a cached build into the same folder
// gives the same bytes and report as a --no-cache build into a new one.
import {appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {generateArticle, makeCorpus, tagPool} from '../../bench/lib/article.ts'
import {withLeadSentence} from '../../bench/lib/changes.ts'
import {newsroomStories} from '../../bench/lib/newsroom.ts'
import {bundledTemplates} from '../../src/read/templates.ts'
import {isSearchIndexFile} from '../../src/search/index.ts'
import {buildIn, listFiles, tree, writeContent, writeJson} from './fixture.ts'

const sources = newsroomStories(400)
const pool = tagPool(sources, 300)

/** `n` articles of the bench's corpus of that size, and `extra` more dated on a new newest day. */
function corpusOf(n: number, extra: number): {files: Record<string, string>; fresh: Array<[string, string]>} {
  const corpus = makeCorpus(sources, pool, n)
  const files: Record<string, string> = {}
  for (let i = 0; i < n; i++) {
    const article = generateArticle(corpus, i)
    files[`${article.stem}.txt`] = article.scraped
  }
  const fresh = Array.from({length: extra}, (_, k): [string, string] => {
    const article = generateArticle(corpus, n + k)
    return [`2024/01/${path.basename(article.stem)}.txt`, article.scraped.replace(/^ date \S+/, ' date 2024-01-01')]
  })
  return {files, fresh}
}

/** Each file of a folder with its inode: a file written again (moved in at commit) has a new one. */
function inodes(dir: string): Map<string, number> {
  return new Map(listFiles(dir).map((file) => [file, statSync(path.join(dir, file)).ino]))
}

describe.each([30, 100])('a cached build of %i stories, after each kind of change', (n) => {
  it('gives the bytes and the report of a --no-cache build', async () => {
    const {files, fresh} = corpusOf(n, 4)
    const {root, content} = writeContent(files)
    const config = writeJson(path.join(root, 'broadsheet.config.json'), {})
    const templates = path.join(root, 'templates')
    cpSync(bundledTemplates, templates, {recursive: true})
    const layout = path.join(templates, 'layouts', 'base.liquid')
    const names = Object.keys(files).sort()
    const file = (i: number) => path.join(content, names[i]!)
    const edit = (i: number, change: (text: string) => string) => writeFileSync(file(i), change(readFileSync(file(i), 'utf8')))
    const add = ([name, text]: [string, string]) => {
      mkdirSync(path.dirname(path.join(content, name)), {recursive: true})
      writeFileSync(path.join(content, name), text)
    }
    const QUIST = 'Harbour master Zebulon Quist said the port would reopen on Friday, and Mr Quist said ships were waiting.'

    const steps: Array<[string, () => void]> = [
      ['the first build', () => {}],
      ['one story added on a new newest day', () => add(fresh[0]!)],
      ['three more stories appended to that day', () => fresh.slice(1).forEach(add)],
      ['a paragraph added at the end of a body', () => edit(3, (text) => text.replace('\n\n___\n', '\n\nA paragraph added at the end.\n\n___\n'))],
      ['a sentence added to the opening paragraph', () => edit(5, (text) => withLeadSentence(text, 'Officials said the talks would go on.'))],
      ['a headline corrected', () => edit(7, (text) => text.replace(/^( date \S+ )/, '$1Corrected: '))],
      ['a sentence with two new place names', () => edit(9, (text) => withLeadSentence(text, 'Delegations from Iceland and Uruguay joined the meeting.'))],
      ['a name in one story: no tag yet', () => edit(11, (text) => withLeadSentence(text, QUIST))],
      ['the name in a second story: the tag crosses minStories', () => edit(13, (text) => withLeadSentence(text, QUIST))],
      ['the tag renamed by an alias', () => writeJson(config, {tags: {aliases: {'Zebulon Quist': 'Captain Quist'}}})],
      // The bodies path, whose record the template change then starts from.
      ['a paragraph added at the end of another body', () => edit(17, (text) => text.replace('\n\n___\n', '\n\nA paragraph added at the end of this one too.\n\n___\n'))],
      // The bench's change: every page has new bytes; the search index and the parse cache stay.
      ['templates: a comment at the end of every page', () => appendFileSync(layout, '<!-- changed -->\n')],
      // Every page is rendered again and gives the bytes it had: none is written.
      ['templates: a Liquid comment, which changes no page', () => writeFileSync(layout, readFileSync(layout, 'utf8').replace('</head>', '{% comment %}a note{% endcomment %}</head>'))],
      ['templates and a body changed at once', () => {
        appendFileSync(layout, '<!-- changed again -->\n')
        edit(3, (text) => text.replace('\n\n___\n', '\n\nAnother paragraph added at the end.\n\n___\n'))
      }],
      ['a story moved to another day', () => edit(15, (text) => text.replace(/^ date \S+/, ' date 2022-06-15'))],
      ['the name taken out of both stories again: the tag page emptied', () => [11, 13].forEach((i) => edit(i, (text) => text.replace(` ${QUIST}`, '')))],
      ['the newest story deleted', () => rmSync(path.join(content, fresh[3]![0]))],
      ['a story in the middle deleted', () => rmSync(file(Math.floor(n / 2)))]
    ]

    for (const [i, [name, change]] of steps.entries()) {
      const before = inodes(path.join(root, 'dist'))
      change()
      const lines: string[] = []
      const warm = await buildIn(root, {config, templates, cache: true, onStep: (line) => lines.push(line)})
      const cold = await buildIn(root, {config, templates, cache: false, out: path.join(root, `cold-${i}`, 'dist')})
      expect(warm.result.published, name).toBe(true)
      expect(warm.result.report, name).toEqual(cold.result.report)
      expect(tree(warm.out), name).toEqual(tree(cold.out))
      if (name.startsWith('the name in a second story')) expect(Object.keys(tree(warm.out)).some((f) => f.startsWith('tags/zebulon-quist/')), name).toBe(true)
      if (name.startsWith('the tag renamed')) expect(Object.keys(tree(warm.out)).some((f) => f.startsWith('tags/captain-quist/')), name).toBe(true)
      if (name.startsWith('the name taken out')) expect(Object.keys(tree(warm.out)).some((f) => f.startsWith('tags/captain-quist/')), name).toBe(false)
      if (name.startsWith('templates:')) {
        // The last build's model, no file parsed again, no search file written again, and with the
        // Liquid comment no file at all.
        expect(lines.some((line) => line.startsWith('model:') && line.endsWith('as the last build made it')), name).toBe(true)
        const after = inodes(warm.out)
        const rewritten = [...after].filter(([file, ino]) => before.get(file) !== ino).map(([file]) => file)
        expect(warm.result.cache.parsed, name).toBe(warm.result.files)
        expect(rewritten.filter(isSearchIndexFile), name).toEqual([])
        if (name.includes('Liquid')) expect(rewritten, name).toEqual([])
        else expect(rewritten.length, name).toBeGreaterThan(n)
      }
      // Without this the test could pass with a cache that is never used.
      if (i > 0 && !name.startsWith('the tag renamed')) expect(warm.result.cache.kept, name).toBeGreaterThan(0)
      rmSync(path.join(root, `cold-${i}`), {recursive: true})
    }
  }, 600_000)
})
