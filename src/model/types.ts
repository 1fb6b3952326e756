// Types that cross steps: read → parse → model → render → write.
// Everything here is plain data (JSON-serialisable) so that it can cross a worker boundary
// or be stored in the build cache unchanged; but `BodyStore`, an interface that holders of story
// bodies implement.

export type Severity = 'error' | 'warning'

/** A problem found in one input file. `line` is 1-based; 0 means "the file as a whole". */
export interface Diagnostic {
  severity: Severity
  line: number
  message: string
}

/** `SEOUL, South Korea (AP) — ` at the start of the body. */
export interface Dateline {
  /** `SEOUL, South Korea`; empty when the dateline names only an agency: `(Bloomberg) --`, `(CNN) —`. */
  place: string
  /** `AP`, `Reuters`...; null when the dateline names no agency (`LONDON — `). */
  agency: string | null
}

/** One item of a `Recommended Stories` block. */
export interface Teaser {
  title: string
  /** Cleaned summary text; empty string when the teaser has none. */
  summary: string
  /** Agency named by the summary's opening (`SEOUL (Reuters) -`) or a title suffix (` - FT`). */
  source: string | null
}

/** Which of the input shapes a file had (parse/shape.ts). */
export type InputFormat = 'scraped' | 'plain' | 'markdown' | 'email'

/** A written story, or the transcript of a video report (a `STORY:` opening, a `Reuters Videos` byline). */
export type StoryKind = 'article' | 'video'

/** A line the parser took out of the body, and the provider rule that took it (parse/providers.ts). */
export interface TakenLine {
  /** 1-based line of the file. */
  line: number
  text: string
  /** `Provider/rule`: `Bloomberg/most-read`, `Reuters/reporting`, `any/copyright`. */
  rule: string
}

/** One parsed input file: what `parse(text, source)` returns when the file is usable. */
export interface Article {
  /** The path as given to the parser (relative to the content folder in builds). */
  source: string
  format: InputFormat
  headline: string
  /** Calendar day as written, `YYYY-MM-DD`, or null. Never a Date: no time zone can move it. */
  date: string | null
  /** Cleaned slug (see model/slug.ts); not yet made unique across the site. */
  slug: string
  byline: string | null
  /** Display names of people: ALL-CAPS bylines are title-cased, mixed case is kept. Never an agency or publisher. */
  authors: string[]
  /**
   * The provider profile (parse/providers.ts) the story comes from, as its byline (`Keith Speights,
   * The Motley Fool`, `Reuters Videos`), its dateline's agency or a provider's rule says; null when
   * nothing says.
   */
  publisher: string | null
  kind: StoryKind
  commentCount: number | null
  /** Stated reading time, else words / 230 rounded up (at least 1). */
  readingMinutes: number
  dateline: Dateline | null
  /** Body paragraph sources, Markdown. The dateline stays in the first one. */
  paragraphs: string[]
  /** Lines after the `___` rule, without it. */
  footer: string[]
  /** Reporting, editing, contributing and assistance lines, taken from the body. */
  credits: TakenLine[]
  /** Lines taken out of the body and not shown: promos, copyright lines, captions, slug lines. */
  boilerplate: TakenLine[]
  recommended: Teaser[]
  /** Front-matter tags, as given. */
  tags: string[]
  draft: boolean
  /** Front-matter `summary`, else null. */
  summary: string | null
  /** Front-matter `section`, else null (the section then comes from the file's folder: model/sections.ts). */
  section: string | null
  diagnostics: Diagnostic[]
}

/** `parse()` never throws: it returns an article, or the diagnostics that stopped it. */
export type ParseResult =
  | {ok: true; article: Article}
  | {
      ok: false
      source: string
      diagnostics: Diagnostic[]
      /**
       * Set when the file is no article at all and is left out on purpose (parse/shape.ts): why, as
       * the build report's `skipped` says it (`an HTML page, not an article`). Not an error.
       */
      skipped?: string
    }

// ---------------------------------------------------------------------------
// Configuration (broadsheet.config.json), validated by model/config.ts.

// Provider profiles (parse/providers.ts has the built-in ones; a site adds its own under `providers`).
/** What a rule takes a body paragraph as. */
export type RuleTakes = 'boilerplate' | 'credit'

/**
 * Where a rule may fire. `end`: only in the run of paragraphs at the end of the body that rules
 * take (a copyright line mid-story is a quotation); `top`: in the first two paragraphs; `anywhere`.
 */
export type RuleWhere = 'top' | 'end' | 'anywhere'

/**
 * How much a rule takes: the paragraph it matched; `list`, also the short title-like paragraphs
 * after it (a "Most Read" heading and its headlines, at most eight); `rest`, it and everything after
 * it (a closing promo and its disclosure).
 */
export type RuleExtent = 'paragraph' | 'list' | 'rest'

