// Plain view objects for the templates. Story URLs stay site-relative here; templates put the
// page's `root` in front, so one card object serves every page that lists the story.
import type {BodyStore, RecommendedLink, Site, SiteConfig, Story, Term, TermRef} from '../model/types.ts'
import {dateInWords, shortDate} from './dates.ts'
import {linkifyText, type TextSegment} from './linkify.ts'

/**
 * What cards and story pages are made from: the site's config and sections, and each story by
 * index. From a `Site` (`pageSite`), or from the last build's snapshot (cache/site-snapshot.ts),
 * which reads a story from its file only when asked for: the bodies path renders a few dozen
 * pages of a site of 10,000 stories.
 */
export interface PageSite {
  config: SiteConfig
  sections: readonly Term[]
  /** How many stories the site has. */
  count: number
  story(index: number): Story
}

export function pageSite(site: Site): PageSite {
  return {config: site.config, sections: site.sections, count: site.stories.length, story: (index) => site.stories[index]!}
}

export interface StoryCard {
  url: string
  headline: string
  /** `YYYY-MM-DD` or null. */
  date: string | null
  dateText: string | null
  shortDate: string | null
  /** The byline as written; null for a desk's byline (`Reuters Videos`), which its source link names. */
  byline: string | null
  authors: TermRef[]
  /** The source page the story is from: its publisher (`The Motley Fool`), else its dateline's agency. */
  source: TermRef | null
  /** A video transcript, marked as such on cards and its page. */
  video: boolean
  /** `SEOUL, South Korea (AP)`, `(Bloomberg)`, or null. */
  dateline: string | null
  excerpt: string
  readingText: string
  commentsText: string | null
  tags: TermRef[]
  /** The line above the headline: the story's section, else `topic`. */
  kicker: TermRef | null
  /** Its top place or organisation tag: the kicker where the section goes without saying (a section's page). */
  topic: TermRef | null
  /** The other stories of its event, each by its provider (`Reuters`), else `another version`. */
  more: Array<{url: string; name: string}>
}

export interface StoryLink {
  url: string
  headline: string
  shortDate: string | null
  date: string | null
}

export interface RecommendedView {
  title: string
  summary: string
  source: string | null
  /** Site-relative URL of the story we hold with this title, else null. */
  url: string | null
}

export interface StoryView extends StoryCard {
  agency: TermRef | null
  /** The other stories of its event, as links. */
  alsoReported: StoryLink[]
  bodyHtml: string
  footer: TextSegment[][]
  /** Reporting, editing and contributing lines, as written. */
  credits: string[]
  recommended: RecommendedView[]
  recommendedFrom: StoryLink[]
  related: StoryLink[]
  older: StoryLink | null
  newer: StoryLink | null
}

/** A story's card, with the other stories of its event named under it. */
export function eventCard(site: PageSite, story: Story): StoryCard {
  const card = storyCard(story)
  card.more = story.event.map((index) => {
    const other = site.story(index)
    return {url: other.url, name: (other.publisher ?? other.agency)?.name ?? 'another version'}
  })
  return card
}

export function storyCard(story: Story): StoryCard {
  return {
    url: story.url,
    headline: story.headline,
    date: story.date,
    dateText: story.date === null ? null : dateInWords(story.date),
    shortDate: story.date === null ? null : shortDate(story.date),
    // `Reuters Videos` names the desk its source link already names.
    byline: story.authors.length === 0 && story.publisher !== null ? null : story.byline,
    authors: story.authors,
    source: story.publisher ?? story.agency,
    video: story.kind === 'video',
    dateline: datelineText(story),
    excerpt: story.excerpt,
    readingText: `${story.readingMinutes} min read`,
    commentsText: commentsText(story.commentCount),
    tags: story.tags,
    kicker: story.section ?? topicOf(story),
    topic: topicOf(story),
    more: []
  }
}

function topicOf(story: Story): TermRef | null {
  return story.tags.find((tag) => tag.kind === 'place' || tag.kind === 'org') ?? null
}

export function storyLink(story: Story): StoryLink {
  return {
    url: story.url,
    headline: story.headline,
    date: story.date,
    shortDate: story.date === null ? null : shortDate(story.date)
  }
}

/** `bodies`: where the story's footer and teasers are. */
export function storyView(site: PageSite, bodies: BodyStore, story: Story, card: StoryCard, bodyHtml: string): StoryView {
  const link = (index: number | null): StoryLink | null => (index === null ? null : storyLink(site.story(index)))
  const links = (indices: readonly number[]): StoryLink[] =>
    indices.map(link).filter((l): l is StoryLink => l !== null)
  return {
    ...card,
    agency: story.agency,
    bodyHtml,
    footer: bodies.footer(story.index).filter((line) => line.trim() !== '').map(linkifyText),
    credits: story.credits.map((credit) => credit.text),
    recommended: recommendedViews(bodies.recommended(story.index), site.config.recommended, link),
    recommendedFrom: links(story.recommendedFrom),
    alsoReported: links(story.event),
    related: links(story.related),
    older: link(story.older),
    newer: link(story.newer)
  }
}

/**
 * The teasers a story page shows: those that link to a story we hold first, in their order, then,
 * unless the config says otherwise, the rest, which the page shows compactly.
 */
function recommendedViews(teasers: readonly RecommendedLink[], show: SiteConfig['recommended'], link: (index: number | null) => StoryLink | null): RecommendedView[] {
  if (show === 'none') return []
  const views = teasers.map((teaser) => ({title: teaser.title, summary: teaser.summary, source: teaser.source, url: link(teaser.story)?.url ?? null}))
  const linked = views.filter((view) => view.url !== null)
  return show === 'linked' ? linked : [...linked, ...views.filter((view) => view.url === null)]
}

function datelineText(story: Story): string | null {
  const dateline = story.dateline
  if (dateline === null) return null
  if (dateline.agency === null) return dateline.place
  return dateline.place === '' ? `(${dateline.agency})` : `${dateline.place} (${dateline.agency})`
}

function commentsText(count: number | null): string | null {
  if (count === null) return null
  return count === 1 ? '1 comment' : `${count} comments`
}
