// Rendering shared among threads: which thread owns which file, and what a thread lets go of once
// a page is written. Whole builds on threads (`--jobs`) are in threads.slow.test.ts.
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/read/config.ts'
import type {BodyStore, Site, SiteConfig} from '../../src/model/types.ts'
import {bundledTemplates, readTemplates} from '../../src/read/templates.ts'
import {mainThreadBodies, ownsFile, ThreadBodies} from '../../src/threads/render-pool.ts'
import {buildSite} from '../../src/model/site.ts'
import {sitePages} from '../../src/render/site.ts'
import {parseFile, sampleArticles, seedFile} from '../model/story-files.ts'

describe('ownsFile', () => {
  const file = (body?: number | 'several') => ({path: 'x', key: null, render: () => '', ...(body === undefined ? {} : {body})})

  it('gives a story page to the thread of its story, wherever the page comes in the list', async () => {
    expect([0, 1, 2].filter((thread) => ownsFile(file(7), 0, thread, 3))).toEqual([1])
    expect([0, 1, 2].filter((thread) => ownsFile(file(7), 5, thread, 3))).toEqual([1])
  })

  it('gives the feeds, which show several bodies, to the main thread', async () => {
    for (const position of [0, 1, 2, 3]) expect([0, 1].filter((thread) => ownsFile(file('several'), position, thread, 2))).toEqual([0])
  })

  it('shares other files by position, each to one thread, the main thread taking half a share', async () => {
    const counts = [0, 0, 0]
    for (let position = 0; position < 500; position++) {
      const owners = [0, 1, 2].filter((thread) => ownsFile(file(), position, thread, 3))
      expect(owners).toHaveLength(1)
      counts[owners[0]!]!++
    }
    expect(counts).toEqual([100, 200, 200])
    expect([0, 1, 2, 3].map((position) => ownsFile(file(), position, 0, 1))).toEqual([true, true, true, true])
  })
})

describe('the render pool\'s body store', () => {
  const fresh = () => buildSite([parseFile(seedFile, 'seed.txt'), ...sampleArticles().slice(0, 40)], loadConfig({}) as SiteConfig)
  const pageOf = ({site, bodies}: {site: Site; bodies: BodyStore}, index: number) => [...sitePages(site, bodies, readTemplates(bundledTemplates))].find((file) => file.body === index)!
  const parts = (built: ReturnType<typeof fresh>, indices: number[]) => built.bodies.partsOf(indices)

  it('holds only the bodies of its own stories, and says whose the others are', async () => {
    const built = fresh()
    const own = built.site.stories.filter((story) => story.index % 2 === 1).map((story) => story.index)
    const bodies = new ThreadBodies(parts(built, own), 1, 2, new Set())
    expect(bodies.paragraphs(1)).toBe(built.bodies.paragraphs(1))
    for (const read of [() => bodies.paragraphs(0), () => bodies.footer(0), () => bodies.recommended(0)]) expect(read).toThrow(/render thread 1 read the \w+ of story 0, whose page thread 0 renders/)
  })

  it('lets go of what only a story\'s page shows once the page is written, and reading it then throws', async () => {
    const built = fresh()
    const story = built.site.stories.find((s) => s.date === null)!
    const bodies = new ThreadBodies(parts(built, [story.index]), 1, 2, new Set())
    bodies.written(pageOf(built, story.index))
    for (const read of [() => bodies.paragraphs(story.index), () => bodies.footer(story.index), () => bodies.recommended(story.index)]) {
      expect(read).toThrow(new RegExp(`render thread 1 read the \\w+ of story ${story.index} after writing its page`))
    }
  })

  it('keeps on the main thread the paragraphs of the stories its feeds show in full, and nothing for other files', async () => {
    const built = fresh()
    const {site} = built
    // The seed is the one dated story: it is in the site's feeds.
    const seed = site.stories.find((s) => s.source === 'seed.txt')!
    const body = built.bodies.paragraphs(seed.index)
    const bodies = mainThreadBodies(site, built.bodies, 1)
    // The full build's store has let go of everything: the thread's holds what it needs.
    expect(() => built.bodies.paragraphs(seed.index)).toThrow(/after letting go/)
    for (const file of [...sitePages(site, bodies, readTemplates(bundledTemplates))].filter((f) => f.body === undefined).slice(0, 5)) bodies.written(file)
    expect(bodies.footer(seed.index).length).toBeGreaterThan(0)
    bodies.written(pageOf({site, bodies}, seed.index))
    expect(bodies.paragraphs(seed.index)).toBe(body)
    expect(() => bodies.footer(seed.index)).toThrow(/after writing its page/)
  })

  it('gives the main thread the paragraphs of a feed story another thread renders, not its footer', async () => {
    const built = fresh()
    const {site} = built
    const feedStory = site.stories.find((s) => s.index % 2 === 1 && s.index < site.config.feedSize)!
    const bodies = mainThreadBodies(site, built.bodies, 2)
    expect(bodies.paragraphs(feedStory.index).length).toBeGreaterThan(0)
    expect(() => bodies.footer(feedStory.index)).toThrow(/whose page thread 1 renders/)
    const other = site.stories.find((s) => s.index % 2 === 1 && s.index >= site.config.feedSize)!
    expect(() => bodies.paragraphs(other.index)).toThrow(/whose page thread 1 renders/)
  })
})
