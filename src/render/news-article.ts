// schema.org NewsArticle for a story page, as script-safe JSON.
import type {Site, Story, TagKind} from '../model/types.ts'
import {scriptJson} from './json-ld.ts'

const SCHEMA_TYPES: Record<Exclude<TagKind, 'topic'>, string> = {person: 'Person', place: 'Place', org: 'Organization'}

export function newsArticle(site: Pick<Site, 'config'>, story: Story): string {
  const {baseUrl, title, language} = site.config
  const absolute = (url: string) => (baseUrl === null ? undefined : new URL(url, baseUrl).href)
  // A byline of a desk (`Reuters Videos`) is its publisher, an organisation, never a person.
  const authors =
    story.authors.length > 0
      ? story.authors.map((a) => ({'@type': 'Person', name: a.name, url: absolute(a.url)}))
      : story.publisher !== null
        ? [{'@type': 'Organization', name: story.publisher.name, url: absolute(story.publisher.url)}]
        : story.byline === null
          ? undefined
          : [{'@type': 'Person', name: story.byline}]
  // What the story is about: its people, places and organisations; a front matter's topics are keywords only.
  const about = story.tags.flatMap((tag) => (tag.kind === 'topic' ? [] : [{'@type': SCHEMA_TYPES[tag.kind], name: tag.name, url: absolute(tag.url)}]))
  // JSON.stringify drops the undefined fields, so a site without a base URL states no URLs.
  return scriptJson({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    description: story.excerpt,
    datePublished: story.date ?? undefined,
    inLanguage: language,
    author: authors,
    publisher: {'@type': 'Organization', name: title},
    keywords: story.tags.length > 0 ? story.tags.map((t) => t.name).join(', ') : undefined,
    about: about.length > 0 ? about : undefined,
    url: absolute(story.url),
    mainEntityOfPage: absolute(story.url),
    commentCount: story.commentCount ?? undefined
  })
}
