// What the full path takes of the last build. Its site model itself (cache/site-snapshot.ts), when
// this build's would be made from the same inputs: after a change to the templates alone, building
// the model again (3.3 s at 10,000 stories) would give the snapshot's. Else, to bring its search
// index up to date instead of making it anew (search/delta.ts): the last site model, and the
// paragraphs the last build had for the files that changed or went since, from the parse cache.
import {allPresent} from '../cache/manifest.ts'
import {loadSiteSnapshot} from '../cache/site-snapshot.ts'
import {SiteBodies} from '../model/bodies.ts'
import type {SiteWithBodies} from '../model/site.ts'
import type {BodyParts, Story} from '../model/types.ts'
import type {LastSite} from '../search/delta.ts'
import type {BuildContext} from './context.ts'

/**
 * More changed files than this and the index is made anew: a delta reads and re-cuts every group of
 * terms a changed story touches, and 100 new stories at 10,000 already touched most groups (636
 * search files written). A bound chosen, not measured: where the delta stops paying is not known.
 */
const MAX_CHANGED = 500

export interface OpenLastSite {
  last: LastSite
  /** Lets go of the snapshot file. */
  close(): void
}

/**
 * The last build's site, or null when there is none to go from: no snapshot of that build, a file
 * of its output gone, too many changes, or a changed file whose last body the parse cache no longer has.
 * `current`: the content hash of each file this build read, by source.
 */
export function openLastSite(context: BuildContext, current: ReadonlyMap<string, string>, present: readonly string[]): OpenLastSite | null {
  const {previous, parsed} = context
  const id = previous?.build?.snapshot
  if (previous === null || id === undefined || !allPresent(previous, present)) return null
  const snapshot = loadSiteSnapshot(context.output.paths.snapshot)
  if (snapshot === null) return null
  if (snapshot.id !== id) {
    snapshot.close()
    return null
  }
  // What changed is told by the hashes the last build's model was made from, not by the parse cache:
  // a build that failed after reading an edit has put the edit in the cache, not in the output.
  const bodies = new Map<string, readonly string[]>()
  for (const [index, source] of snapshot.sources.entries()) {
    const hash = snapshot.hashes[index]!
    if (current.get(source) === hash) continue
    // Changed or gone: its terms in the last index are those of the body it had then.
    const entry = bodies.size < MAX_CHANGED ? parsed.peek(hash, source) : undefined
    if (entry === undefined || !entry.result.ok) {
      snapshot.close()
      return null
    }
    bodies.set(source, entry.result.article.paragraphs)
  }
  const {sources, dates, digests} = snapshot
  return {last: {sources, dates, digests, story: snapshot.story, bodies}, close: () => snapshot.close()}
}

/**
 * The last build's site model, when it was made from `model` (cache/inputs.ts `modelInputs`), as
 * this build's is: the snapshot's, with each story's paragraphs from the parse cache (the snapshot
 * keeps none, and the last build's may have been a bodies path's, which gave some stories new ones).
 * `current`: the content hash of each file this build read, by source. Null when the last build's
 * model was made from other inputs, its snapshot is not there, or the parse cache no longer has a
 * story's paragraphs: then the articles are read and the model is made anew.
 *
 * Taken before the articles are: the same inputs gave the last build's report too, which the caller
 * takes from its record, so no entry of the parse cache is kept whole (build/full.ts `siteOf`).
 */
export function lastModel(context: BuildContext, model: string, current: ReadonlyMap<string, string>): SiteWithBodies | null {
  const record = context.previous?.build
  if (record?.model !== model || record.snapshot === undefined) return null
  const snapshot = loadSiteSnapshot(context.output.paths.snapshot)
  if (snapshot === null) return null
  try {
    if (snapshot.id !== record.snapshot) return null
    const kept = snapshot.bodies(new Map())
    const stories: Story[] = []
    const parts: BodyParts = {paragraphs: [], footer: [], recommended: []}
    for (let index = 0; index < snapshot.count; index++) {
      const story = snapshot.story(index)
      const hash = current.get(story.source)
      const body = hash === undefined ? undefined : context.parsed.paragraphs(hash, story.source)
      if (body === undefined || body === null) return null
      stories.push(story)
      parts.paragraphs.push(body)
      parts.footer.push(kept.footer(index))
      parts.recommended.push(kept.recommended(index))
    }
    return {site: {...snapshot.site, stories}, bodies: new SiteBodies(parts)}
  } finally {
    snapshot.close()
  }
}
