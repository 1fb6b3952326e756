// The site snapshot gives back the model it was given and its footers and teasers, one story at a
// time, and no paragraphs.
import {mkdtempSync, rmSync, writeFileSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {loadSiteSnapshot, saveSiteSnapshot} from '../../src/cache/site-snapshot.ts'
import {defaultConfig} from '../../src/model/config.ts'
import {buildSite} from '../../src/model/site.ts'
import {parseFile, sampleArticles, seedFile} from '../model/story-files.ts'

const folder = mkdtempSync(path.join(tmpdir(), 'snapshot-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))
const {site, bodies} = buildSite([parseFile(seedFile, 'seed.txt'), ...sampleArticles()], defaultConfig)

describe('the site snapshot', () => {
  const file = path.join(folder, 'site.ndjson')
  const digests = site.stories.map((story) => `digest of ${story.slug}`)
  const hashes = site.stories.map((story) => `hash of ${story.source}`)
  saveSiteSnapshot(file, 'build-1', site, bodies, digests, hashes)

  it('gives back every story, the rest of the site, and every footer and teaser', () => {
    const loaded = loadSiteSnapshot(file)!
    expect(loaded.id).toBe('build-1')
    expect(loaded.sources).toEqual(site.stories.map((story) => story.source))
    expect(loaded.dates).toEqual(site.stories.map((story) => story.date))
    expect(loaded.digests).toEqual(digests)
    expect(loaded.hashes).toEqual(hashes)
    expect(loaded.count).toBe(site.stories.length)
    const stories = site.stories.map((_, index) => loaded.story(index))
    expect(JSON.parse(JSON.stringify({...loaded.site, stories}))).toEqual(JSON.parse(JSON.stringify(site)))
    const kept = loaded.bodies(new Map())
    for (const story of site.stories) {
      expect(kept.footer(story.index)).toEqual(bodies.footer(story.index))
      expect(kept.recommended(story.index)).toEqual(bodies.recommended(story.index))
    }
  })

  it('reads only the stories asked for, and paragraphs it was not given throw instead of reading as empty', () => {
    const loaded = loadSiteSnapshot(file)!
    const last = site.stories.length - 1
    expect(loaded.story(last).headline).toBe(site.stories[last]!.headline)
    expect(() => loaded.bodies(new Map()).paragraphs(0)).toThrow(/no paragraphs of story 0 \(seed\.txt\)/)
    const edited = loaded.bodies(new Map([[0, ['A body.']]]))
    expect(edited.paragraphs(0)).toEqual(['A body.'])
    expect(() => edited.paragraphs(1)).toThrow(/no paragraphs of story 1/)
    edited.release(0)
    expect(() => edited.paragraphs(0)).toThrow(/after letting go/)
    expect(() => loaded.story(site.stories.length)).toThrow(/has no story/)
    loaded.close()
    // Read before it closed: still there; never read: gone with the file.
    expect(loaded.story(last).headline).toBe(site.stories[last]!.headline)
    expect(() => loaded.story(1)).toThrow(/closed/)
  })

  it('is null when missing, cut short or damaged', () => {
    expect(loadSiteSnapshot(path.join(folder, 'none.ndjson'))).toBeNull()
    const bytes = readFileSync(file)
    const cut = path.join(folder, 'cut.ndjson')
    writeFileSync(cut, bytes.subarray(0, bytes.length - 10))
    expect(loadSiteSnapshot(cut)).toBeNull()
    writeFileSync(cut, bytes.subarray(100))
    expect(loadSiteSnapshot(cut)).toBeNull()
  })
})
