// The packed form a build holds every story's tag candidates in: nothing of them is lost.
import {describe, expect, it} from 'vitest'
import {createVocabulary, extractMentions, packMentions, unpackMentions} from '../../src/model/tags/index.ts'
import {spellingTable} from '../../src/model/tags/mentions.ts'
import {unpackCounts} from '../../src/model/tags/packed.ts'
import {article, parseFile, sampleArticles, seedFile} from './story-files.ts'

const config = {aliases: {'Kim Jong-un': 'Kim Jong Un'}, stop: []}
const stories = [parseFile(seedFile, '000_ca89730430cec1e2.txt'), ...sampleArticles()]

describe('packMentions', () => {
  it('unpacks to the candidates extractMentions gave, for the seed and every story of the sample corpus', () => {
    const vocabulary = createVocabulary(config)
    let candidates = 0
    for (const story of stories) {
      const mentions = extractMentions(story, vocabulary)
      candidates += mentions.length
      expect(unpackMentions(packMentions(mentions, vocabulary.shared))).toStrictEqual(mentions)
    }
    expect(candidates).toBeGreaterThan(stories.length * 5)
  })

  it('unpacks counts without spellings, for the seed and every story of the sample corpus', () => {
    const vocabulary = createVocabulary(config)
    for (const story of stories) {
      const mentions = extractMentions(story, vocabulary)
      const counts = unpackCounts(packMentions(mentions, vocabulary.shared))
      expect(counts).toStrictEqual(mentions.map((mention) => ({...mention, spellings: {}})))
      // One shared table: writing into it would give every candidate the spelling.
      expect(counts.every((mention) => Object.isFrozen(mention.spellings))).toBe(true)
    }
  })

  it('survives the JSON of the parse cache', () => {
    const vocabulary = createVocabulary(config)
    const mentions = extractMentions(stories[0]!, vocabulary)
    const packed = packMentions(mentions, vocabulary.shared)
    expect(unpackMentions(JSON.parse(JSON.stringify(packed)))).toStrictEqual(mentions)
  })

  it('keeps every kind, the alias flag and spellings counted apart', () => {
    const vocabulary = createVocabulary(config)
    const mentions = extractMentions(
      article('Kim Jong-un meets Tony Blair in Paris', [
        'PARIS (AP) — Kim Jong-un met Tony Blair and officials of the World Health Organization in Paris.',
        'Kim Jong Un said little. Mr Blair spoke of Paris; the WHO said nothing. John spoke.'
      ]),
      vocabulary
    )
    const kinds = new Set(mentions.map((m) => m.kind))
    expect(kinds).toEqual(new Set(['person', 'place', 'org', 'firstName']))
    expect(mentions.some((m) => m.aliased)).toBe(true)
    expect(mentions.some((m) => Object.keys(m.spellings).length > 1 || Object.values(m.spellings).some((n) => n > 1))).toBe(true)
    expect(unpackMentions(packMentions(mentions, vocabulary.shared))).toStrictEqual(mentions)
  })

  it('keeps counts of any size, through JSON too: a surrogate half, the escape unit and above', () => {
    const counts = [0, 1, 220, 255, 256, 0xd800 - 0x23, 0xd800, 0xdc00, 0xffff - 0x24, 0xffff - 0x23, 0xfffe, 0xffff, 0x10000, 1_000_000, 2 ** 32 - 1]
    const mentions = counts.map((count, i) => ({
      key: `name ${i}`,
      spellings: Object.assign(spellingTable(), {[`Name ${i}`]: count, [`NAME ${i}`]: 1}),
      kind: 'person' as const,
      aliased: false,
      headline: count,
      lead: 0xffff,
      count,
      paragraphs: count % 7,
      first: count % 101
    }))
    const packed = packMentions(mentions, (name) => name)
    expect(unpackMentions(packed)).toStrictEqual(mentions)
    expect(unpackMentions(JSON.parse(JSON.stringify(packed)))).toStrictEqual(mentions)
  })

  it('holds the numbers of a story with few counts at one byte each, in memory and in JSON', () => {
    const vocabulary = createVocabulary(config)
    const packed = packMentions(extractMentions(stories[0]!, vocabulary), vocabulary.shared)
    expect(packed.numbers.length).toBeGreaterThan(20)
    expect([...packed.numbers].every((unit) => unit.charCodeAt(0) < 256)).toBe(true)
    // Nothing in them that JSON writes as an escape.
    expect(JSON.stringify(packed.numbers)).toBe(`"${packed.numbers}"`)
  })

  it('gives nothing for no candidates', () => {
    expect(unpackMentions(packMentions([], (name) => name))).toEqual([])
  })
})

describe('Vocabulary.shared', () => {
  it('gives back the name it is given, however long, and the same for the same name', () => {
    const vocabulary = createVocabulary(config)
    const text = 'The International Criminal Court at The Hague ruled.'
    const cut = text.slice(4, 32)
    expect(vocabulary.shared(cut)).toBe('International Criminal Court')
    expect(vocabulary.shared('International Criminal Court')).toBe(cut)
    expect(vocabulary.shared('Kim')).toBe('Kim')
  })
})
