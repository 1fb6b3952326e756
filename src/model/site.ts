// Articles → the site model: order, unique slugs and URLs, date buckets, terms and cross-links,
// and the store of the stories' bodies (model/bodies.ts), which the Story objects leave out.
// Pure: the same articles and config always give the same site.
import {SiteBodies} from './bodies.ts'
import {articleExcerpt} from './excerpt.ts'
import {createTitleMatcher} from './match.ts'
import {relatedStories} from './related.ts'
import {clusterEvents} from './events.ts'
import {importance} from './importance.ts'
import {sectionResolver, type SectionChoice} from './sections.ts'
import {slugify} from './slug.ts'
import {createVocabulary, packedMentions, selectTags, type PackedMentions} from './tags/index.ts'
import type {Article, Day, Month, RecommendedLink, SiteConfig, Site, Story, StoryTag, TagKind, TagRef, Term, TermRef, Year} from './types.ts'
import {byCodeUnit} from '../text/compare.ts'

/** A site, and its stories' bodies by story index. */
export interface SiteWithBodies {
  site: Site
  bodies: SiteBodies
}

/**
 * `contentFolder`: the folder the sources are paths in (`content` for `content/business/001.txt`),
 * whose first subfolder is a story's section (model/sections.ts).
 */
export function buildSite(articles: readonly Article[], config: SiteConfig, contentFolder = ''): SiteWithBodies {
  const vocabulary = createVocabulary(config.tags)
  return buildSiteFromMentions(articles, articles.map((article) => packedMentions(article, vocabulary)), config, contentFolder)
}

/**
 * The same, from each article's tag candidates (packed: tags/packed.ts), which a build caches per file
 * because finding them is the costly part of tagging.
 */
export function buildSiteFromMentions(articles: readonly Article[], mentions: readonly PackedMentions[], config: SiteConfig, contentFolder = ''): SiteWithBodies {
  return buildSiteFromTags(articles, storyTags(articles, mentions, config), config, contentFolder)
}

const NONE: PackedMentions = {names: [], numbers: ''}

/** Each article's tags, chosen from its front matter and the tag candidates of the whole corpus. */
export function storyTags(articles: readonly Article[], mentions: readonly PackedMentions[], config: SiteConfig): StoryTag[][] {
  return selectTags(
    articles.map((article, i) => ({front: article.tags, mentions: mentions[i] ?? NONE})),
    config.tags
  )
}

/**
 * The site from each article's tags (`storyTags`). Apart from buildSiteFromMentions so that a
 * build can let go of the tag candidates, 17 MB at 10,000 stories, before the rest of the model is
 * made.
 */
