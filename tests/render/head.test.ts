import {describe, expect, it} from 'vitest'
import {documentTitle, pageHead} from '../../src/render/head.ts'
import {testConfig} from './site-fixture.ts'

describe('documentTitle', () => {
  it('adds the site name when the whole fits in 70 characters', () => {
    expect(documentTitle('Archive', 'The Test Gazette')).toBe('Archive — The Test Gazette')
  })

  it('drops the site name, then cuts at a word, for long headlines', () => {
    const long = 'N. Korea slams US for raising alleged arms supply to Russia'
    expect(documentTitle(long, 'The Test Gazette')).toBe(long)
    const longer = `${long} as talks on the peninsula stall again`
    const title = documentTitle(longer, 'The Test Gazette')
    expect(title.length).toBeLessThanOrEqual(70)
    expect(title).toBe('N. Korea slams US for raising alleged arms supply to Russia as talks…')
  })
})

describe('pageHead', () => {
  it('prefixes breadcrumb and feed links with the page root', () => {
    const head = pageHead(testConfig, {
      url: 'tags/x/page/2/',
      path: 'tags/x/page/2/index.html',
      title: 'X',
      description: 'd',
      breadcrumbs: [{name: 'Home', url: ''}, {name: 'X', url: null}],
      feed: {url: 'tags/x/feed.xml', title: 'X feed'}
    })
    expect(head.root).toBe('../../../../')
    expect(head.breadcrumbs).toEqual([{name: 'Home', href: '../../../../'}, {name: 'X', href: null}])
    expect(head.feed).toEqual({href: '../../../../tags/x/feed.xml', title: 'X feed'})
    expect(head.canonical).toBeNull()
  })

  it('makes the canonical URL absolute from the base URL', () => {
    const head = pageHead({...testConfig, baseUrl: 'https://news.example/sub/'}, {url: 'archive/', path: 'archive/index.html', title: 'Archive', description: ''})
    expect(head.canonical).toBe('https://news.example/sub/archive/')
  })
})

describe('documentTitle with characters that escape long', () => {
  it('counts each escaped character as its entity', () => {
    // 53 characters and 10 more for the site name fit in 70, but each apostrophe prints as `&#39;`.
    const headline = "'Brainwave' cap controls computer, say US researchers"
    expect(documentTitle(headline, 'Gazette')).toBe(headline)
    expect(documentTitle(headline.replaceAll("'", ''), 'Gazette')).toBe(`${headline.replaceAll("'", '')} — Gazette`)
    const title = documentTitle(`${headline} and 'nurses' at 'the' hospital`, 'Gazette')
    expect(title.length + 4 * (title.match(/'/g)?.length ?? 0)).toBeLessThanOrEqual(70)
    expect(title.endsWith('…')).toBe(true)
  })
})
