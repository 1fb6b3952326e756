// Rendering shared among threads: which thread owns which file, and what a thread lets go of once
// a page is written. Whole builds on threads (`--jobs`) are in threads.slow.test.ts.
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/read/config.ts'
import type {SiteConfig} from '../../src/model/types.ts'
import {bundledTemplates, readTemplates} from '../../src/read/templates.ts'
import {ownsFile, releaseWritten} from '../../src/threads/render-pool.ts'
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

describe('releaseWritten', () => {
  const fresh = () => buildSite([parseFile(seedFile, 'seed.txt'), ...sampleArticles().slice(0, 40)], loadConfig({}) as SiteConfig)
  const pageOf = (site: ReturnType<typeof fresh>, index: number) => [...sitePages(site, readTemplates(bundledTemplates))].find((file) => file.body === index)!

  it('lets go of what only a story\'s page shows once the page is written, and reading it then throws', async () => {
    const site = fresh()
    const story = site.stories.find((s) => s.date === null)!
    const {headline, excerpt} = story
    releaseWritten(site, 1)(pageOf(site, story.index))
    for (const read of [() => story.paragraphs, () => story.footer, () => story.recommended]) expect(read).toThrow(/render thread 1 read the \w+ of story \d+ after writing its page/)
    // What cards and links show stays.
    expect([story.headline, story.excerpt]).toEqual([headline, excerpt])
  })

  it('keeps on the main thread the bodies of the stories its feeds show in full, and nothing for other files', async () => {
    const site = fresh()
    // The seed is the one dated story: it is in the site's feeds.
    const seed = site.stories.find((s) => s.source === 'seed.txt')!
    const body = seed.paragraphs
    const written = releaseWritten(site, 0)
    for (const file of [...sitePages(site, readTemplates(bundledTemplates))].filter((f) => f.body === undefined).slice(0, 5)) written(file)
    expect(seed.footer.length).toBeGreaterThan(0)
    written(pageOf(site, seed.index))
    expect(seed.paragraphs).toBe(body)
    expect(() => seed.footer).toThrow(/after writing its page/)
    const other = fresh()
    const otherSeed = other.stories.find((s) => s.source === 'seed.txt')!
    releaseWritten(other, 1)(pageOf(other, otherSeed.index))
    expect(() => otherSeed.paragraphs).toThrow(/after writing its page/)
  })
})
