// Shared by the search-patch tests: the index of a site as file texts, and the patch for a story's
// new paragraphs next to the index made anew.
import type {Site} from '../../src/model/types.ts'
import {SHARD_BYTES, searchIndexFiles, docIds, storyTermWeights} from '../../src/search/index.ts'
import {patchSearchIndex, type SearchPatch} from '../../src/search/patch.ts'

/** Each file's text; shards may come as bytes, which must be the very bytes of that text. */
export function indexFiles(site: Site, shardBytes = SHARD_BYTES): Map<string, string> {
  return new Map([...searchIndexFiles(site, {shardBytes})].map((file) => [file.path, text(file.render())]))
}

function text(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : new TextDecoder('utf-8', {fatal: true}).decode(content)
}

export const read = (files: Map<string, string>) => (file: string) => files.get(file) ?? null

export function applied(files: Map<string, string>, patch: SearchPatch): Map<string, string> {
  const next = new Map(files)
  for (const file of patch.write) next.set(file.path, text(file.content))
  for (const file of patch.remove) next.delete(file)
  return next
}

/** The index before and after story `index` gets these paragraphs, made whole each time, and the patch between them. */
export function both(site: Site, index: number, paragraphs: string[], shardBytes = SHARD_BYTES) {
  const story = site.stories[index]!
  const old = story.paragraphs
  const before = indexFiles(site, shardBytes)
  const change = {id: docIds(site.stories)[index]!, before: storyTermWeights(story), after: storyTermWeights({...story, paragraphs})}
  story.paragraphs = paragraphs
  try {
    return {before, after: indexFiles(site, shardBytes), patch: patchSearchIndex(read(before), [change]), change}
  } finally {
    story.paragraphs = old
  }
}
