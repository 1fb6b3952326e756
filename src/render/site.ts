// The site model → every output file, one at a time, so the writer can stream 10,000 pages to
// disk without holding them. Pure: the same site and templates always give the same bytes.
import {createHash} from 'node:crypto'
import type {BodyStore, Day, Month, OutputFile, PendingFile, Site, Story, TagTerm, Templates, Term, Year} from '../model/types.ts'
import {storyCount} from '../text/count.ts'
import {dateInWords, monthInWords, monthName, monthWeeks, type CalendarCell} from './dates.ts'
import {atomFeed, atomFeedStories, feedStories, hasFeeds, jsonFeed, rssFeed, siteFeedStories, type FeedSpec} from './feeds/index.ts'
import {pageHead, type HeadInput} from './head.ts'
import {newsArticle} from './news-article.ts'
import {notFoundHead} from './not-found.ts'
import {withFileUrls} from './file-urls.ts'
import {renderBody} from './markdown.ts'
import {chunk, fileFor, pageUrl, paginationView} from './pagination.ts'
import {fixedFile, lazyFile} from './fixed-file.ts'
import {robotsTxt, sitemapXml, type SitemapEntry} from './sitemap.ts'
import {createRenderer} from './liquid/engine.ts'
import {frontPage} from './front-page.ts'
import {KIND_LABELS, tagIndex} from './tag-index.ts'
import {eventCard, pageSite, storyView, type PageSite, type StoryCard, type StoryView} from './views.ts'
import {byCodeUnit} from '../text/compare.ts'

type PageInput = Omit<HeadInput, 'url' | 'path'>
type ViewOf = (root: string) => object

interface TermKind {
  folder: 'tags' | 'authors' | 'sources'
  singular: string
  plural: string
  terms: Term[]
  describe: (name: string) => string
  /** The line under a term's name on its page. */
  lede: (term: Term) => string
}

/**
 * Every file of the site but the search index (search/index.ts), each with the key it is made
 * from and rendered only on demand, so an incremental build renders just the pages whose key
 * changed, and threads that share the pages make only their own. Nothing costly happens until a
 * file's key or content is asked for; the search index is one computation, so it is kept apart
 * for a single thread to make. `bodies` is read for the pages (and feeds) made: a thread's store
 * need hold only the bodies of the files it makes (`PendingFile.body`).
 */
