// The last build's site model without the story bodies, kept beside the output manifest. When a
// rebuild finds that only stories' bodies changed, the model it would build is this one with
// those bodies put back: it renders the changed pages from it instead of building the model again.
//
// Such a rebuild needs a few dozen stories of the snapshot (the changed ones, those their pages
// link to, the newest), so each story is a line of its own, read and parsed only when asked for.
// The file ends with its table of contents: the story lines come first, as they are written, then
// the rest of the site, the sources, where each story line ends, and a last short line that says
// where those are. Like every cache file it ends with a checksummed trailer (cache/file.ts), which
// is checked as the file is opened: reading and hashing the 30 MB of 10,000 stories takes about
// 25 ms, and a damaged snapshot is none (the build makes the model anew).
import {closeSync, openSync, readSync, rmSync} from 'node:fs'
import type {Site, Story} from '../model/types.ts'
import {immediateWrites, verifyCacheFd, type CacheWrites} from './file.ts'

/** A site whose stories have no bodies: reading one throws (see `withBodies`). */
export interface SiteSnapshot {
  /** Names the build that wrote it; the manifest of that build names it too. */
  id: string
  /** Each story's source, by index: which stories there are, without reading them. */
  sources: string[]
  /** Each story's date, by index, without reading the stories: search/index.ts numbers them by it. */
  dates: Array<string | null>
  /** What the build gave with each story, by index (search/delta.ts's digests), opaque to the cache. */
  digests: string[]
  /** Its stories are read from the file as they are asked for, until `close`. */
  site: Site
  /** Lets go of the file; a story not read by then cannot be read any more. */
  close(): void
}

const FORMAT = 3
/** More than the last line's length. */
const TAIL = 1024

/** The last line: [offset, length] in bytes of each part. */
interface Contents {
  format: number
  id: string
  site: [number, number]
  sources: [number, number]
  dates: [number, number]
  digests: [number, number]
  /** Byte offset where each story's line ends; story 0 starts at 0, story i where i - 1 ends. */
  ends: [number, number]
}

/**
 * Writes the snapshot, by default at once; a build stages it with its other cache writes.
 * `digests`: a string for each story, by index, kept as it is.
 */
export function saveSiteSnapshot(file: string, id: string, site: Site, digests: readonly string[], writes: CacheWrites = immediateWrites): void {
  writes.stage(file, snapshotText(id, site, digests))
}

/** The snapshot's text, a line at a time, with the byte offsets that find each part. */
function* snapshotText(id: string, site: Site, digestList: readonly string[]): Generator<string> {
  let offset = 0
  const place = (text: string): [number, number] => {
    const length = Buffer.byteLength(text)
    offset += length
    return [offset - length, length]
  }
  const ends: number[] = []
  for (const story of site.stories) {
    const line = `${JSON.stringify({...story, paragraphs: undefined})}\n`
    place(line)
    ends.push(offset)
    yield line
  }
  const rest = `${JSON.stringify({...site, stories: []})}\n`
  const sources = `${JSON.stringify(site.stories.map((story) => story.source))}\n`
  const dates = `${JSON.stringify(site.stories.map((story) => story.date))}\n`
  const digests = `${JSON.stringify(digestList)}\n`
  const endsText = `${JSON.stringify(ends)}\n`
  const contents: Contents = {format: FORMAT, id, site: place(rest), sources: place(sources), dates: place(dates), digests: place(digests), ends: place(endsText)}
  yield rest + sources + dates + digests + endsText
  yield `${JSON.stringify(contents)}\n`
}

/**
 * The snapshot in `file`, or null when there is none or it does not check out. The file stays open
 * until `close`, so the stories read later are those of the bytes checked now, even if another
 * build replaces the file meanwhile.
 */
export function loadSiteSnapshot(file: string): SiteSnapshot | null {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch {
    return null
  }
  try {
    const size = verifyCacheFd(fd, file)
    if (size === null) throw new Error('damaged')
    const tail = read(fd, Math.max(0, size - TAIL), Math.min(size, TAIL))
    const contents = JSON.parse(tail.slice(tail.lastIndexOf('\n', tail.length - 2) + 1)) as Contents
    if (contents.format !== FORMAT || typeof contents.id !== 'string') throw new Error('another format')
    const parts = [contents.site, contents.sources, contents.dates, contents.digests, contents.ends]
    const [site, sources, dates, digests, ends] = parts.map((part) => JSON.parse(read(fd, ...part)) as unknown) as [Site, string[], Array<string | null>, string[], number[]]
    if ([sources, dates, digests].some((list) => list.length !== ends.length) || site.stories.length !== 0) throw new Error('damaged')
    let open = true
    const story = (index: number): Story => {
      if (!open) throw new Error(`the site snapshot is closed; story ${index} was not read`)
      const start = index === 0 ? 0 : ends[index - 1]!
      return withoutBody(JSON.parse(read(fd, start, ends[index]! - start)) as Story)
    }
    const close = () => {
      if (open) closeSync(fd)
      open = false
    }
    return {id: contents.id, sources, dates, digests, site: {...site, stories: lazyStories(sources.length, story)}, close}
  } catch {
    // None yet, or damaged: the build makes the model anew.
    closeSync(fd)
    return null
  }
}

export function removeSiteSnapshot(file: string): void {
  rmSync(file, {force: true})
}

/** The snapshot's site with these stories' bodies put back. */
export function withBodies(site: Site, bodies: ReadonlyMap<number, string[]>): Site {
  for (const [index, paragraphs] of bodies) {
    Object.defineProperty(site.stories[index], 'paragraphs', {value: paragraphs, configurable: true, enumerable: true, writable: true})
  }
  return site
}

/** An array of `count` stories, each read once, when first asked for. */
function lazyStories(count: number, load: (index: number) => Story): Story[] {
  const stories = new Array<Story | undefined>(count)
  const indexOf = (key: string | symbol): number | null => {
    if (typeof key !== 'string') return null
    const index = Number(key)
    return Number.isInteger(index) && index >= 0 && index < count && String(index) === key ? index : null
  }
  return new Proxy(stories as Story[], {
    get(target, key, receiver) {
      const index = indexOf(key)
      return index === null ? (Reflect.get(target, key, receiver) as unknown) : (stories[index] ??= load(index))
    },
    // Array methods skip the holes of an array: every story is there, read or not.
    has: (target, key) => indexOf(key) !== null || Reflect.has(target, key)
  })
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

function read(fd: number, position: number, length: number): string {
  const buffer = Buffer.allocUnsafe(length)
  let done = 0
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done)
    if (n === 0) throw new Error('the site snapshot ends early')
    done += n
  }
  return buffer.toString('utf8')
}
