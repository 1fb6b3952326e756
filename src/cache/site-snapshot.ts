// The last build's site model without the story bodies, kept beside the output manifest. When a
// rebuild finds that only stories' bodies changed, the model it would build is this one with
// those bodies put back: it renders the changed pages from it instead of building the model again.
import {closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync} from 'node:fs'
import path from 'node:path'
import type {Site, Story} from '../model/types.ts'

/** A site whose stories have no bodies: reading one throws (see `withBodies`). */
export interface SiteSnapshot {
  /** Names the build that wrote it; the manifest of that build names it too. */
  id: string
  site: Site
}

const FORMAT = 1
/** Stories per write: one string for 100,000 stories would be hundreds of megabytes. */
const BATCH = 1000

/** One line of the site without its stories, then one line a story without its paragraphs. */
export function saveSiteSnapshot(file: string, id: string, site: Site): void {
  mkdirSync(path.dirname(file), {recursive: true})
  const temporary = `${file}.${process.pid}.tmp`
  const fd = openSync(temporary, 'w')
  try {
    writeSync(fd, `${JSON.stringify({format: FORMAT, id, stories: site.stories.length})}\n${JSON.stringify({...site, stories: []})}\n`)
    for (let start = 0; start < site.stories.length; start += BATCH) {
      const lines = site.stories.slice(start, start + BATCH).map((story) => JSON.stringify({...story, paragraphs: undefined}))
      writeSync(fd, `${lines.join('\n')}\n`)
    }
  } finally {
    closeSync(fd)
  }
  renameSync(temporary, file)
}

/** The snapshot in `file`, or null when there is none or it cannot be read whole. */
export function loadSiteSnapshot(file: string): SiteSnapshot | null {
  try {
    const lines = readFileSync(file, 'utf8').split('\n')
    const head = JSON.parse(lines[0]!) as {format?: number; id?: string; stories?: number}
    if (head.format !== FORMAT || typeof head.id !== 'string' || lines.length !== (head.stories ?? -1) + 3) return null
    const site = JSON.parse(lines[1]!) as Site
    for (let i = 2; i < lines.length - 1; i++) site.stories.push(withoutBody(JSON.parse(lines[i]!) as Story))
    return {id: head.id, site}
  } catch {
    // None yet, or damaged: the build makes the model anew.
    return null
  }
}

export function removeSiteSnapshot(file: string): void {
  rmSync(file, {force: true})
}

/** A body that is not in the snapshot must never be taken for an empty one. */
function withoutBody(story: Story): Story {
  return Object.defineProperty(story, 'paragraphs', {
    get() {
      throw new Error(`the site snapshot has no body for ${story.source}`)
    },
    configurable: true,
    enumerable: true
  })
}

/** The snapshot's site with these stories' bodies put back. */
export function withBodies(site: Site, bodies: ReadonlyMap<number, string[]>): Site {
  for (const [index, paragraphs] of bodies) {
    Object.defineProperty(site.stories[index], 'paragraphs', {value: paragraphs, configurable: true, enumerable: true, writable: true})
  }
  return site
}
