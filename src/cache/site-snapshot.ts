// The last build's site model and its stories' footers and teasers, kept beside the output
// manifest; not their paragraphs, which are most of its size. When a rebuild finds that only
// stories' paragraphs changed, the model it would build is this one: it renders the changed pages
// from it, with the new paragraphs, instead of building the model again.
//
// Such a rebuild needs a few dozen stories of the snapshot (the changed ones, those their pages
// link to, the newest), so each story is a line of its own, read and parsed only when `story(i)`
// asks for it. The file ends with its table of contents: the story lines come first, as they are
// written, then the rest of the site, the sources, where each story line ends, and a last short
// line that says where those are. Like every cache file it ends with a checksummed trailer
// (cache/file.ts), which is checked as the file is opened: reading and hashing the 30 MB of 10,000
// stories takes about 25 ms, and a damaged snapshot is none (the build makes the model anew).
import {closeSync, openSync, readSync, rmSync} from 'node:fs'
import type {BodyStore, RecommendedLink, Site, Story} from '../model/types.ts'
import {immediateWrites, verifyCacheFd, type CacheWrites} from './file.ts'

/** The site apart from its list of stories, which a snapshot reads one at a time. */
export type SiteFrame = Omit<Site, 'stories'>

export interface SiteSnapshot {
  /** Names the build that wrote it; the manifest of that build names it too. */
  id: string
  /** Each story's source, by index: which stories there are, without reading them. */
  sources: string[]
  /** Each story's date, by index, without reading the stories: search/index.ts numbers them by it. */
  dates: Array<string | null>
  /** What the build gave with each story, by index (search/delta.ts's digests), opaque to the cache. */
  digests: string[]
  /** The content hash of each story's file, by index: what the model was made from. */
  hashes: string[]
  /** The site but its stories. */
  site: SiteFrame
  /** How many stories the site has. */
  count: number
  /** Story `index`, read from the file when first asked for; throws once the snapshot is closed, if it was not read before. */
  story(index: number): Story
  /**
   * The stories' bodies with these paragraphs, by story index: the edited stories'. Their footers
   * and teasers are the snapshot's, read with their stories. The paragraphs of any other story
   * throw (the snapshot keeps none), as does anything of a story not read before `close`.
   */
  bodies(paragraphs: ReadonlyMap<number, readonly string[]>): BodyStore
  /** Lets go of the file; a story not read by then cannot be read any more. */
  close(): void
}

/** One story's line: the story, and the parts of its body the snapshot keeps. */
interface StoryLine {
  story: Story
  footer: readonly string[]
  recommended: readonly RecommendedLink[]
}

const FORMAT = 5
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
  hashes: [number, number]
  /** Byte offset where each story's line ends; story 0 starts at 0, story i where i - 1 ends. */
  ends: [number, number]
}

/**
 * Writes the snapshot, by default at once; a build stages it with its other cache writes.
 * `bodies` holds every story's footer and teasers; `digests`: a string for each story, by index,
 * kept as it is; `hashes`: the content hash of each story's file, by index.
 */
export function saveSiteSnapshot(file: string, id: string, site: Site, bodies: BodyStore, digests: readonly string[], hashes: readonly string[], writes: CacheWrites = immediateWrites): void {
  writes.stage(file, snapshotText(id, site, bodies, digests, hashes))
}

