// Shared by the search-patch tests: the index of a site as file texts, and the patch for a story's
// new paragraphs next to the index made anew.
import type {BodyStore, Site} from '../../src/model/types.ts'
import {SHARD_BYTES, searchIndexFiles, docIds, searchText, storyTermWeights} from '../../src/search/index.ts'
import {patchSearchIndex, type SearchPatch} from '../../src/search/patch.ts'

/** A site and a store of its bodies. */
export interface Built {
  site: Site
  bodies: BodyStore
}

/** Each file's text; shards may come as bytes, which must be the very bytes of that text. */
export function indexFiles({site, bodies}: Built, shardBytes = SHARD_BYTES): Map<string, string> {
  return new Map([...searchIndexFiles(site, bodies, {shardBytes})].map((file) => [file.path, text(file.render())]))
}

/** `bodies` with story `index`'s paragraphs these. */
export function withParagraphs(bodies: BodyStore, index: number, paragraphs: readonly string[]): BodyStore {
  return {
    paragraphs: (i) => (i === index ? paragraphs : bodies.paragraphs(i)),
    footer: (i) => bodies.footer(i),
    recommended: (i) => bodies.recommended(i),
    release: (i) => bodies.release(i)
  }
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
export function both({site, bodies}: Built, index: number, paragraphs: string[], shardBytes = SHARD_BYTES) {
  const story = site.stories[index]!
  const before = indexFiles({site, bodies}, shardBytes)
  const change = {id: docIds(site.stories)[index]!, before: storyTermWeights(searchText(story, bodies.paragraphs(index))), after: storyTermWeights(searchText(story, paragraphs))}
  const after = indexFiles({site, bodies: withParagraphs(bodies, index, paragraphs)}, shardBytes)
  return {before, after, patch: patchSearchIndex(read(before), [change]), change}
}