export function* sitePages(site: Site, bodies: BodyStore, templates: Templates): Generator<PendingFile> {
  const {config} = site
  const storySite = pageSite(site)
  const {renderer, siteView, sitemap, page, card, cardsOf, cardKey} = pageMaker(storySite, templates)
  const feeds = hasFeeds(config)
  const siteFeed = siteFeedStories(site)

  for (const [name, content] of Object.entries(templates).sort(([a], [b]) => byCodeUnit(a, b))) {
    // Assets come as bytes (read/templates.ts), to be copied as they are.
    if (typeof content !== 'string') yield fixedFile(name, content)
  }

  // The digest: `homeDays` days a page, newest first.
  const dayPages = chunk(site.days, config.homeDays)
  for (const [i, days] of dayPages.entries()) {
    const n = i + 1
    const front = n === 1 ? frontPage(site, days.map((day) => site.days.indexOf(day)), config.pageSize) : null
    const sectionsOf = (show: (index: number) => unknown) =>
      (front?.sections ?? []).map(({section, stories}) => {
        const {name, url, stories: all} = site.sections[section]!
        return {name, url, count: all.length, stories: stories.map(show)}
      })
    const undatedOf = (show: (index: number) => unknown) =>
      front !== null && front.undated.length > 0 ? {count: site.undated.length, url: 'undated/', stories: front.undated.map(show)} : null
    yield page(
      pageUrl('', n),
      'home.liquid',
      {
        title: n === 1 ? config.title : `Page ${n}`,
        description: config.description,
        nav: n === 1 ? 'home' : null,
        mastheadIsHeading: n === 1,
        edition: n === 1 && site.days[0] ? {date: site.days[0].date, dateText: dateInWords(site.days[0].date)} : null
      },
      (root) => ({
        pageNumber: n,
        lead: front?.lead == null ? null : card(front.lead),
        days: days.map((day) => ({...dayLabel(day.date), stories: cardsOf(day.stories)})),
        sections: sectionsOf(card),
        undated: undatedOf(card),
        pagination: paginationView('', n, dayPages.length, root)
      }),
      null,
      (root) => ({
        pageNumber: n,
        lead: front?.lead == null ? null : cardKey(front.lead),
        days: days.map((day) => ({...dayLabel(day.date), stories: day.stories.map(cardKey)})),
        sections: sectionsOf(cardKey),
        undated: undatedOf(cardKey),
        pagination: paginationView('', n, dayPages.length, root)
      })
    )
  }

  for (const story of site.stories) yield storyPage(storySite, bodies, page, card, story)

  for (const year of site.years) {
    yield* yearPages(year)
  }

  yield page(
    'archive/',
    'archive.liquid',
    {title: 'Archive', description: `Every day of ${config.title}, by year and month.`, nav: 'archive', breadcrumbs: [home, {name: 'Archive', url: null}]},
    () => ({
      years: site.years.map((year) => ({year: year.year, url: `${year.year}/`, count: year.count, months: year.months.map(monthCalendar)})),
      undated: site.undated.length > 0 ? {count: site.undated.length, url: 'undated/'} : null
    })
  )

  // Search runs in the reader's browser over the index the write step adds (search/index.ts).
  yield page(
    'search/',
    'search.liquid',
    {title: 'Search', description: `Search every story in ${config.title}.`, breadcrumbs: [home, {name: 'Search', url: null}]},
    // A site opened from disk cannot fetch its index: the page says it needs a web server.
    () => (config.fileUrls ? {fileUrls: true} : {})
  )

  if (site.undated.length > 0) {
    yield* listPages('undated/', 'list.liquid', site.undated, (n) => ({
      title: n === 1 ? 'Undated stories' : `Undated stories, page ${n}`,
      description: `Stories in ${config.title} that carry no date.`,
      breadcrumbs: [home, {name: 'Undated stories', url: null}]
    }), {heading: 'Undated stories', kicker: null, lede: 'Stories whose files carry no date.', feed: null})
  }

  const count = (term: Term) => storyCount(term.stories.length)
  const kinds: TermKind[] = [
    {
      folder: 'tags',
      singular: 'Tag',
      plural: 'Tags',
      terms: site.tags,
      describe: (name) => `Stories tagged “${name}”.`,
      lede: (term) => `${KIND_LABELS[(term as TagTerm).kind].one} · ${count(term)}`
    },
    {folder: 'authors', singular: 'Author', plural: 'Authors', terms: site.authors, describe: (name) => `Stories by ${name}.`, lede: count},
    {folder: 'sources', singular: 'Source', plural: 'Sources', terms: site.sources, describe: (name) => `Stories from ${name}.`, lede: count}
  ]
  for (const kind of kinds) yield* termPages(kind)
  for (const section of site.sections) yield* sectionPages(section)

  const feedSpec = (path: string, stories: Story[]): FeedSpec => ({
    path,
    title: config.title,
    description: config.description,
    homeUrl: '',
    stories,
    content: (story) => renderBody(bodies.paragraphs(story.index), story.format)
  })
  if (feeds) {
    yield {...lazyFile('feed.xml', () => rssFeed(site, feedSpec('feed.xml', siteFeed))), body: 'several'}
    const atomStories = atomFeedStories(site)
    if (atomStories.length > 0) yield {...lazyFile('atom.xml', () => atomFeed(site, feedSpec('atom.xml', atomStories))!), body: 'several'}
    yield {...lazyFile('feed.json', () => jsonFeed(site, feedSpec('feed.json', siteFeed))), body: 'several'}
  }

  // A 404 page is served at any missing address, where a relative root would point elsewhere:
  // root-relative links from the base URL's path, else a page that finds its root (not-found.ts).
  yield lazyFile('404.html', () => {
    const head = pageHead(config, {url: '404.html', path: '404.html', title: 'Page not found', description: config.description})
    const notFound = notFoundHead(config, head, templates, sitemap.map((entry) => entry.url))
    return renderer.render('404.liquid', {site: siteView, page: notFound, root: notFound.root})
  })
  if (feeds) yield lazyFile('sitemap.xml', () => sitemapXml(config, sitemap))
  yield fixedFile('robots.txt', robotsTxt(config))

  // --- page families -------------------------------------------------------------------------

  function* yearPages(year: Year): Generator<PendingFile> {
    for (const month of year.months) {
      for (const day of month.days) {
        const label = dayLabel(day.date)
        yield* listPages(`${label.url}`, 'list.liquid', day.stories, (n) => ({
          title: n === 1 ? label.dateText : `${label.dateText}, page ${n}`,
          description: `Stories from ${label.dateText}.`,
          breadcrumbs: dateCrumbs(day.date, false)
        }), {heading: label.dateText, kicker: 'Day', lede: storyCount(day.stories.length), feed: null}, day.date)
      }
      yield* monthPages(month)
    }
    yield page(
      `${year.year}/`,
      'year.liquid',
      {title: year.year, description: `${storyCount(year.count)} from ${year.year}.`, breadcrumbs: [home, {name: year.year, url: null}]},
      () => ({year: {year: year.year, count: year.count, countText: storyCount(year.count), months: year.months.map(monthCalendar)}})
    )
  }

  function* monthPages(month: Month): Generator<PendingFile> {
    const url = `${month.month.replace('-', '/')}/`
    const title = monthInWords(month.month)
    const entries = month.days.flatMap((day) => day.stories.map((index) => ({day, index})))
    const pages = chunk(entries, config.pageSize)
    const [y] = month.month.split('-')
    for (const [i, entries] of pages.entries()) {
      const n = i + 1
      yield page(
        pageUrl(url, n),
        'month.liquid',
        {
          title: n === 1 ? title : `${title}, page ${n}`,
          description: `${storyCount(month.count)} from ${title}.`,
          breadcrumbs: [home, {name: y ?? '', url: `${y}/`}, {name: monthName(month.month), url: null}]
        },
        (root) => ({
          month: {month: month.month, title, count: month.count, countText: storyCount(month.count), calendar: monthCalendar(month)},
          groups: groupByDay(entries, card),
          pagination: paginationView(url, n, pages.length, root)
        }),
        null,
        (root) => ({
          month: {month: month.month, title, count: month.count, countText: storyCount(month.count), calendar: monthCalendar(month)},
          groups: groupByDay(entries, cardKey),
          pagination: paginationView(url, n, pages.length, root)
        })
      )
    }
  }

  function* termPages(kind: TermKind): Generator<PendingFile> {
    if (kind.folder === 'tags') yield* tagIndexPages()
    else {
      yield page(
        `${kind.folder}/`,
        'terms.liquid',
        {
          title: kind.plural,
          description: `Every ${kind.singular.toLowerCase()} in ${config.title}, with its number of stories.`,
          breadcrumbs: [home, {name: kind.plural, url: null}]
        },
        () => ({
          heading: kind.plural,
          kind: kind.folder,
          lede: `${kind.terms.length} in all, most stories first.`,
          terms: kind.terms.map((t) => ({name: t.name, url: t.url, count: t.stories.length}))
        })
      )
    }
    for (const term of kind.terms) {
      const feedPath = `${term.url}feed.xml`
      const hasFeed = feeds
      yield* listPages(term.url, 'list.liquid', term.stories, (n) => ({
        title: n === 1 ? term.name : `${term.name}, page ${n}`,
        description: kind.describe(term.name),
        breadcrumbs: [home, {name: kind.plural, url: `${kind.folder}/`}, {name: term.name, url: null}],
        feed: hasFeed ? {url: feedPath, title: `${config.title} — ${term.name}`} : null
      }), {heading: term.name, kicker: kind.singular, lede: kind.lede(term), feed: hasFeed ? feedPath : null})
      if (hasFeed) {
        const stories = feedStories(site, term.stories)
        yield {
          path: feedPath,
          // What rssFeed reads of each story: its body is not in a tag feed.
          get key() {
            return JSON.stringify([config, feedPath, term.name, stories.map((s) => [s.url, s.headline, s.date, s.excerpt, s.authors, s.tags])])
          },
          render: () =>
            rssFeed(site, {
              path: feedPath,
              title: `${config.title} — ${term.name}`,
              description: kind.describe(term.name),
              homeUrl: term.url,
              stories,
              // Tag feeds carry excerpts: full bodies for every tag would render each story many times.
              content: () => null
            })
        }
      }
    }
  }

  /** A section: its stories, newest first and the most important first within a day, with a feed. */
  function* sectionPages(section: Term): Generator<PendingFile> {
    const feedPath = `${section.url}feed.xml`
    const describe = `The latest ${section.name} stories in ${config.title}.`
    yield* listPages(section.url, 'list.liquid', section.stories, (n) => ({
      title: n === 1 ? section.name : `${section.name}, page ${n}`,
      description: describe,
      nav: `section:${section.slug}`,
      breadcrumbs: [home, {name: section.name, url: null}],
      feed: feeds ? {url: feedPath, title: `${config.title} — ${section.name}`} : null
    }), {heading: section.name, kicker: 'Section', lede: storyCount(section.stories.length), feed: feeds ? feedPath : null, inSection: true})
    if (!feeds) return
    const stories = feedStories(site, section.stories)
    yield {
      path: feedPath,
      get key() {
        return JSON.stringify([config, feedPath, section.name, stories.map((s) => [s.url, s.headline, s.date, s.excerpt, s.authors, s.tags])])
      },
      // Section feeds carry excerpts, as tag feeds do: the site's own feeds carry the bodies.
      render: () => rssFeed(site, {path: feedPath, title: `${config.title} — ${section.name}`, description: describe, homeUrl: section.url, stories, content: () => null})
    }
  }

  /** The tags index: by kind, then letter, paginated (render/tag-index.ts). */
  function* tagIndexPages(): Generator<PendingFile> {
    const index = tagIndex(site.tags, config.tags.minStories)
    const lede =
      `${index.listed} tags on ${config.tags.minStories} or more stories` +
      (index.unlisted > 0 ? `; ${index.unlisted} more, each on fewer, are on their stories’ pages.` : '.')
    for (const [i, groups] of index.pages.entries()) {
      const n = i + 1
      yield page(
        pageUrl('tags/', n),
        'terms.liquid',
        {
          title: n === 1 ? 'Tags' : `Tags, page ${n}`,
          description: `Every tag in ${config.title}: people, places, organisations and topics, with their number of stories.`,
          nav: 'tags',
          breadcrumbs: [home, {name: 'Tags', url: null}]
        },
        (root) => ({
          heading: 'Tags',
          kind: 'tags',
          lede,
          pageNumber: n,
          // Each letter's link leads to the page it starts on.
          kinds: index.kinds.map((kind) => ({
            ...kind,
            url: `${kind.page === n ? '' : `${root}${pageUrl('tags/', kind.page)}`}#${kind.id}`,
            letters: kind.letters.map((letter) => ({...letter, url: `${letter.page === n ? '' : `${root}${pageUrl('tags/', letter.page)}`}#${letter.id}`}))
          })),
          groups,
          terms: groups.flatMap((group) => group.letters.flatMap((letter) => letter.terms)),
          pagination: paginationView('tags/', n, index.pages.length, root)
        })
      )
    }
  }

  function* listPages(
    url: string,
    template: string,
    indices: readonly number[],
    head: (n: number) => PageInput,
    list: {heading: string; kicker: string | null; lede: string | null; feed: string | null; inSection?: boolean},
    lastmod: string | null = null
  ): Generator<PendingFile> {
    const pages = chunk(indices, config.pageSize)
    for (const [i, slice] of pages.entries()) {
      const n = i + 1
      yield page(
        pageUrl(url, n),
        template,
        head(n),
        (root) => ({
          list: {...list, pageNumber: n},
          stories: cardsOf(slice),
          pagination: paginationView(url, n, pages.length, root)
        }),
        lastmod,
        (root) => ({
          list: {...list, pageNumber: n},
          stories: slice.map(cardKey),
          pagination: paginationView(url, n, pages.length, root)
        })
      )
    }
  }

  /** @param show a story's card, or its card's digest in a page key. */
  function groupByDay<T>(entries: Array<{day: Day; index: number}>, show: (index: number) => T) {
    const groups: Array<{date: string; dateText: string; url: string; stories: T[]}> = []
    for (const {day, index} of entries) {
      let group = groups.at(-1)
      if (group?.date !== day.date) {
        group = {...dayLabel(day.date), stories: []}
        groups.push(group)
      }
      group.stories.push(show(index))
    }
    return groups
  }
}