export interface ProviderRule {
  /** Unique within its profile; shown as `Profile/name` in the parse output and `check --explain`. */
  name: string
  /** A regular expression source, matched case-insensitively against the whole paragraph. */
  pattern: string
  takes: RuleTakes
  where: RuleWhere
  /** Default `paragraph`. */
  extent?: RuleExtent
}

export interface ProviderProfile {
  /** The profile's name, and the publisher name a story of it shows. */
  name: string
  /**
   * How bylines and datelines write it, compared case-insensitively: `Keith Speights, The Motley
   * Fool` and `Reuters Videos` name a publisher, not a person.
   */
  names: string[]
  rules: ProviderRule[]
}

export interface TagsConfig {
  /** Derived tags kept per story. Default 8. */
  max: number
  /** A tag is listed in the tags index when at least this many stories carry it. Default 2. */
  minStories: number
  /** Spelling → canonical tag name, on top of the built-in table. */
  aliases: Record<string, string>
  /** Terms never used as tags (compared case-insensitively). */
  stop: string[]
}

/**
 * A section of the site as `sections` in the config sets it up. A story's section comes from its
 * front matter's `section`, else from its first folder under the content folder; sections the
 * config does not name are kept, after the named ones, under the folder's name.
 */
export interface SectionConfig {
  /** The section's name as readers see it. */
  name: string
  /** Folders and front-matter `section` values that belong to it, compared by slug. Default: the name. */
  from: string[]
  /** A hidden section has no page, no place in the section bar and is no kicker; its stories stay everywhere else. */
  hidden: boolean
}

export interface SiteConfig {
  title: string
  description: string
  /**
   * Absolute URL of the site root with a trailing slash, or null. Feeds and the sitemap need
   * absolute URLs, so without it they are not written (the build says so once).
   */
  baseUrl: string | null
  /** Items in each feed (the site's, and each tag's, section's, author's and source's). Default 20. */
  feedSize: number
  /** BCP 47 tag for `<html lang>`. Default `en`. */
  language: string
  /** Items per list page (tags, authors, sources, archives). Default 20. */
  pageSize: number
  /** Days per digest page on the home page. Default 7. */
  homeDays: number
  /** Files larger than this are an error for that file. Default 5 MB. */
  maxFileBytes: number
  tags: TagsConfig
  /**
   * Which Recommended Stories teasers a story page shows: `all` (those that link to a story we hold
   * first, the rest compactly), `linked` (only those), or `none`. Default `all`.
   */
  recommended: 'all' | 'linked' | 'none'
  /** The sections, in the order of the section bar. Default none: every folder is a section, A to Z. */
  sections: SectionConfig[]
  /** The site's own provider profiles: one named as a built-in replaces it, others are added. Default none. */
  providers: ProviderProfile[]
  /**
   * Links between pages end in `index.html` (`../tags/x/index.html`), so that the output folder
   * works opened from disk (`file://`). Default false: links end in the folder (`../tags/x/`).
   */
  fileUrls: boolean
}

// ---------------------------------------------------------------------------
// The site model: what model/ computes from the articles and render/ turns into pages.
// Cross-references are indices into `Site.stories`, so the model stays a tree of plain data.

/**
 * What a tag names: a person, a place or an organisation the tagger found in the story, or a
 * topic the story's front matter gave.
 */
export type TagKind = 'person' | 'place' | 'org' | 'topic'

/** One of a story's tags, before it is a page: its display name and kind. */
export interface StoryTag {
  name: string
  kind: TagKind
}

/** A link target: a tag, author or source page. */
export interface TermRef {
  name: string
  slug: string
  /** Site-relative URL with a trailing slash and no leading one: `tags/north-korea/`. */
  url: string
}

export interface Term extends TermRef {
  /** Story indices, newest first. */
  stories: number[]
}

export interface TagRef extends TermRef {
  kind: TagKind
}

export interface TagTerm extends Term {
  kind: TagKind
}

export interface RecommendedLink extends Teaser {
  /** Index of the story we hold with this title, or null. */
  story: number | null
}

export interface Story {
  index: number
  source: string
  format: InputFormat
  headline: string
  date: string | null
  /** Unique within its day (or among undated stories). */
  slug: string
  /** `2022/11/08/<slug>/` or `stories/<slug>/`. */
  url: string
  byline: string | null
  authors: TermRef[]
  /** The source page of the article's publisher, when it names one. */
  publisher: TermRef | null
  kind: StoryKind
  dateline: Dateline | null
  /** The agency page for the dateline's agency, when there is one. */
  agency: TermRef | null
  commentCount: number | null
  readingMinutes: number
  /** The article's credit lines: shown at the foot of the story. */
  credits: TakenLine[]
  /** Lines taken out of the body: not shown, listed in the build report. */
  boilerplate: TakenLine[]
  /** Front-matter summary, else the first two sentences of the body, as plain text. */
  excerpt: string
  tags: TagRef[]
  /** The section page it is on; null when it has none, or its section is hidden. */
  section: TermRef | null
  /** How important it is within its day (model/importance.ts): the site's order within a day. */
  importance: number
  /**
   * The other stories of its event (model/events.ts: the same text again, or the same news from
   * another provider), in site order. Lists show an event once, as its first story in site order.
   */
  event: number[]
  /** Stories whose recommended block links here. */
  recommendedFrom: number[]
  /** Up to five, best first. */
  related: number[]
  /** The next older and next newer dated story, in publication order: by date, then importance. */
  older: number | null
  newer: number | null
}

