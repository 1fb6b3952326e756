// The site snapshot gives back the model it was given, without bodies, one story at a time.
import {mkdtempSync, rmSync, writeFileSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {loadSiteSnapshot, saveSiteSnapshot, withBodies} from '../../src/cache/site-snapshot.ts'
import {defaultConfig} from '../../src/model/config.ts'
import {buildSite} from '../../src/model/site.ts'
import {parseFile, sampleArticles, seedFile} from '../model/story-files.ts'

const folder = mkdtempSync(path.join(tmpdir(), 'snapshot-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))
const site = buildSite([parseFile(seedFile, 'seed.txt'), ...sampleArticles()], defaultConfig)
const withoutBodies = (value: unknown) => JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'paragraphs' ? undefined : v))) as unknown

describe('the site snapshot', () => {
  const file = path.join(folder, 'site.ndjson')
  const digests = site.stories.map((story) => `digest of ${story.slug}`)
  saveSiteSnapshot(file, 'build-1', site, digests)

  it('gives back every story and the rest of the site, without bodies', () => {
    const loaded = loadSiteSnapshot(file)!
    expect(loaded.id).toBe('build-1')
    expect(loaded.sources).toEqual(site.stories.map((story) => story.source))
    expect(loaded.dates).toEqual(site.stories.map((story) => story.date))
    expect(loaded.digests).toEqual(digests)
    const fields = (story: object) => Object.fromEntries(Object.keys(story).filter((key) => key !== 'paragraphs').map((key) => [key, story[key as keyof typeof story]]))
    expect(withoutBodies({...loaded.site, stories: loaded.site.stories.map(fields)})).toEqual(withoutBodies(site))
  })

  it('reads only the stories asked for, and a missing body throws instead of reading as empty', () => {
    const loaded = loadSiteSnapshot(file)!
    const last = site.stories.length - 1
    expect(loaded.site.stories[last]!.headline).toBe(site.stories[last]!.headline)
    expect(() => loaded.site.stories[0]!.paragraphs).toThrow(/no body for seed\.txt/)
    withBodies(loaded.site, new Map([[0, ['A body.']]]))
    expect(loaded.site.stories[0]!.paragraphs).toEqual(['A body.'])
    expect(loaded.site.stories.length).toBe(site.stories.length)
    expect(loaded.site.stories[site.stories.length]).toBeUndefined()
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