export function buildSiteFromTags(articles: readonly Article[], tagLists: readonly StoryTag[][], config: SiteConfig, contentFolder = ''): SiteWithBodies {
  const events = clusterEvents(
    articles.map((article) => ({headline: article.headline, paragraphs: article.paragraphs, date: article.date, provider: article.publisher ?? article.dateline?.agency ?? null}))
  )
  const members = new Map<number, number[]>()
  events.forEach((event, i) => {
    const list = members.get(event)
    if (list === undefined) members.set(event, [i])
    else list.push(i)
  })
  // Each teaser's story, matched once (in file order): for importance, then for the teaser's link.
  // A match does not depend on the order of the headlines (match.ts), only on which they are.
  const matchTitle = createTitleMatcher(articles.map((article) => article.headline))
  const teaserTargets = articles.map((article, i) =>
    article.recommended.map((teaser) => {
      const target = matchTitle(teaser.title)
      return target === i ? null : target
    })
  )
  const scores = importanceOf(articles, events.map((event) => members.get(event)!.length - 1), teaserTargets)
  const order = articles.map((_, i) => i).sort((a, b) => compareArticles(articles[a]!, articles[b]!, scores[a]!, scores[b]!))
  const position = new Map(order.map((articleIndex, siteIndex) => [articleIndex, siteIndex]))
  const sorted = order.map((i) => ({article: articles[i]!, tags: tagLists[i] ?? [], importance: scores[i]!}))
  const urls = assignUrls(sorted.map((s) => s.article))

  const tagTerms = createTerms('tags')
  const authorTerms = createTerms('authors')
  const sourceTerms = createTerms('sources')
  const sectionOf = sectionResolver(config.sections, contentFolder)
  const sectionTerms = new Map<string, {choice: SectionChoice; term: Term}>()
  const sectionRef = (choice: SectionChoice | null, index: number): TermRef | null => {
    if (choice === null || choice.hidden) return null
    let entry = sectionTerms.get(choice.slug)
    if (entry === undefined) sectionTerms.set(choice.slug, (entry = {choice, term: {name: choice.name, slug: choice.slug, url: `sections/${choice.slug}/`, stories: []}}))
    entry.term.stories.push(index)
    return {name: entry.term.name, slug: entry.term.slug, url: entry.term.url}
  }

  const stories: Story[] = sorted.map(({article, tags, importance}, index) => {
    const {slug, url} = urls[index]!
    const section = sectionRef(sectionOf(article.section, article.source), index)
    return {
      index,
      source: article.source,
      format: article.format,
      headline: article.headline,
      date: article.date,
      slug,
      url,
      byline: article.byline,
      authors: refs(article.authors, authorTerms, index),
      publisher: null,
      kind: article.kind,
      dateline: article.dateline,
      agency: null,
      commentCount: article.commentCount,
      readingMinutes: article.readingMinutes,
      credits: article.credits,
      boilerplate: article.boilerplate,
      excerpt: articleExcerpt(article),
      tags: tagRefs(tags, tagTerms, index),
      section,
      importance,
      event: members.get(events[order[index]!]!)!.map((member) => position.get(member)!).filter((other) => other !== index).sort((a, b) => a - b),
      recommendedFrom: [],
      related: [],
      older: null,
      newer: null
    }
  })

  const recommended = sorted.map(({article}, index): RecommendedLink[] =>
    article.recommended.map((teaser, k) => {
      const target = teaserTargets[order[index]!]![k]!
      // Field by field: a spread copy can get a hidden class of its own (build/memory.ts).
      return {title: teaser.title, summary: teaser.summary, source: teaser.source, story: target === null ? null : position.get(target)!}
    })
  )
  linkRecommendations(stories, recommended)
  assignSources(stories, recommended, sorted.map((s) => s.article.publisher), sourceTerms)
  linkNeighbours(stories)
  const related = relatedStories(stories.map((s) => ({tags: s.tags.map((t) => t.slug), date: s.date})))
  for (const story of stories) story.related = onePerEvent(related[story.index] ?? [], story, stories)

  // Lists show one card per event: its first story in site order, which names the others.
  const leads = stories.filter((story) => story.event.every((other) => other > story.index))
  for (const {term} of sectionTerms.values()) term.stories = term.stories.filter((index) => stories[index]!.event.every((other) => other > index))
  const days = bucketDays(leads)
  const bodies = new SiteBodies({paragraphs: sorted.map((s) => s.article.paragraphs), footer: sorted.map((s) => s.article.footer), recommended})
  const site: Site = {
    config,
    stories,
    days,
    years: bucketYears(days),
    undated: leads.filter((s) => s.date === null).map((s) => s.index),
    tags: tagTerms.list(),
    sections: [...sectionTerms.values()]
      .sort((a, b) => a.choice.rank - b.choice.rank || byCodeUnit(a.choice.name, b.choice.name))
      .map(({term}) => term),
    authors: authorTerms.list(),
    sources: sourceTerms.list()
  }
  return {site, bodies}
}

/**
 * Newest first, undated last; within a day (and among the undated) the most important first
 * (model/importance.ts); ties by file order (the source path), never by headline.
 */