/** The pages of these stories alone, as `sitePages` makes them: for a build that changed only their bodies. */
export function storyPages(site: PageSite, bodies: BodyStore, templates: Templates, indices: readonly number[]): PendingFile[] {
  const {page, card} = pageMaker(site, templates)
  return indices.map((index) => storyPage(site, bodies, page, card, site.story(index)))
}

function storyPage(site: PageSite, bodies: BodyStore, page: PageMaker['page'], card: PageMaker['card'], story: Story): PendingFile {
  // Made once for the key and the page, which a cached build asks for one after the other.
  let withoutBody: StoryView | undefined
  const view = () => (withoutBody ??= storyView(site, bodies, story, card(story.index), ''))
  return page(
    story.url,
    'story.liquid',
    {
      title: story.headline,
      description: story.excerpt,
      ogType: 'article',
      breadcrumbs: storyCrumbs(story),
      jsonLd: newsArticle(site, story),
      published: story.date
    },
    () => ({story: {...view(), bodyHtml: renderBody(bodies.paragraphs(story.index), story.format)}}),
    story.date,
    () => ({story: view(), body: digestOf(bodies.paragraphs(story.index))}),
    story.index
  )
}

type PageMaker = ReturnType<typeof pageMaker>

/** What every page of a site is made with: the renderer, the site's own view, the cards. */
function pageMaker(site: PageSite, templates: Templates) {
  const {config} = site
  const renderer = createRenderer(templates)
  // What a page's Liquid can read of the templates folder (assets are bytes it never parses): in
  // every page's key, so that a template change renders the pages again and keeps the rest of the
  // last build (its search index, feeds and assets), whose manifest it no longer throws away.
  const liquid = digestOf(Object.entries(templates).sort(([a], [b]) => byCodeUnit(a, b)).flatMap(([name, content]) => (typeof content === 'string' ? [name, content] : [])))
  const siteView = {
    // The section bar: every visible section, in the configured order.
    sections: site.sections.map((section) => ({name: section.name, url: section.url, nav: `section:${section.slug}`})),
    title: config.title,
    description: config.description,
    language: config.language,
    // Which site feeds exist (feeds/index.ts): none without a base URL, Atom only with a dated story.
    feeds: hasFeeds(config) ? {atom: site.count > 0 && site.story(0).date !== null} : null
  }
  const sitemap: SitemapEntry[] = []
  // `fileUrls`: links name index.html files, for a site opened from disk (file-urls.ts).
  const links = config.fileUrls ? withFileUrls : (html: string) => html

  const cards: Array<StoryCard | undefined> = []
  const card = (index: number): StoryCard => (cards[index] ??= eventCard(site, site.story(index)))
  const cardsOf = (indices: readonly number[]) => indices.map(card)
  // A card in a page key is its digest: a card listed on a dozen pages is serialised once.
  const cardDigests: Array<string | undefined> = []
  const cardKey = (index: number): string => (cardDigests[index] ??= digestOf([JSON.stringify(card(index))]))

  /**
   * A page and its key: the template name and every value the template will see. `keyView`
   * stands in for `view` in the key where the view is costly to build (a story's body HTML).
   */
  function page(
    url: string,
    template: string,
    input: PageInput,
    view: ViewOf,
    lastmod: string | null = null,
    keyView: ViewOf = view,
    body?: number
  ): PendingFile {
    const path = fileFor(url)
    const head = pageHead(config, {...input, url, path})
    sitemap.push({url, lastmod})
    return {
      path,
      // A getter: when pages are shared among threads, each thread keys only the pages it writes.
      get key() {
        return JSON.stringify([liquid, template, siteView, head, keyView(head.root), ...(config.fileUrls ? ['file-urls'] : [])])
      },
      render: () => links(renderer.render(template, {...view(head.root), site: siteView, page: head, root: head.root})),
      ...(body === undefined ? {} : {body})
    }
  }

  return {renderer, siteView, sitemap, page, card, cardsOf, cardKey}
}

