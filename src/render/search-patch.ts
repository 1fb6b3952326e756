// The search index of the last build, updated for stories whose terms changed while their place
// in the site did not (an edit to a body). Only the term shards of the changed terms are made
// again, and they come out byte for byte as `searchIndexFiles` would make them.
import type {OutputFile} from '../model/types.ts'
import {SHARD_PREFIX, SPLIT_ABOVE, shardName} from './search-index.ts'

export interface TermChange {
  /** The story's index, its position in the postings. */
  index: number
  /** Its terms and weights in the last build, and now (`storyTermWeights`). */
  before: ReadonlyMap<string, number>
  after: ReadonlyMap<string, number>
}

/**
 * @param read the last build's text of a file of the output folder, or null if it has none.
 * @returns the shards to write, or null when the change reaches beyond them: a shard made or
 *   emptied, a shard crossing the size at which it is split (so `meta.json` changes), or postings
 *   that are not what `before` says the last build wrote. Then the index must be made anew.
 */
export function patchSearchIndex(read: (path: string) => string | null, changes: readonly TermChange[]): OutputFile[] | null {
  const metaText = read('search/meta.json')
  if (metaText === null) return null
  const split = (JSON.parse(metaText) as {split?: Record<string, string[]>}).split ?? {}
  const shards = new Map<string, Map<string, number[]> | null>()
  const shard = (name: string) => {
    if (!shards.has(name)) {
      const text = read(`search/terms/${name}.json`)
      shards.set(name, text === null ? null : new Map(Object.entries(JSON.parse(text) as Record<string, number[]>)))
    }
    return shards.get(name)!
  }
  const changedShards = new Set<string>()
  const changedGroups = new Set<string>()

  for (const {index, before, after} of changes) {
    for (const term of new Set([...before.keys(), ...after.keys()])) {
      const group = shardName(term)
      const name = group in split ? shardName(term, SHARD_PREFIX + 1) : group
      const terms = shard(name)
      if (terms === null) return null
      const list = terms.get(term) ?? []
      const at = postingOf(list, index)
      const was = before.get(term)
      if (was === undefined ? at.found : !at.found || list[at.position + 1] !== was) return null
      const now = after.get(term)
      if (now === was) continue
      if (was !== undefined) list.splice(at.position, 2)
      if (now !== undefined) list.splice(at.position, 0, index, now)
      if (list.length === 0) terms.delete(term)
      else terms.set(term, list)
      if (terms.size === 0) return null
      changedShards.add(name)
      if ((was === undefined) !== (now === undefined)) changedGroups.add(group)
    }
  }

  // A group's size decides whether it is split: it must stay on the side it was.
  for (const group of changedGroups) {
    const names = group in split ? [group, ...split[group]!] : [group]
    let numbers = 0
    for (const name of names) for (const list of shard(name)?.values() ?? []) numbers += list.length
    if (numbers > SPLIT_ABOVE !== group in split) return null
  }

  return [...changedShards].sort().map((name) => {
    const terms = shard(name)!
    return {path: `search/terms/${name}.json`, content: JSON.stringify(Object.fromEntries([...terms.keys()].sort().map((term) => [term, terms.get(term)!])))}
  })
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
