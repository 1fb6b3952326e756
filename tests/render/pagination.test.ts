import {describe, expect, it} from 'vitest'
import {chunk, pageUrl, paginationView, rootFor} from '../../src/render/pagination.ts'
import {get, renderAll} from './render-helpers.ts'
import {makeSite, type StorySpec} from './site-fixture.ts'

describe('rootFor', () => {
  it('climbs one level per folder', () => {
    expect(rootFor('index.html')).toBe('./')
    expect(rootFor('tags/x/index.html')).toBe('../../')
    expect(rootFor('2022/11/08/slug/index.html')).toBe('../../../../')
  })
})

describe('paginationView', () => {
  it('is absent for a single page', () => {
    expect(paginationView('tags/x/', 1, 1, '../../')).toBeNull()
  })

  it('has no previous link on the first page and no next link on the last', () => {
    const first = paginationView('tags/x/', 1, 3, '../../')!
    expect(first.prev).toBeNull()
    expect(first.next).toBe('../../tags/x/page/2/')
    const last = paginationView('tags/x/', 3, 3, '../../../../')!
    expect(last.prev).toBe('../../../../tags/x/page/2/')
    expect(last.next).toBeNull()
  })

  it('links page 1 to the list itself, never to page/1/', () => {
    const view = paginationView('tags/x/', 2, 2, '../../../../')!
    expect(view.prev).toBe('../../../../tags/x/')
    expect(view.pages.map((p) => p.href)).toEqual(['../../../../tags/x/', null])
  })

  it('shows first, last and two either side of the current page, with gaps', () => {
    const view = paginationView('', 250, 500, './')!
    expect(view.pages.map((p) => p.number)).toEqual([1, null, 248, 249, 250, 251, 252, null, 500])
    expect(view.pages.filter((p) => p.current).map((p) => p.number)).toEqual([250])
  })

  it('leaves no gap when the window touches the ends', () => {
    expect(paginationView('', 3, 6, './')!.pages.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6])
  })
})

describe('chunk and pageUrl', () => {
  it('splits at the page size, keeping one empty page for an empty list', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(chunk([1, 2, 3, 4], 2)).toEqual([[1, 2], [3, 4]])
    expect(chunk([], 2)).toEqual([[]])
    expect(pageUrl('', 1)).toBe('')
    expect(pageUrl('', 2)).toBe('page/2/')
  })
})

describe('paginated pages', () => {
  // 41 stories, one a day from 2023-01-31 back, all tagged Economy: 41 / 20 = 3 tag pages.
  const specs: StorySpec[] = Array.from({length: 41}, (_, i) => {
    const date = new Date(Date.UTC(2023, 0, 31 - i)).toISOString().slice(0, 10)
    return {headline: `Story ${String(i).padStart(2, '0')}`, date, tags: ['Economy']}
  })
  const files = renderAll(makeSite(specs, {pageSize: 20, homeDays: 7}))
  const count = (html: string) => html.match(/<article class="card/g)?.length ?? 0

  it('fills pages up to the size and puts the rest on the last one', () => {
    expect(count(get(files, 'tags/economy/index.html'))).toBe(20)
    expect(count(get(files, 'tags/economy/page/2/index.html'))).toBe(20)
    expect(count(get(files, 'tags/economy/page/3/index.html'))).toBe(1)
    expect(files.has('tags/economy/page/4/index.html')).toBe(false)
    expect(files.has('tags/economy/page/1/index.html')).toBe(false)
  })

  it('puts homeDays days on each digest page, newest first', () => {
    // 41 days (January 1-31 and ten December days) / 7 = 6 pages.
    expect(files.has('page/6/index.html')).toBe(true)
    expect(files.has('page/7/index.html')).toBe(false)
    const first = get(files, 'index.html')
    expect(first.match(/<section class="edition"/g)).toHaveLength(7)
    expect(first.indexOf('Tuesday, 31 January 2023')).toBeLessThan(first.indexOf('Wednesday, 25 January 2023'))
    expect(get(files, 'page/6/index.html').match(/<section class="edition"/g)).toHaveLength(6)
  })

  it('prints previous and next links with page numbers', () => {
    const middle = get(files, 'tags/economy/page/2/index.html')
    expect(middle).toContain('<a class="pagination-step" rel="prev" href="../../../../tags/economy/">')
    expect(middle).toContain('<a class="pagination-step" rel="next" href="../../../../tags/economy/page/3/">')
    expect(middle).toContain('<span aria-current="page"><span class="visually-hidden">Page </span>2</span>')
    const first = get(files, 'tags/economy/index.html')
    expect(first).not.toContain('rel="prev"')
    expect(get(files, 'tags/economy/page/3/index.html')).not.toContain('rel="next"')
  })

  it('paginates a month by stories, grouped by day', () => {
    const january = get(files, '2023/01/index.html')
    expect(count(january)).toBe(20)
    expect(count(get(files, '2023/01/page/2/index.html'))).toBe(11)
    expect(january).toContain('31 stories')
  })
})