const home = {name: 'Home', url: ''}

/**
 * Parts of a page key held as a digest (a story's body, a card), so keying 10,000 pages does not
 * copy every story's text into 10,000 strings. Each part goes in with its length, so no two
 * different lists of parts give the same input.
 */
function digestOf(parts: readonly string[]): string {
  const hash = createHash('sha1')
  for (const part of parts) hash.update(`${part.length}:`).update(part)
  return hash.digest('base64url')
}

function dayLabel(date: string): {date: string; dateText: string; url: string} {
  return {date, dateText: dateInWords(date), url: `${date.replaceAll('-', '/')}/`}
}

function storyCrumbs(story: Story): Array<{name: string; url: string | null}> {
  if (story.date === null) return [home, {name: 'Undated stories', url: 'undated/'}]
  return dateCrumbs(story.date, true)
}

/** Home › 2022 › November › 8; the day is a link on story pages and the current page on its own. */
function dateCrumbs(date: string, dayIsLink: boolean): Array<{name: string; url: string | null}> {
  const [y, m, d] = date.split('-')
  return [
    home,
    {name: y ?? '', url: `${y}/`},
    {name: monthName(`${y}-${m}`), url: `${y}/${m}/`},
    {name: String(Number(d)), url: dayIsLink ? `${y}/${m}/${d}/` : null}
  ]
}

interface MonthCalendar {
  month: string
  name: string
  title: string
  url: string
  count: number
  countText: string
  weeks: Array<Array<(CalendarCell & {url: string | null}) | null>>
}

function monthCalendar(month: Month): MonthCalendar {
  const counts = new Map(month.days.map((d) => [d.date, d.stories.length]))
  return {
    month: month.month,
    name: monthName(month.month),
    title: monthInWords(month.month),
    url: `${month.month.replace('-', '/')}/`,
    count: month.count,
    countText: storyCount(month.count),
    weeks: monthWeeks(month.month, counts).map((week) =>
      week.map((cell) => (cell === null ? null : {...cell, url: cell.count > 0 ? `${cell.date.replaceAll('-', '/')}/` : null}))
    )
  }
}
