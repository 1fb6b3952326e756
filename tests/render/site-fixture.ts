// Hand-built site models for the render tests, independent of model/site.ts: a small factory that
// buckets stories into days, months and years and collects terms the way the model contract says.
import type {Day, Month, RecommendedLink, SiteConfig, Story, TagKind, Templates, Term, TermRef, Year} from '../../src/model/types.ts'
import {SiteBodies} from '../../src/model/bodies.ts'
import type {SiteWithBodies} from '../../src/model/site.ts'
import {bundledTemplates, readTemplates} from '../../src/read/templates.ts'
import {slugify} from '../../src/model/slug.ts'
import {defaultConfig} from '../../src/model/config.ts'

/** Every file under templates/, as the reader passes them to the renderer. */
export function loadTemplates(): Templates {
  return readTemplates(bundledTemplates)
}

export const testConfig: SiteConfig = {...defaultConfig, title: 'The Test Gazette', description: 'News from the fixtures.'}

export interface StorySpec {
  headline: string
  date: string | null
  authors?: string[]
  byline?: string | null
  tags?: string[]
  agency?: string | null
  place?: string
  paragraphs?: string[]
  footer?: string[]
  excerpt?: string
  commentCount?: number | null
  recommended?: Array<{title: string; summary?: string; source?: string | null; story?: number | null}>
  related?: number[]
  section?: string
  /** The other stories of its event. */
  event?: number[]
}

/** The fixtures' tags that name places; any other tag is a front-matter topic. */
const PLACES = new Set(['North Korea', 'Russia', 'South Korea', 'United States', 'Ukraine'])

function tagKind(name: string): TagKind {
  return PLACES.has(name) ? 'place' : 'topic'
}

/** Specs must already be in site order: dated newest first, then undated. */
export function makeSite(specs: StorySpec[], config: Partial<SiteConfig> = {}): SiteWithBodies {
  const terms = {tags: new Map<string, Term>(), authors: new Map<string, Term>(), sources: new Map<string, Term>(), sections: new Map<string, Term>()}
  const ref = (kind: keyof typeof terms, name: string, story: number): TermRef => {
    const slug = slugify(name)
    let term = terms[kind].get(slug)
    if (!term) {
      term = {name, slug, url: `${kind}/${slug}/`, stories: []}
      terms[kind].set(slug, term)
    }
    term.stories.push(story)
    return {name: term.name, slug: term.slug, url: term.url}
  }
  const used = new Set<string>()
  const recommendeds: RecommendedLink[][] = []
  const stories: Story[] = specs.map((spec, index) => {
    const folder = spec.date === null ? 'stories/' : `${spec.date.replaceAll('-', '/')}/`
    const base = slugify(spec.headline) || 'story'
    let slug = base
    for (let n = 2; used.has(folder + slug); n++) slug = `${base}-${n}`
    used.add(folder + slug)
    const agency = spec.agency ?? null
    const recommended: RecommendedLink[] = (spec.recommended ?? []).map((r) => ({
      title: r.title,
      summary: r.summary ?? '',
      source: r.source ?? null,
      story: r.story ?? null
    }))
    recommendeds.push(recommended)
    return {
      index,
      source: `${String(index).padStart(3, '0')}.txt`,
      format: 'scraped',
      headline: spec.headline,
      date: spec.date,
      slug,
      url: `${folder}${slug}/`,
      byline: spec.byline ?? (spec.authors ? spec.authors.join(' and ') : null),
      authors: (spec.authors ?? []).map((a) => ref('authors', a, index)),
      publisher: null,
      kind: 'article',
      dateline: spec.place ? {place: spec.place, agency} : null,
      agency: agency === null ? null : ref('sources', agency, index),
      commentCount: spec.commentCount ?? null,
      readingMinutes: 3,
      credits: [],
      boilerplate: [],
      excerpt: spec.excerpt ?? `The first paragraph of ${spec.headline}.`,
      tags: (spec.tags ?? []).map((t) => ({...ref('tags', t, index), kind: tagKind(t)})),
      section: spec.section === undefined ? null : ref('sections', spec.section, index),
      importance: specs.length - index,
      event: spec.event ?? [],
      recommendedFrom: [],
      related: spec.related ?? [],
      older: null,
      newer: null
    }
  })
  for (const story of stories) {
    for (const r of recommendeds[story.index]!) if (r.story !== null) stories[r.story]?.recommendedFrom.push(story.index)
  }
  const dated = stories.filter((s) => s.date !== null)
  dated.forEach((story, i) => {
    story.newer = dated[i - 1]?.index ?? null
    story.older = dated[i + 1]?.index ?? null
  })
  const days: Day[] = []
  for (const story of dated) {
    const last = days.at(-1)
    if (last?.date === story.date) last.stories.push(story.index)
    else days.push({date: story.date!, stories: [story.index]})
  }
  const years: Year[] = []
  for (const day of days) {
    const y = day.date.slice(0, 4)
    const m = day.date.slice(0, 7)
    let year = years.at(-1)
    if (year?.year !== y) years.push((year = {year: y, months: [], count: 0}))
    let month: Month | undefined = year.months.at(-1)
    if (month?.month !== m) year.months.push((month = {month: m, days: [], count: 0}))
    month.days.push(day)
    month.count += day.stories.length
    year.count += day.stories.length
  }
  const list = (map: Map<string, Term>) =>
    [...map.values()].sort((a, b) => b.stories.length - a.stories.length || (a.slug < b.slug ? -1 : 1))
  const bodies = new SiteBodies({
    paragraphs: specs.map((spec) => spec.paragraphs ?? [`${spec.place ? `${spec.place} — ` : ''}The first paragraph of ${spec.headline}.`, 'A second paragraph.']),
    footer: specs.map((spec) => spec.footer ?? []),
    recommended: recommendeds
  })
  const site = {
    config: {...testConfig, ...config},
    stories,
    days,
    years,
    undated: stories.filter((s) => s.date === null).map((s) => s.index),
    tags: list(terms.tags).map((term) => ({...term, kind: tagKind(term.name)})),
    sections: [...terms.sections.values()],
    authors: list(terms.authors),
    sources: list(terms.sources)
  }
  return {site, bodies}
}

