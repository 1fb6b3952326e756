// The search index of the last build, updated for stories whose terms changed while their place
// in the site did not (an edit to a body). Each group of terms that a change touches (the terms
// sharing their first characters, `groupShards`) is read, changed and cut into shards again by the
// rule the whole index is made by, so the files come out byte for byte as `searchIndexFiles`
// would make them: shards made, emptied or split included, and meta.json when its list of groups
// or of splits changes.
import type {OutputFile} from '../model/types.ts'
import {groupShards, metaText, shardName, shardText, type SearchMeta, type TermPostings} from './search-index.ts'

export interface TermChange {
  /** The story's index, its position in the postings. */
  index: number
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
const shardPath = (name: string) => `search/terms/${name}.json`

/**
 * @param read the last build's text of a file of the output folder, or null if it has none.
 * @returns null when the last build's postings are not what `before` says they were: then the
 *   output is not what this build thinks, and the index must be made anew.
 */
export function patchSearchIndex(read: (path: string) => string | null, changes: readonly TermChange[]): SearchPatch | null {
  const lastMeta = read(META)
  if (lastMeta === null) return null
  const meta = JSON.parse(lastMeta) as Partial<SearchMeta>
  // An index of an earlier format is made anew.
  if (!Array.isArray(meta.groups) || typeof meta.split !== 'object' || typeof meta.stories !== 'number') return null
  const split = meta.split
  const names = new Set(meta.groups)

  // Every group a changed weight falls in, with all its terms as the last build wrote them.
  const groups = new Map<string, {files: Map<string, string>; terms: Map<string, number[]>}>()
  const groupOf = (term: string) => {
    const name = shardName(term)
    let group = groups.get(name)
    if (group === undefined) {
      group = {files: new Map(), terms: new Map()}
      for (const file of Object.hasOwn(split, name) ? split[name]! : [name]) {
        const text = read(shardPath(file))
        if (text === null) continue
        group.files.set(file, text)
        for (const [term, list] of Object.entries(JSON.parse(text) as Record<string, number[]>)) group.terms.set(term, list)
      }
      groups.set(name, group)
    }
    return group
  }

  for (const {index, before, after} of changes) {
    for (const term of new Set([...before.keys(), ...after.keys()])) {
      const was = before.get(term)
      const now = after.get(term)
      if (now === was) continue
      const {terms} = groupOf(term)
      const list = terms.get(term) ?? []
      const at = postingOf(list, index)
      if (was === undefined ? at.found : !at.found || list[at.position + 1] !== was) return null
      if (was !== undefined) list.splice(at.position, 2)
      if (now !== undefined) list.splice(at.position, 0, index, now)
      if (list.length === 0) terms.delete(term)
      else terms.set(term, list)
    }
  }

  const write: OutputFile[] = []
  const remove: string[] = []
  let metaChanged = false
  for (const [name, group] of groups) {
    const sorted = [...group.terms.keys()].sort()
    const {shards, children} = sorted.length === 0 ? {shards: [], children: null} : groupShards(name, sorted, 0, sorted.length, (i) => group.terms.get(sorted[i]!)!.length)
    for (const shard of shards) {
      const text = shardText(sorted.slice(shard.from, shard.to).map((term): TermPostings => [term, group.terms.get(term)!]))
      if (group.files.get(shard.name) !== text) write.push({path: shardPath(shard.name), content: text})
    }
    const kept = new Set(shards.map((shard) => shard.name))
    for (const file of group.files.keys()) if (!kept.has(file)) remove.push(shardPath(file))
    if (JSON.stringify(children) !== JSON.stringify(split[name] ?? null)) {
      metaChanged = true
      if (children === null) delete split[name]
      else split[name] = children
    }
    if (names.has(name) !== sorted.length > 0) {
      metaChanged = true
      if (sorted.length > 0) names.add(name)
      else names.delete(name)
    }
  }
  if (metaChanged) {
    const sortedSplit = Object.fromEntries(Object.entries(split).sort(([a], [b]) => (a < b ? -1 : 1)))
    write.push({path: META, content: metaText({stories: meta.stories, groups: [...names].sort(), split: sortedSplit})})
  }
  return {write: write.sort((a, b) => (a.path < b.path ? -1 : 1)), remove: remove.sort()}
}

/** Where story `index` is, or would go, in a term's `[story, weight, …]` list, which is in story order. */
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