function compareArticles(a: Article, b: Article, scoreA: number, scoreB: number): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1
    if (b.date === null) return -1
    return a.date < b.date ? 1 : -1
  }
  return scoreB - scoreA || byCodeUnit(a.source, b.source)
}

/**
 * Each article's importance: how many other stories report its event (`alsoReported[i]`), how many
 * other articles' teasers link to it (`teaserTargets[i]`: the article each teaser of article i
 * names, never i itself), its comments, its length.
 */
function importanceOf(articles: readonly Article[], alsoReported: readonly number[], teaserTargets: ReadonlyArray<ReadonlyArray<number | null>>): number[] {
  const linkedFrom = articles.map(() => 0)
  for (const targets of teaserTargets) {
    for (const target of new Set(targets)) if (target !== null) linkedFrom[target]!++
  }
  return articles.map((article, i) =>
    importance({alsoReported: alsoReported[i]!, linkedFrom: linkedFrom[i]!, commentCount: article.commentCount, readingMinutes: article.readingMinutes})
  )
}

/**
 * Slugs are unique per folder (a day, or `stories/`), compared case-folded because some
 * file systems are case-insensitive; the later story in site order gets `-2`, `-3`...
 */
function assignUrls(articles: readonly Article[]): Array<{slug: string; url: string}> {
  const taken = new Map<string, Set<string>>()
  return articles.map((article) => {
    const folder = article.date ? `${article.date.replaceAll('-', '/')}/` : 'stories/'
    const used = taken.get(folder) ?? new Set<string>()
    taken.set(folder, used)
    const base = slugify(article.slug) || 'story'
    let slug = base
    for (let n = 2; used.has(slug.toLowerCase()); n++) slug = `${base}-${n}`
    used.add(slug.toLowerCase())
    return {slug, url: `${folder}${slug}/`}
  })
}

interface Terms<Ref extends TermRef = TermRef> {
  add(name: string, story: number, kind?: TagKind): Ref | null
  list(): Array<Ref & Term>
}

/** An entity kind said of a tag outweighs `topic`, which only says a front matter named it. */
const KIND_WEIGHT: Record<TagKind, number> = {topic: 1, person: 1000, place: 1000, org: 1000}

/**
 * Names that slug alike are one term (`HYUNG-JIN KIM`, `Hyung-Jin Kim`); the page shows the
 * spelling used most, ties going to the first in site order. A tag's kind is the one most of its
 * stories give it, where any story's person, place or organisation outweighs a front matter's topic.
 */
function createTerms(folder: 'tags'): Terms<TagRef>
function createTerms(folder: 'authors' | 'sources'): Terms
function createTerms(folder: string): Terms<TagRef> {
  const bySlug = new Map<string, {ref: TagRef; stories: Set<number>; spellings: Map<string, number>; kinds: Map<TagKind, number>}>()
  return {
    add(name, story, kind) {
      const slug = slugify(name)
      if (slug === '') return null
      let term = bySlug.get(slug)
      if (!term) {
        term = {ref: {name, slug, url: `${folder}/${slug}/`, kind: kind ?? 'topic'}, stories: new Set(), spellings: new Map(), kinds: new Map()}
        bySlug.set(slug, term)
      }
      term.stories.add(story)
      term.spellings.set(name, (term.spellings.get(name) ?? 0) + 1)
      if (kind !== undefined) term.kinds.set(kind, (term.kinds.get(kind) ?? 0) + KIND_WEIGHT[kind])
      return term.ref
    },
    list() {
      const terms = [...bySlug.values()].map(({ref, stories, spellings, kinds}) => {
        // Stories hold the same ref object, so renaming it here renames it everywhere.
        ref.name = mostUsed(spellings, ref.name)
        ref.kind = mostUsed(kinds, ref.kind)
        return {...ref, stories: [...stories].sort((a, b) => a - b)}
      })
      return terms.sort((a, b) => b.stories.length - a.stories.length || byCodeUnit(a.slug, b.slug))
    }
  }
}