/** The snapshot's text, a line at a time, with the byte offsets that find each part. */
function* snapshotText(id: string, site: Site, bodies: BodyStore, digestList: readonly string[], hashList: readonly string[]): Generator<string> {
  let offset = 0
  const place = (text: string): [number, number] => {
    const length = Buffer.byteLength(text)
    offset += length
    return [offset - length, length]
  }
  const ends: number[] = []
  for (const story of site.stories) {
    const entry: StoryLine = {story, footer: bodies.footer(story.index), recommended: bodies.recommended(story.index)}
    const line = `${JSON.stringify(entry)}\n`
    place(line)
    ends.push(offset)
    yield line
  }
  const frame: SiteFrame & {stories?: undefined} = {...site, stories: undefined}
  const rest = `${JSON.stringify(frame)}\n`
  const sources = `${JSON.stringify(site.stories.map((story) => story.source))}\n`
  const dates = `${JSON.stringify(site.stories.map((story) => story.date))}\n`
  const digests = `${JSON.stringify(digestList)}\n`
  const hashes = `${JSON.stringify(hashList)}\n`
  const endsText = `${JSON.stringify(ends)}\n`
  const contents: Contents = {format: FORMAT, id, site: place(rest), sources: place(sources), dates: place(dates), digests: place(digests), hashes: place(hashes), ends: place(endsText)}
  yield rest + sources + dates + digests + hashes + endsText
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
    const parts = [contents.site, contents.sources, contents.dates, contents.digests, contents.hashes, contents.ends]
    const [site, sources, dates, digests, hashes, ends] = parts.map((part) => JSON.parse(read(fd, ...part)) as unknown) as [SiteFrame, string[], Array<string | null>, string[], string[], number[]]
    if ([sources, dates, digests, hashes].some((list) => list.length !== ends.length) || 'stories' in site) throw new Error('damaged')
    let open = true
    const lines: Array<StoryLine | undefined> = []
    const line = (index: number): StoryLine => {
      if (!Number.isInteger(index) || index < 0 || index >= ends.length) throw new Error(`the site snapshot has no story ${index}: it has ${ends.length}`)
      if (lines[index] !== undefined) return lines[index]
      if (!open) throw new Error(`the site snapshot is closed; story ${index} (${sources[index]}) was not read`)
      const start = index === 0 ? 0 : ends[index - 1]!
      return (lines[index] = JSON.parse(read(fd, start, ends[index]! - start)) as StoryLine)
    }
    const close = () => {
      if (open) closeSync(fd)
      open = false
    }
    const story = (index: number) => line(index).story
    const bodies = (paragraphs: ReadonlyMap<number, readonly string[]>) => new SnapshotBodies(line, sources, paragraphs)
    return {id: contents.id, sources, dates, digests, hashes, site, count: ends.length, story, bodies, close}
  } catch {
    // None yet, or damaged: the build makes the model anew.
    closeSync(fd)
    return null
  }
}

export function removeSiteSnapshot(file: string): void {
  rmSync(file, {force: true})
}

/**
 * The bodies path's store: the paragraphs an edit gave, and the snapshot's footers and teasers. A
 * story's paragraphs that are not among the edit's are not in the snapshot: rendering them from an
 * empty list would publish a blank story, so asking throws.
 */
class SnapshotBodies implements BodyStore {
  readonly #line: (index: number) => StoryLine
  readonly #sources: readonly string[]
  readonly #paragraphs: Map<number, readonly string[]>
  readonly #released = new Set<number>()

  constructor(line: (index: number) => StoryLine, sources: readonly string[], paragraphs: ReadonlyMap<number, readonly string[]>) {
    this.#line = line
    this.#sources = sources
    this.#paragraphs = new Map(paragraphs)
  }

  paragraphs(index: number): readonly string[] {
    this.#check(index, 'paragraphs')
    const paragraphs = this.#paragraphs.get(index)
    if (paragraphs === undefined) throw new Error(`the site snapshot has no paragraphs of story ${index} (${this.#sources[index]}): it keeps none, and this build changed only other stories'`)
    return paragraphs
  }

  footer(index: number): readonly string[] {
    this.#check(index, 'footer')
    return this.#line(index).footer
  }

  recommended(index: number): readonly RecommendedLink[] {
    this.#check(index, 'recommended')
    return this.#line(index).recommended
  }

  release(index: number): void {
    this.#released.add(index)
    this.#paragraphs.delete(index)
  }

  #check(index: number, part: string): void {
    if (this.#released.has(index)) throw new Error(`the bodies path read the ${part} of story ${index} (${this.#sources[index]}) after letting go of it`)
  }
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
