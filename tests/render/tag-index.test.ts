import {describe, expect, it} from 'vitest'
import type {TagKind, TagTerm} from '../../src/model/types.ts'
import {tagIndex} from '../../src/render/tag-index.ts'
import {get, renderAll} from './render-helpers.ts'
import {makeSite} from './site-fixture.ts'

function tag(name: string, kind: TagKind, stories: number): TagTerm {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  return {name, slug, url: `tags/${slug}/`, kind, stories: Array.from({length: stories}, (_, i) => i)}
}

const tags = [
  tag('Zurich', 'place', 3),
  tag('Tony Blair', 'person', 9),
  tag('Acme Group', 'org', 2),
  tag('Économie', 'topic', 4),
  tag('3M', 'org', 5),
  tag('Angela Merkel', 'person', 2),
  tag('Anna Smith', 'person', 1),
  tag('Athens', 'place', 2)
]

describe('tagIndex', () => {
  it('groups people, places, organisations and topics, each by letter, A to Z', () => {
    const index = tagIndex(tags, 2)
    expect(index.pages).toHaveLength(1)
    expect(index.pages[0]!.map((group) => [group.label, group.letters.map((l) => [l.letter, l.terms.map((t) => `${t.name} ${t.count}`)])])).toEqual([
      ['People', [['A', ['Angela Merkel 2']], ['T', ['Tony Blair 9']]]],
      ['Places', [['A', ['Athens 2']], ['Z', ['Zurich 3']]]],
      ['Organisations', [['#', ['3M 5']], ['A', ['Acme Group 2']]]],
      ['Topics', [['E', ['Économie 4']]]]
    ])
  })

  it('leaves out tags on fewer than minStories stories, and counts them', () => {
    const index = tagIndex(tags, 3)
    expect(index.listed).toBe(4)
    expect(index.unlisted).toBe(4)
    expect(index.pages.flat().flatMap((g) => g.letters.flatMap((l) => l.terms.map((t) => t.name)))).toEqual(['Tony Blair', 'Zurich', '3M', 'Économie'])
  })

  it('cuts pages at a fixed number of tags, a kind or letter going on on the next, and says where each letter starts', () => {
    const index = tagIndex(tags, 1, 2)
    expect(index.pages.map((page) => page.flatMap((g) => g.letters.flatMap((l) => l.terms.length)).reduce((a, b) => a + b))).toEqual([2, 2, 2, 2])
    expect(index.pages[1]!.map((group) => group.label)).toEqual(['People', 'Places'])
    expect(index.kinds.map((k) => [k.id, k.count, k.page])).toEqual([['people', 3, 1], ['places', 2, 2], ['organisations', 2, 3], ['topics', 1, 4]])
    expect(index.kinds[0]!.letters).toEqual([{letter: 'A', id: 'people-a', page: 1}, {letter: 'T', id: 'people-t', page: 2}])
    expect(index.kinds[2]!.letters).toEqual([{letter: '#', id: 'organisations-other', page: 3}, {letter: 'A', id: 'organisations-a', page: 4}])
  })

  it('has one empty page when no tag is listed', () => {
    expect(tagIndex([], 2)).toEqual({pages: [[]], kinds: [], listed: 0, unlisted: 0})
  })
})

describe('tag pages', () => {
  const {site, bodies} = makeSite([
    {headline: 'One', date: '2024-03-02', tags: ['North Korea', 'Sanctions']},
    {headline: 'Two', date: '2024-03-01', tags: ['North Korea', 'Russia']},
    {headline: 'Three', date: '2024-03-01', tags: ['North Korea']}
  ])
  const files = renderAll({site, bodies})

  it('say what a tag names and on how many stories', () => {
    expect(get(files, 'tags/north-korea/index.html')).toContain('Place · 3 stories')
    expect(get(files, 'tags/sanctions/index.html')).toContain('Topic · 1 story')
  })

  it('list in the index only the tags shared by minStories stories, by kind, with letter links', () => {
    const html = get(files, 'tags/index.html')
    expect(html).toMatch(/<h2 id="places">Places<\/h2>/)
    expect(html).toContain('href="#places-n"')
    expect(html).toMatch(/>North Korea<\/a> <span class="count">3<\/span>/)
    expect(html).not.toContain('>Russia</a>')
    expect(html).toContain('1 tags on 2 or more stories; 2 more, each on fewer, are on their stories’ pages.')
    expect(files.has('tags/russia/index.html')).toBe(true)
  })
})