/** The key counted most; ties go to the first counted (Map order), `fallback` when none is. */
function mostUsed<K>(counts: ReadonlyMap<K, number>, fallback: K): K {
  let best = fallback
  let bestCount = 0
  for (const [key, count] of counts) {
    if (count > bestCount) [best, bestCount] = [key, count]
  }
  return best
}

function refs(names: readonly string[], terms: Terms, story: number): TermRef[] {
  const seen = new Set<TermRef>()
  for (const name of names) {
    const ref = terms.add(name, story)
    if (ref) seen.add(ref)
  }
  return [...seen]
}

function tagRefs(tags: readonly StoryTag[], terms: Terms<TagRef>, story: number): TagRef[] {
  const seen = new Set<TagRef>()
  for (const tag of tags) {
    const ref = terms.add(tag.name, story, tag.kind)
    if (ref) seen.add(ref)
  }
  return [...seen]
}

/** Related stories with the story's own event (listed apart) left out, and each other event once. */
function onePerEvent(related: readonly number[], story: Story, stories: readonly Story[]): number[] {
  const seen = new Set([story.index, ...story.event])
  const kept: number[] = []
  for (const index of related) {
    if (seen.has(index)) continue
    kept.push(index)
    for (const other of [index, ...stories[index]!.event]) seen.add(other)
  }
  return kept
}

/** `recommended`: each story's teasers, by story index. */
function linkRecommendations(stories: Story[], recommended: readonly RecommendedLink[][]): void {
  for (const story of stories) {
    for (const teaser of recommended[story.index]!) {
      if (teaser.story === null) continue
      const target = stories[teaser.story]!
      if (!target.recommendedFrom.includes(story.index)) target.recommendedFrom.push(story.index)
    }
  }
}

/**
 * Source pages: the dateline's agency, else the agency a teaser that points here names; and the
 * publisher the article names (`The Motley Fool`), on the same page when it is that agency.
 */
function assignSources(stories: Story[], recommended: readonly RecommendedLink[][], publishers: ReadonlyArray<string | null>, terms: Terms): void {
  const fromTeasers = new Map<number, string>()
  for (const story of stories) {
    for (const teaser of recommended[story.index]!) {
      if (teaser.story !== null && teaser.source && !fromTeasers.has(teaser.story)) {
        fromTeasers.set(teaser.story, teaser.source)
      }
    }
  }
  for (const story of stories) {
    const agency = story.dateline?.agency ?? fromTeasers.get(story.index)
    if (agency) story.agency = terms.add(agency, story.index)
    const publisher = publishers[story.index]
    if (publisher) story.publisher = terms.add(publisher, story.index)
  }
}

function linkNeighbours(stories: Story[]): void {
  const dated = stories.filter((s) => s.date !== null)
  dated.forEach((story, i) => {
    story.newer = dated[i - 1]?.index ?? null
    story.older = dated[i + 1]?.index ?? null
  })
}

function bucketDays(stories: readonly Story[]): Day[] {
  const days: Day[] = []
  for (const story of stories) {
    if (story.date === null) continue
    const last = days.at(-1)
    if (last?.date === story.date) last.stories.push(story.index)
    else days.push({date: story.date, stories: [story.index]})
  }
  return days
}

function bucketYears(days: readonly Day[]): Year[] {
  const years: Year[] = []
  for (const day of days) {
    const year = day.date.slice(0, 4)
    const month = day.date.slice(0, 7)
    let y = years.at(-1)
    if (y?.year !== year) years.push((y = {year, months: [], count: 0}))
    let m: Month | undefined = y.months.at(-1)
    if (m?.month !== month) y.months.push((m = {month, days: [], count: 0}))
    m.days.push(day)
    m.count += day.stories.length
    y.count += day.stories.length
  }
  return years
}
