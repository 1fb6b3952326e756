// Tags on the real BBC texts (the corpus tier): what an editor would check by name.
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {runCli} from '../support/cli.ts'
import {writeContent, writeJson} from '../build/fixture.ts'
import path from 'node:path'
import {deriveTags} from '../../src/model/tags/index.ts'
import type {TagsConfig} from '../../src/model/types.ts'
import {bbcFiles} from '../corpus/shared.ts'
import {bbcArticles, parseFile, seedFile} from './story-files.ts'

const defaults: TagsConfig = {max: 6, minStories: 2, aliases: {}, stop: []}
const seed = parseFile(seedFile, '000_ca89730430cec1e2.txt')
const bbc = bbcArticles()
const banned = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Last week', 'AP']

describe('deriveTags on the seed', () => {
  it('inside the BBC corpus with defaults keeps the same four and no weekday, agency or time phrase', () => {
    const all = deriveTags([seed, ...bbc], defaults)
    const tags = all[0] ?? []
    expect(tags).toEqual(expect.arrayContaining(['North Korea', 'Russia', 'United States', 'Ukraine']))
    for (const word of banned) expect(tags).not.toContain(word)
    const everyTag = new Set(all.flat())
    for (const word of banned) expect(everyTag.has(word)).toBe(false)
  })

})

describe('deriveTags on the BBC corpus', () => {
  const all = deriveTags(bbc, defaults)
  const counts = new Map<string, number>()
  for (const tags of all) for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1)


  it('merges spellings: no UK next to United Kingdom, no Mr Blair next to Tony Blair', () => {
    for (const tag of ['UK', 'U.K.', 'US', 'U.S.', 'Britain', 'Blair', 'Mr Blair', 'Labour', 'Tories']) expect(counts.has(tag)).toBe(false)
    expect(counts.get('United Kingdom')).toBeGreaterThan(100)
    expect(counts.get('Tony Blair')).toBeGreaterThan(50)
  })

  it('drops months, bare titles and agency names', () => {
    for (const tag of ['May', 'March', 'Prime Minister', 'Chancellor', 'Reuters', 'AP', 'BBC News', 'Christmas']) {
      expect(counts.has(tag)).toBe(false)
    }
  })

  it('never gives more than max derived tags', () => {
    expect(Math.max(...all.map((tags) => tags.length))).toBeLessThanOrEqual(6)
    expect(deriveTags(bbc.slice(0, 50), {...defaults, max: 2}).every((tags) => tags.length <= 2)).toBe(true)
  })
})


describe('`broadsheet tags` on the BBC corpus and the seed', () => {
  it('puts the United States and the United Kingdom at the top, and the seed’s places in the list', async () => {
    const {root} = writeContent({...bbcFiles(), 'seed/000_ca89730430cec1e2.txt': readFileSync(seedFile, 'utf8')})
    writeJson(path.join(root, 'broadsheet.config.json'), {})
    const {status, stdout, stderr} = await runCli(['tags', '--content', 'content'], root)
    expect(status, stderr).toBe(0)
    const names = stdout.trimEnd().split('\n').map((line) => line.split('\t')[1]!)
    expect(names.slice(0, 3)).toEqual(expect.arrayContaining(['United States', 'United Kingdom']))
    for (const tag of ['North Korea', 'Russia', 'Ukraine', 'United States']) expect(names, tag).toContain(tag)
  })
})

describe('the right person on the BBC corpus', () => {
  it('tags Gordon Brown on at least 60 stories, and no story of his under another Gordon it does not name', () => {
    const all = deriveTags(bbc, defaults)
    const his = bbc.map((story, i) => ({story, tags: all[i] ?? []})).filter(({story}) => [story.headline, ...story.paragraphs].join(' ').includes('Gordon Brown'))
    expect(all.filter((tags) => tags.includes('Gordon Brown')).length).toBeGreaterThanOrEqual(60)
    const wrong = his.flatMap(({story, tags}) => tags.filter((tag) => tag !== 'Gordon Brown' && /\bGordon\b/.test(tag) && ![story.headline, ...story.paragraphs].join(' ').includes(tag)).map((tag) => `${story.source}: ${tag}`))
    expect(wrong).toEqual([])
  })
})
