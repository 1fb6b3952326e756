// Every memory tactic of a build, behind a few named calls; nothing else in src/ sets a V8 flag.
//
// - `buildHeapGrowth`: the heap grows by about a third between full collections, for the whole run.
// - `fullCollection`: a full collection on demand, for the two moments of a build when most of the
//   heap has just become garbage (the parse results once the model is made, the search postings once
//   their files are written). V8 sets its next collection at a multiple of what the last full one
//   found live; collecting right then keeps that multiple small.
// - `lowerHeapGrowth`: the multiple held down further while the pages of a large site are written.
// - `compactArticle`: an article's strings copied out of the file's text, so they do not keep it.
//
// `gc` is exposed to a fresh context only, so the build's own globals stay as they are.
import {getHeapStatistics, setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {own} from '../model/own-copy.ts'
import type {Article, TakenLine, Teaser} from '../model/types.ts'

let collect: (() => void) | undefined

export function fullCollection(): void {
  if (collect === undefined) {
    setFlagsFromString('--expose-gc')
    collect = runInNewContext('gc') as () => void
  }
  collect()
}

/**
 * V8 lets the old generation grow up to four times what survived the last full collection before
 * it collects again: at 10,000 stories that was 900 MB of heap for 260 MB of live data. A build
 * makes garbage that outlives a young-generation collection (pages waiting to be written); growing
 * by about a third keeps the peak near what is live, at the cost of more (short) full collections.
 * V8 reads this flag each time it sets a new limit, so it applies from then on, in workers too.
 */
export function buildHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=35')
}

/** A heap this large (live and garbage) when the pages are to be written is worth holding down. */
const LARGE_HEAP = 512 * 1024 * 1024

/**
 * For a large heap, lets it grow by 15 % of what is live between full collections, until the
 * returned function puts the build's growth back; the next full collection sets its limit by it.
 * Meant for rendering, when the site's bodies become garbage page by page: at 100,000 stories it
 * keeps the pages' phase under 1,240 MB where V8's own growth (about 40 %) reached 1,490 MB. A heap
 * under LARGE_HEAP is left alone: there the extra collections cost more time (0.5 s of 12 at 10,000
 * stories) than the memory they save (at most 20 MB of a peak under 300).
 */
export function lowerHeapGrowth(): () => void {
  if (getHeapStatistics().used_heap_size < LARGE_HEAP) return () => {}
  setFlagsFromString('--heap-growing-percent=15')
  return buildHeapGrowth
}

/**
 * What a build keeps of an article, kept small. A file's text is one string, and one em dash makes
 * V8 store all of it at two bytes a character; every paragraph cut from it is a slice that keeps the
 * whole file alive (157 MB of strings at 10,000 stories). A copy made through UTF-8 is a string of
 * its own, at one byte a character whenever it fits in Latin-1, as most paragraphs do.
 */
export function compactArticle(article: Article): Article {
  return {
    source: article.source,
    format: article.format,
    headline: own(article.headline),
    date: article.date,
    slug: article.slug,
    byline: article.byline === null ? null : own(article.byline),
    authors: article.authors,
    publisher: article.publisher,
    kind: article.kind,
    commentCount: article.commentCount,
    readingMinutes: article.readingMinutes,
    dateline: article.dateline === null ? null : {place: own(article.dateline.place), agency: article.dateline.agency},
    paragraphs: article.paragraphs.map(own),
    footer: article.footer.map(own),
    credits: article.credits.map(compactTaken),
    boilerplate: article.boilerplate.map(compactTaken),
    recommended: article.recommended.map(compactTeaser),
    tags: article.tags,
    draft: article.draft,
    summary: article.summary === null ? null : own(article.summary),
    section: article.section,
    diagnostics: article.diagnostics
  }
}

/**
 * Written out field by field, not spread: V8 gave each spread copy of a teaser a hidden class of
 * its own (tracking its `source` as a constant), about 200 bytes a teaser, 15 MB at 10,000 stories.
 */
function compactTeaser(teaser: Teaser): Teaser {
  return {title: own(teaser.title), summary: own(teaser.summary), source: teaser.source}
}

function compactTaken(taken: TakenLine): TakenLine {
  return {line: taken.line, text: own(taken.text), rule: taken.rule}
}
