// The packed form a build holds every story's tag candidates in: nothing of them is lost.
import {describe, expect, it} from 'vitest'
import {createVocabulary, extractMentions, packMentions, unpackMentions} from '../../src/model/tags/index.ts'
import {article, bbcArticles, parseFile, seedFile} from './story-files.ts'

const config = {aliases: {'Kim Jong-un': 'Kim Jong Un'}, stop: []}
const stories = [parseFile(seedFile, '000_ca89730430cec1e2.txt'), ...bbcArticles()]

describe('packMentions', () => {
  it('unpacks to the candidates extractMentions gave, for the seed and every BBC story', () => {
    const vocabulary = createVocabulary(config)
    let candidates = 0
    for (const story of stories) {
      const mentions = extractMentions(story, vocabulary)
      candidates += mentions.length
      expect(unpackMentions(packMentions(mentions, vocabulary.shared))).toStrictEqual(mentions)
    }
    expect(candidates).toBeGreaterThan(15_000)
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
