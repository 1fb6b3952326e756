// The bodies path of a build, for the commonest edit to a large site: a correction to stories'
// bodies. When the files changed since the last build changed nothing but bodies as the model sees
// them (model/body-edit.ts), the new site is the last build's model (cache/site-snapshot.ts), its
// body store the snapshot's footers and teasers with the new paragraphs, and only what shows a body
// can differ: the stories' own pages and the search files of the terms that came or went. Those are
// made again; every other file of the last build stays as it is. Anything else (a file added or
// removed, a headline or a name changed, a story in the site's feeds) returns null, and the build
// makes the site anew.
import path from 'node:path'
import {filesHash, modelInputs, siteInputs, type BuildInputs} from '../cache/inputs.ts'
import {loadSiteSnapshot, type SiteSnapshot} from '../cache/site-snapshot.ts'
import {onlyBodyChanged} from '../model/body-edit.ts'
import type {ParsedEntry} from '../model/parsed.ts'
import type {BuildReport, Story} from '../model/types.ts'
import {inSiteFeeds} from '../render/feeds/index.ts'
import {fixedFile} from '../render/fixed-file.ts'
import {patchSearchIndex, type TermChange} from '../search/patch.ts'
import {docIds, searchText, storyTermWeights} from '../search/index.ts'
import {storyPages} from '../render/site.ts'
import type {ParseCache} from '../cache/parsed.ts'
import {readOutputFile} from '../write/output.ts'
import {allPresent, type Manifest} from '../cache/manifest.ts'
import {openSiteWriter, type WriteStats} from '../write/site-writer.ts'
import type {BuildContext} from './context.ts'
import type {ReadFiles} from './read-stage.ts'
import {writeSite} from './write-site.ts'

export interface BodiesResult {
  /** The last build's report, which an edit to bodies alone leaves as it was. */
  report: BuildReport
  failed: number
  /** How many stories' bodies changed. */
  stories: number
  stats: WriteStats
}

interface Edit {
  source: string
  was: string
  hash: string
  before: ParsedEntry
  after: ParsedEntry
}

/**
 * The bodies path, or null when the files changed more than bodies: then the build makes the site
 * anew. `inputs` names what this build is made from (cache/inputs.ts); `present` is what the output
 * folder holds now.
 */
export async function rebuildBodies(context: BuildContext, previous: Manifest, read: ReadFiles, inputs: BuildInputs, present: string[]): Promise<BodiesResult | null> {
  const {parsed, config, options} = context
  const record = previous.build
  if (record?.snapshot === undefined) return null
  const edits = editsOf(read, parsed)
  if (edits === null || edits.length === 0) return null
  // The last build must have been made from exactly these files with the old hashes of the edited
  // ones: else something else changed too (or that build failed after the cache saw the files).
  const was = new Map(edits.map((edit) => [edit.source, edit.was]))
  const hashes = read.sources.map((source, i) => was.get(source) ?? (read.outcomes[i] as {hash: string}).hash)
  if (siteInputs(modelInputs(filesHash(read.sources, hashes, read.listedSkipped), config, options.drafts), context.templates) !== record.inputs) return null
  // A file of the last build deleted by hand: the build that makes every page puts it back.
  if (!allPresent(previous, present)) return null

  // An edit that makes a file a copy of another (which the build reports as a duplicate), or a
  // file that was one or had one, changes which stories there are.
  const taken = new Set(read.sources.flatMap((source, i) => (was.has(source) ? [] : [(read.outcomes[i] as {hash: string}).hash])))
  const involved = new Set(record.report.duplicates.flatMap((d) => [d.source, d.sameAs]))
  for (const edit of edits) {
    if (taken.has(edit.hash) || involved.has(edit.source) || !onlyBodyChanged(edit.before, edit.after)) return null
    taken.add(edit.hash)
  }

  const snapshot = loadSiteSnapshot(context.output.paths.snapshot)
  if (snapshot === null) return null
  try {
    return snapshot.id === record.snapshot ? await fromSnapshot(context, previous, inputs, present, edits, snapshot) : null
  } finally {
    snapshot.close()
  }
}

async function fromSnapshot(context: BuildContext, previous: Manifest, inputs: BuildInputs, present: string[], edits: Edit[], snapshot: SiteSnapshot): Promise<BodiesResult | null> {
  const {parsed, options} = context
  const record = previous.build!
  const {site, sources} = snapshot
  const indexOf = new Map(sources.map((source, index) => [source, index]))
  const paragraphs = new Map<number, readonly string[]>()
  const changes: TermChange[] = []
  const ids = docIds(sources.map((source, index) => ({source, date: snapshot.dates[index] ?? null})))
  for (const {source, before, after} of edits) {
    const index = indexOf.get(source)
    // A draft, or a story the site's feeds show in full.
    if (index === undefined || inSiteFeeds(index, site.config) || !before.result.ok || !after.result.ok) return null
    const story = snapshot.story(index)
    paragraphs.set(index, after.result.article.paragraphs)
    changes.push({id: ids[index]!, before: termsOf(story, before.result.article.paragraphs), after: termsOf(story, after.result.article.paragraphs)})
  }

  const target = path.resolve(options.out)
  const search = patchSearchIndex((file) => readOutputFile(target, file), changes)
  if (search === null) return null

  const writer = openSiteWriter(options.out, context.output, previous, context.outputVersion, {...record, inputs: inputs.site, model: inputs.model}, present, false)
  const stats = await writeSite(context, writer, () => {
    const pages = storyPages({config: site.config, sections: site.sections, count: snapshot.count, story: snapshot.story}, snapshot.bodies(paragraphs), context.templates, [...paragraphs.keys()])
    const files = [...pages, ...search.write.map((file) => fixedFile(file.path, file.content as string))]
    // Files of the last build left out of the manifest are deleted at commit: the search files emptied.
    const made = new Set([...files.map((file) => file.path), ...search.remove])
    for (const file of files) writer.put(file)
    writer.keep(previous.files, (file) => !made.has(file))
    // The cache's new entries are staged before the output changes, and put in place with it.
    for (const edit of edits) parsed.replace(edit.source, edit.was, edit.hash, edit.after)
    parsed.save()
  })
  return {report: record.report, failed: record.failed, stories: edits.length, stats}
}

/** The files this build parsed because their bytes changed, with what they gave before; null if one is new or unreadable. */
function editsOf(read: ReadFiles, parsed: ParseCache): Edit[] | null {
  const edits: Edit[] = []
  for (const [i, source] of read.sources.entries()) {
    const outcome = read.outcomes[i]!
    if ('error' in outcome) return null
    if (outcome.entry === undefined) continue
    const was = parsed.lastHash(source)
    const before = was === undefined ? undefined : parsed.peek(was, source)
    if (was === undefined || before === undefined) return null
    edits.push({source, was, hash: outcome.hash, before, after: outcome.entry})
  }
  return edits
}

function termsOf(story: Story, paragraphs: readonly string[]): Map<string, number> {
  return storyTermWeights(searchText(story, paragraphs))
}