/**
 * A story's body: what only its own page shows, and the site's feeds its paragraphs. Most of a
 * site's memory, so it is kept apart from `Story`, in a `BodyStore`.
 */
export type BodyPart = 'paragraphs' | 'footer' | 'recommended'

/** Story bodies as plain data, by story index, null where the holder has none: what a render thread is sent. */
export interface BodyParts {
  /** Body paragraph sources, Markdown. The dateline stays in the first one. */
  paragraphs: Array<readonly string[] | null>
  /** Lines after the `___` rule. */
  footer: Array<readonly string[] | null>
  /** The Recommended Stories block, each teaser with the story we hold of that title. */
  recommended: Array<readonly RecommendedLink[] | null>
}

/**
 * The bodies of a site's stories, by story index (`Story.index`). Each step of a build holds only
 * the bodies it needs: the full build all of them, until each story's page is written (model/
 * bodies.ts); a render thread, those of the stories whose pages it makes, and the main thread the
 * paragraphs the site's feeds show (threads/render-pool.ts); the bodies path, the bodies an edit
 * changed and the footers and teasers of the last build's snapshot (cache/site-snapshot.ts).
 *
 * A store answers with what the article had, an empty list when it had none. Asked for a part of
 * story i that it does not hold (one it was never given, or one released) it throws an Error that
 * names the story and why; it never answers an empty list instead, which would publish a blank
 * story. That is the only time a store throws.
 */
export interface BodyStore {
  paragraphs(index: number): readonly string[]
  footer(index: number): readonly string[]
  recommended(index: number): readonly RecommendedLink[]
  /**
   * Lets go of story i's body once nothing will read it (its page is written); reading a part of it
   * afterwards throws, but for what the store says it keeps (a render thread, the feeds' paragraphs).
   */
  release(index: number): void
}

export interface Day {
  /** `YYYY-MM-DD` */
  date: string
  /** In site order; one story an event (its first). */
  stories: number[]
}

export interface Month {
  /** `YYYY-MM` */
  month: string
  days: Day[]
  count: number
}

export interface Year {
  /** `YYYY` */
  year: string
  months: Month[]
  count: number
}

export interface Site {
  config: SiteConfig
  /** Dated stories newest first (date, then importance, then source), then undated ones (importance, then source). */
  stories: Story[]
  /** Days that have stories, newest first. */
  days: Day[]
  /** Years newest first, months and days inside newest first. */
  years: Year[]
  /** Indices of the undated stories, one an event (its first). */
  undated: number[]
  /** Most used first, then by name. */
  tags: TagTerm[]
  /** Visible sections in the order of the section bar, each with its stories in site order, one an event. */
  sections: Term[]
  authors: Term[]
  sources: Term[]
}

// ---------------------------------------------------------------------------
// Output.

/** One file of the built site: a path relative to the output folder, and its bytes. */
export interface OutputFile {
  path: string
  content: string | Uint8Array
}

/**
 * A file of the site before it is rendered. Equal keys give equal bytes, so an incremental
 * build renders again only the files whose key changed.
 */
export interface PendingFile {
  path: string
  /** Everything the content is made from, serialised; null where making the file is cheaper than keying it. */
  key: string | null
  render: () => string | Uint8Array
  /**
   * The story whose body the file shows (its page), or `several` (the site's feeds). Threads share
   * pages by this, so that a thread needs the bodies of only its own stories.
   */
  body?: number | 'several'
}

/**
 * The templates folder in memory, by path relative to it: Liquid templates as text, and the files
 * under `assets/` as their bytes, since they are copied as they are and may be images or fonts.
 */
export type Templates = Record<string, string | Uint8Array>

/** What `--report FILE` writes, and what the summary line counts. */
export interface BuildReport {
  /** Each story with what its file was read as, and every line taken out of its body. */
  stories: Array<{source: string; url: string; headline: string; date: string | null; publisher: string | null; kind: StoryKind; credits: TakenLine[]; boilerplate: TakenLine[]}>
  errors: Array<{source: string; line: number; message: string}>
  warnings: Array<{source: string; line: number; message: string}>
  duplicates: Array<{source: string; sameAs: string}>
  skipped: Array<{source: string; reason: string}>
}