/** A small newsroom day: the seed's story, a hostile one, an older one and an undated one. */
export function sampleSite(config: Partial<SiteConfig> = {}): SiteWithBodies {
  return makeSite(
    [
      {
        headline: 'N. Korea slams US for raising alleged arms supply to Russia',
        date: '2022-11-08',
        authors: ['Hyung-Jin Kim', 'Kim Tong-Hyung'],
        byline: 'HYUNG-JIN KIM and KIM TONG-HYUNG',
        tags: ['North Korea', 'Russia'],
        place: 'SEOUL, South Korea',
        agency: 'AP',
        commentCount: 19,
        footer: ['Follow AP’s coverage of the Asia-Pacific region at https://apnews.com/hub/asia-pacific.', 'Not a link: javascript:alert(1)'],
        recommended: [
          {title: 'Seoul says drills will go on', summary: 'SEOUL (Reuters) - The drills go on.', source: 'Reuters', story: 2},
          {title: 'G20 host Indonesia has strong impression Putin will skip Bali summit', summary: 'Putin may miss it.', source: 'FT'}
        ],
        related: [2]
      },
      {
        headline: '</script><script>alert("headline")</script> & <b>bold</b>',
        date: '2022-11-08',
        authors: ['<img src=x onerror=alert(1)> "Mallory"'],
        tags: ['"><svg onload=alert(1)>', 'Russia'],
        excerpt: 'Teaser <script>alert("excerpt")</script> \u2028 done',
        paragraphs: ['Body with <script>alert("body")</script> and [a link](javascript:alert(1)).'],
        recommended: [{title: '<i>teaser</i> "quoted"', summary: '<b>summary</b>', source: '<u>src</u>'}]
      },
      {
        headline: 'Seoul says drills will go on',
        date: '2022-11-07',
        authors: ['Kim Tong-Hyung'],
        tags: ['North Korea'],
        place: 'SEOUL',
        agency: 'Reuters'
      },
      {headline: 'A story with no date', date: null, tags: ['Russia']}
    ],
    config
  )
}
