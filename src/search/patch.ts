// The search index of the last build, updated for stories whose terms changed while their number in
// the index (`docIds`) did not: an edit to a body, or stories added or removed at the newest end.
// Each group of terms that a change touches (the terms
// sharing their first characters, `groupShards`) is read, changed and cut into shards again by the
// rule the whole index is made by, so the files come out byte for byte as `searchIndexFiles`
// would make them: shards made, emptied, split or joined included, and meta.json when its groups or
// splits change, or the number of stories. The results' files (search/docs/) are search/delta.ts's.
import type {OutputFile} from '../model/types.ts'
import {SHARD_PREFIX, entryBytes, groupShards, head, metaText, shardPath, shardText, type ShardEntry} from './index.ts'
import {decodePostings, encodePostings} from './postings.ts'

export interface TermChange {
  /** The story's number in the index (`docIds`), the same in the last build and this one. */
  id: number
  /** Its terms and weights in the last build, and now (`storyTermWeights`). */
  before: ReadonlyMap<string, number>
  after: ReadonlyMap<string, number>
}

export interface SearchPatch {
  /** Files to write: changed shards, new shards, and meta.json if a group came, went or split differently. */
  write: OutputFile[]
  /** Shards the index no longer has. */
  remove: string[]
}

const META = 'search/meta.json'

interface Meta {
  version: number
  stories: number
  prefix: number
  shardBytes: number
  groups: string
  split: Record<string, string>
}

/**
 * @param read the last build's text of a file of the output folder, or null if it has none.
 * @param count the stories this build's index holds, when it is not the last build's.
 * @returns null when the last build's postings are not what `before` says they were: then the
 *   output is not what this build thinks, and the index must be made anew.
 */
export function patchSearchIndex(read: (path: string) => string | null, changes: readonly TermChange[], count?: number): SearchPatch | null {
  const lastMeta = read(META)
  if (lastMeta === null) return null
  const meta = JSON.parse(lastMeta) as Partial<Meta>
  // An index of an earlier format, or cut by another rule, is made anew.
  if (meta.version !== 4 || meta.prefix !== SHARD_PREFIX || typeof meta.stories !== 'number' || typeof meta.shardBytes !== 'number') return null
  if (typeof meta.groups !== 'string' || typeof meta.split !== 'object' || meta.split === null) return null
  const {shardBytes} = meta
  const stories = count ?? meta.stories
  const split = new Map(Object.entries(meta.split))
  const chars = Array.from(meta.groups)
  const names = new Set<string>()
  for (let i = 0; i < chars.length; i += SHARD_PREFIX) names.add(chars.slice(i, i + SHARD_PREFIX).join(''))

  /** The shards of a node as the last build cut it. */
  const leaves = (node: string): string[] => {
    const next = split.get(node)
    return next === undefined ? [node] : Array.from(next).flatMap((char) => leaves(node + char))
  }

  // Each changed term's edits, by the group of terms it falls in, in the order of `changes`: no shard
  // is read yet. The groups are then read, changed and cut one at a time, so that only one group's
  // terms are in memory at once: read all together, the groups a 100-story append touches (most of
  // them) raised the build's peak at 30,000 stories by about 80 MB, above the cold build's.
  const edits = new Map<string, Map<string, Edit[]>>()
  for (const {id, before, after} of changes) {
    for (const term of new Set([...before.keys(), ...after.keys()])) {
      const was = before.get(term)
      const now = after.get(term)
      if (now === was) continue
      const name = head(term)
      let terms = edits.get(name)
      if (terms === undefined) edits.set(name, (terms = new Map()))
      let list = terms.get(term)
      if (list === undefined) terms.set(term, (list = []))
      list.push({id, was, now})
    }
  }

  const write: OutputFile[] = []
  const remove: string[] = []
  let metaChanged = stories !== meta.stories
  for (const [name, terms] of edits) {
    // The group's terms as the last build wrote them: each shard's text, and each term's postings.
    const files = new Map<string, string>()
    const entries = new Map<string, string>()
    if (names.has(name)) {
      for (const node of leaves(name)) {
        const text = read(shardPath(node))
        // A shard meta.json lists is not there.
        if (text === null) return null
        files.set(node, text)
        const flat = JSON.parse(text) as string[]
        for (let i = 0; i < flat.length; i += 2) entries.set(flat[i]!, flat[i + 1]!)
      }
    }
    for (const [term, list] of terms) {
      const postings = entries.get(term)
      const ids = postings === undefined ? [] : decodePostings(postings)
      for (const {id, was, now} of list) {
        const at = postingOf(ids, id)
        if (was === undefined ? at.found : !at.found || ids[at.position + 1] !== was) return null
        if (was !== undefined) ids.splice(at.position, 2)
        if (now !== undefined) ids.splice(at.position, 0, id, now)
      }
      if (ids.length === 0) entries.delete(term)
      else entries.set(term, encodePostings(ids))
    }
    const sorted = [...entries.keys()].sort()
    const {shards, split: parts} =
      sorted.length === 0 ? {shards: [], split: []} : groupShards(name, sorted, 0, sorted.length, (i) => entryBytes(sorted[i]!, entries.get(sorted[i]!)!.length), shardBytes)
    for (const shard of shards) {
      const text = shardText(sorted.slice(shard.from, shard.to).map((term): ShardEntry => [term, entries.get(term)!]))
      if (files.get(shard.name) !== text) write.push({path: shardPath(shard.name), content: text})
    }
    const kept = new Set(shards.map((shard) => shard.name))
    for (const node of files.keys()) if (!kept.has(node)) remove.push(shardPath(node))
    // The group's splits, as they were and as they are now.
    const was = [...split].filter(([node]) => head(node) === name)
    if (JSON.stringify(was.sort()) !== JSON.stringify([...parts].sort())) {
      metaChanged = true
      for (const [node] of was) split.delete(node)
      for (const [node, next] of parts) split.set(node, next)
    }
    if (names.has(name) !== sorted.length > 0) {
      metaChanged = true
      if (sorted.length > 0) names.add(name)
      else names.delete(name)
    }
  }
  if (metaChanged) write.push({path: META, content: metaText({stories, shardBytes, groups: [...names], split: [...split]})})
  return {write: write.sort((a, b) => (a.path < b.path ? -1 : 1)), remove: remove.sort()}
}

/** One story's change to a term's weight: `was` undefined when the term is new to it, `now` when it lost it. */
interface Edit {
  id: number
  was: number | undefined
  now: number | undefined
}

/** Where result `index` (`docIds`) is, or would go, in a term's `[id, weight, …]` list, which is in id order. */
function postingOf(list: readonly number[], index: number): {position: number; found: boolean} {
  let low = 0
  let high = list.length / 2
  while (low < high) {
    const middle = (low + high) >>> 1
    if (list[middle * 2]! < index) low = middle + 1
    else high = middle
  }
  return {position: low * 2, found: list[low * 2] === index}
}
