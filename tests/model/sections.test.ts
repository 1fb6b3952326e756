import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/model/config.ts'
import {folderOf, relativeTo, sectionResolver} from '../../src/model/sections.ts'

describe('sectionResolver', () => {
  it('reads the first folder under the content folder that is not a date', () => {
    const sectionOf = sectionResolver([], 'content')
    expect(sectionOf(null, 'content/business/001.txt')?.name).toBe('Business')
    expect(sectionOf(null, 'content/2024/03/05/uk-politics/a.txt')).toMatchObject({name: 'Uk politics', slug: 'uk-politics'})
    expect(sectionOf(null, 'content/2024/03/05/a.txt')).toBeNull()
    expect(sectionOf(null, 'content/a.txt')).toBeNull()
    // The content folder's own name is no section, however it is written.
    expect(sectionResolver([], './content/')(null, 'content/a.txt')).toBeNull()
    expect(sectionResolver([], 'C:\\news')(null, 'C:\\news\\tech\\a.txt')?.name).toBe('Tech')
  })

  it('lets front matter win over the folder', () => {
    expect(sectionResolver([], 'content')('Sport', 'content/business/001.txt')?.name).toBe('Sport')
  })

  it('maps, renames, orders and hides sections as the config says, the rest after them A to Z', () => {
    const {config} = resolveConfig({
      sections: [{name: 'Technology', from: ['tech', 'gadgets']}, {name: 'Politics'}, {name: 'Drafts', hidden: true}]
    }) as {ok: true; config: import('../../src/model/types.ts').SiteConfig}
    const sectionOf = sectionResolver(config.sections, 'c')
    expect(sectionOf(null, 'c/gadgets/a.txt')).toEqual({name: 'Technology', slug: 'technology', hidden: false, rank: 0})
    expect(sectionOf(null, 'c/tech/a.txt')?.name).toBe('Technology')
    expect(sectionOf('politics', 'c/a.txt')).toEqual({name: 'Politics', slug: 'politics', hidden: false, rank: 1})
    expect(sectionOf(null, 'c/drafts/a.txt')?.hidden).toBe(true)
    expect(sectionOf(null, 'c/business/a.txt')).toEqual({name: 'Business', slug: 'business', hidden: false, rank: 3})
  })
})

describe('the sections config', () => {
  it('names the key at fault', () => {
    const result = resolveConfig({sections: [{name: ''}, {name: 'A', from: 'a'}, {name: 'A'}, {name: 'B', colour: 'red'}, 'C']})
    expect(result.ok).toBe(false)
    const errors = result.ok ? '' : result.errors.join('\n')
    expect(errors).toContain('sections[0].name must be a non-empty string')
    expect(errors).toContain('sections[1].from must be a list of folder names')
    expect(errors).toContain('sections[2].name "A" is named twice')
    expect(errors).toContain('unknown key "sections[3].colour"')
    expect(errors).toContain('sections[4] must be an object')
  })
})

describe('paths', () => {
  it('relativeTo and folderOf', () => {
    expect(relativeTo('content', 'content/a/b.txt')).toBe('a/b.txt')
    expect(relativeTo('', 'a/b.txt')).toBe('a/b.txt')
    expect(relativeTo('other', 'content/a/b.txt')).toBe('content/a/b.txt')
    expect(folderOf('2024/business/x.txt')).toBe('business')
    expect(folderOf('x.txt')).toBeNull()
  })
})
