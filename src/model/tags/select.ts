// Corpus-wide choices: what each name is (its kind), how it is shown, which person a surname alone
// or a short form stands for, and each story's best few as the ranker (tags/rank.ts) scores them.
// Deterministic: every tie is broken by name.
import type {StoryTag, TagKind, TagsConfig} from '../types.ts'
import {COMMON_ABBREVIATIONS, definedAbbreviation} from './abbreviations.ts'
import {foldKey} from './fold.ts'
import {lexicalKind} from './lexicon.ts'
import type {Evidence, Mention} from './mentions.ts'
import {NOT_IN_BODY, spellingTable} from './mentions.ts'
import {byCodeUnit} from '../../text/compare.ts'
import {tagScores} from './rank.ts'
import {unpackCounts, unpackMentions, type PackedMentions} from './packed.ts'

export interface StoryMentions {
  /** Front-matter tags: kept as given, first, and never repeated by a derived tag. */
  front: readonly string[]
  mentions: PackedMentions
}

type Config = Pick<TagsConfig, 'max'>

interface TermInfo {
  kind: Evidence
  aliased: boolean
  display: string
  stories: number
}

/** A short form stands for a full name only when this share of the stories that define it agree. */
const DEFINITION_DOMINANCE = 0.75

/**
 * Each story's candidates are unpacked, and folded, once for each pass that reads them, and let go
 * of at once: all of them as objects at a time would be the peak of a large build's memory.
 */
export function selectTags(stories: readonly StoryMentions[], config: Config): StoryTag[][] {
  return eachStoryCandidates(stories, (story, candidates) => chooseTags(story.front, candidates, config))
}

/** What a story's tags are chosen from: a name it gives, and what the site says that name is. */
export interface Candidate {
  mention: Mention
  kind: Evidence
  aliased: boolean
  display: string
  /** How many stories of the site name it. */
  stories: number
}

/** Each story's candidates (front-matter tags taken out), for the tag ranker's training (scripts/train-tags.ts). */
export function storyCandidates(stories: readonly StoryMentions[]): Candidate[][] {
  return eachStoryCandidates(stories, (_story, candidates) => candidates)
}

function eachStoryCandidates<T>(stories: readonly StoryMentions[], each: (story: StoryMentions, candidates: Candidate[]) => T): T[] {
  const definitions = new Map<string, Map<string, number>>()
  const written = describe(stories, (story) => unpackMentions(story.mentions), definitions)
  const defined = commonDefinitions(definitions)
  const fold = (mentions: readonly Mention[]) => foldCorpusSurnames(foldShortForms(foldAbbreviations(mentions, defined, written), written), written)
  const terms = describe(stories, (story) => fold(unpackMentions(story.mentions)))
  // Ranking reads counts, not spellings.
  // `Brown` alone where the site names Gordon Brown and Nick Brown: no one can tell which, so no
  // tag; nor for a first name alone (`Anil`, where the site names Anil Ambani and no one surnamed Anil).
  const firstNames = new Set<string>()
  for (const [key, term] of written) if (term.kind === 'person' && key.includes(' ')) firstNames.add(key.slice(0, key.indexOf(' ')))
  const sharedSurname = (key: string) => fullNames(written).get(key) === null || (firstNames.has(key) && !fullNames(written).has(key))
  return stories.map((story) => each(story, candidatesOf(story.front, fold(unpackCounts(story.mentions)), terms, sharedSurname)))
}

function isEntity(term: TermInfo | undefined): term is TermInfo {
  return term !== undefined && (term.aliased || term.kind === 'person' || term.kind === 'place' || term.kind === 'org')
}

/** What the stories say of one name: each kind's votes, all votes, and every spelling's count. */
interface Tally {
  place: number
  org: number
  person: number
  firstName: number
  stories: number
  aliased: boolean
  spellings: Map<string, number>
}

/**
 * What the stories say of each name. `definitions` collects the abbreviations stories define
 * (tags/abbreviations.ts): short form's key → each full name's key → how many stories define it so.
 */
function describe(stories: readonly StoryMentions[], mentionsOf: (story: StoryMentions) => readonly Mention[], definitions?: Map<string, Map<string, number>>): Map<string, TermInfo> {
  // One map lookup a mention: at 10,000 stories there are about half a million.
  const tallies = new Map<string, Tally>()
  for (const story of stories) {
    for (const mention of mentionsOf(story)) {
      let tally = tallies.get(mention.key)
      if (tally === undefined) {
        tally = {place: 0, org: 0, person: 0, firstName: 0, stories: 0, aliased: false, spellings: new Map()}
        tallies.set(mention.key, tally)
      }
      if (mention.kind !== null) tally[mention.kind]++
      tally.stories++
      if (mention.aliased) tally.aliased = true
      const {spellings} = tally
      for (const spelling in mention.spellings) {
        const abbreviation = definedAbbreviation(spelling)
        if (abbreviation === null) spellings.set(spelling, (spellings.get(spelling) ?? 0) + mention.spellings[spelling]!)
        else if (definitions !== undefined) {
          const short = foldKey(abbreviation)
          const names = definitions.get(short) ?? new Map<string, number>()
          definitions.set(short, names.set(mention.key, (names.get(mention.key) ?? 0) + 1))
        }
      }
    }
  }
  const terms = new Map<string, TermInfo>()
  for (const [key, tally] of tallies) {
    terms.set(key, {kind: winningKind(tally), aliased: tally.aliased, display: mostFrequent(tally.spellings), stories: tally.stories})
  }
  return terms
}

const KIND_ORDER = ['place', 'org', 'person', 'firstName'] as const

/** Most stories' evidence wins; `null` (no evidence) never outvotes evidence. */
function winningKind(tally: Tally): Evidence {
  let best: Evidence = null
  let bestVotes = 0
  for (const kind of KIND_ORDER) {
    if (tally[kind] > bestVotes) {
      best = kind
      bestVotes = tally[kind]
    }
  }
  return best
}

function mostFrequent(counts: ReadonlyMap<string, number>): string {
  let best = ''
  let bestCount = -1
  for (const [spelling, n] of counts) {
    if (n > bestCount || (n === bestCount && byCodeUnit(spelling, best) < 0)) {
      best = spelling
      bestCount = n
    }
  }
  return best
}

/**
 * Each short form's full name, where the stories that define it mostly agree (`Office of National
 * Statistics` once against `Office for National Statistics` five times); null where they do not.
 */
function commonDefinitions(definitions: ReadonlyMap<string, ReadonlyMap<string, number>>): Map<string, string | null> {
  const defined = new Map<string, string | null>()
  for (const [short, names] of definitions) {
    const total = [...names.values()].reduce((sum, n) => sum + n, 0)
    const [best] = [...names].sort((a, b) => b[1] - a[1] || byCodeUnit(a[0], b[0]))
    defined.set(short, best !== undefined && best[1] >= DEFINITION_DOMINANCE * total ? best[0] : null)
  }
  return defined
}

/** The built-in short forms (tags/abbreviations.ts) by key, each with its bodies' keys and names. */
const COMMON = new Map(
  Object.entries(COMMON_ABBREVIATIONS).map(([short, names]) => [foldKey(short), names.map((name) => ({key: foldKey(name), name}))])
)

/**
 * `ONS` in a story that never spells it out: the full name the site mostly defines it as, else the
 * built-in table's body that this story names, else the one the site names most.
 */
function foldAbbreviations(mentions: readonly Mention[], defined: ReadonlyMap<string, string | null>, written: ReadonlyMap<string, TermInfo>): readonly Mention[] {
  if (!mentions.some((mention) => typeof defined.get(mention.key) === 'string' || COMMON.has(mention.key))) return mentions
  const byKey = new Map(mentions.map((m) => [m.key, m]))
  for (const mention of mentions) {
    const learned = defined.get(mention.key)
    const builtIn = learned === undefined ? commonBody(mention.key, byKey, written) : null
    const target = typeof learned === 'string' ? learned : builtIn?.key
    if (target === undefined || target === mention.key) continue
    const existing = byKey.get(target)
    const merged: Mention =
      existing !== undefined
        ? {...existing, count: existing.count + mention.count, lead: existing.lead + mention.lead, headline: existing.headline + mention.headline, paragraphs: Math.max(existing.paragraphs, mention.paragraphs), first: Math.min(existing.first, mention.first)}
        : builtIn !== null
          ? {...mention, key: target, kind: 'org', aliased: true, spellings: Object.assign(spellingTable(), {[builtIn.name]: mention.count})}
          : // Shown as the full name the site defines, not as the short form (`FAO`) it folds in.
            {...mention, key: target, spellings: spellingTable()}
    byKey.set(target, merged)
    byKey.delete(mention.key)
  }
  return [...byKey.values()]
}

function commonBody(key: string, story: ReadonlyMap<string, Mention>, written: ReadonlyMap<string, TermInfo>): {key: string; name: string} | null {
  const bodies = COMMON.get(key)
  if (bodies === undefined) return null
  return bodies.find((body) => story.has(body.key)) ?? [...bodies].sort((a, b) => (written.get(b.key)?.stories ?? 0) - (written.get(a.key)?.stories ?? 0))[0] ?? null
}

/**
 * One body named two ways in one story: `TimeWarner` beside `Time Warner` (the same letters), or
 * `United` and `Commission` beside `Manchester United` and `European Commission` (the last word of
 * the one organisation the story names in full with it). People are left to the surname rules and
 * places alone (`Korea` beside `North Korea` and `South Korea` is neither).
 */
function foldShortForms(mentions: readonly Mention[], written: ReadonlyMap<string, TermInfo>): readonly Mention[] {
  const full = mentions.filter((mention) => mention.key.includes(' '))
  if (full.length === 0) return mentions
  const byKey = new Map(mentions.map((m) => [m.key, m]))
  for (const mention of mentions) {
    if (mention.key.includes(' ') || mention.aliased) continue
    const kind = written.get(mention.key)?.kind
    if (kind === 'person' || kind === 'firstName' || kind === 'place') continue
    const sameLetters = full.filter((other) => other.key.replaceAll(' ', '') === mention.key)
    const endingIn = full.filter((other) => other.key.endsWith(` ${mention.key}`) && written.get(other.key)?.kind === 'org')
    // `Jet` beside `Jet Airways`, `Mercedes` beside `Mercedes Benz`: a company's first word, used
    // as its short form once the story has named it in full, no more often than in full (`Nintendo`
    // named all through a story about the `Nintendo DS` is the company, not the console).
    const startingWith = full.filter(
      (other) => other.key.startsWith(`${mention.key} `) && written.get(other.key)?.kind === 'org' && other.first <= mention.first && other.count >= mention.count
    )
    const targets = sameLetters.length > 0 ? sameLetters : endingIn.length > 0 ? endingIn : startingWith
    if (targets.length !== 1) continue
    const target = byKey.get(targets[0]!.key)!
    byKey.set(target.key, {...target, count: target.count + mention.count, lead: target.lead + mention.lead, headline: target.headline + mention.headline, paragraphs: Math.max(target.paragraphs, mention.paragraphs), first: Math.min(target.first, mention.first)})
    byKey.delete(mention.key)
  }
  return byKey.size === mentions.length ? mentions : [...byKey.values()]
}

/** `Blair` in a story that never says `Tony Blair`, when he is the only Blair the site names in full. */
function foldCorpusSurnames(mentions: readonly Mention[], terms: ReadonlyMap<string, TermInfo>): Mention[] {
  const byKey = new Map(mentions.map((m) => [m.key, m]))
  // Each name's own object is left as it was: a name that others fold into is copied once, the
  // first time, and only its counts change.
  const copied = new Set<Mention>()
  for (const mention of mentions) {
    const term = terms.get(mention.key)
    if (mention.key.includes(' ') || term === undefined || term.aliased) continue
    // Only a name known to be a person's (`Mr Blair`) stands for a full name across stories.
    if (term.kind !== 'person' && term.kind !== 'firstName') continue
    const target = soleFullName(mention.key, terms)
    if (target === null) continue
    const existing = byKey.get(target)
    const merged: Mention =
      existing === undefined ? {key: target, spellings: {}, kind: 'person', aliased: false, headline: 0, lead: 0, count: 0, paragraphs: 0, first: NOT_IN_BODY} : copied.has(existing) ? existing : {...existing}
    copied.add(merged)
    merged.headline += mention.headline
    merged.lead += mention.lead
    merged.count += mention.count
    merged.paragraphs = Math.max(merged.paragraphs, mention.paragraphs)
    merged.first = Math.min(merged.first, mention.first)
    byKey.set(target, merged)
    byKey.delete(mention.key)
  }
  return [...byKey.values()]
}

const fullNameIndex = new WeakMap<ReadonlyMap<string, TermInfo>, Map<string, string | null>>()

function soleFullName(surname: string, terms: ReadonlyMap<string, TermInfo>): string | null {
  return fullNames(terms).get(surname) ?? null
}

/** Each surname of the site's full names: the one full name that ends in it, or null when several do. */
function fullNames(terms: ReadonlyMap<string, TermInfo>): Map<string, string | null> {
  let index = fullNameIndex.get(terms)
  if (index === undefined) {
    index = buildFullNameIndex(terms)
    fullNameIndex.set(terms, index)
  }
  return index
}

function buildFullNameIndex(terms: ReadonlyMap<string, TermInfo>): Map<string, string | null> {
  const bySurname = new Map<string, Array<[string, number]>>()
  for (const [key, term] of terms) {
    if (term.kind !== 'person' || !key.includes(' ')) continue
    const surname = key.slice(key.lastIndexOf(' ') + 1)
    bySurname.set(surname, [...(bySurname.get(surname) ?? []), [key, term.stories]])
  }
  const index = new Map<string, string | null>()
  for (const [surname, names] of bySurname) {
    // Two people who share a surname stay two: a story that names only `Brown` is left as it is.
    index.set(surname, names.length === 1 ? names[0]![0] : null)
  }
  return index
}

function candidatesOf(
  front: readonly string[],
  mentions: readonly Mention[],
  terms: ReadonlyMap<string, TermInfo>,
  sharedSurname: (key: string) => boolean
): Candidate[] {
  const taken = new Set(front.map((tag) => tag.toLowerCase()))
  const candidates: Candidate[] = []
  for (const mention of mentions) {
    const term = terms.get(mention.key)
    if (!isEntity(term) || taken.has(term.display.toLowerCase())) continue
    if (term.kind === 'person' && !term.aliased && (sharedSurname(mention.key) || lexicalKind(mention.key) === 'firstName')) continue
    candidates.push({mention, kind: term.kind, aliased: term.aliased, display: term.display, stories: term.stories})
  }
  return candidates
}

function chooseTags(front: readonly string[], candidates: readonly Candidate[], config: Config): StoryTag[] {
  return [...front.map((name): StoryTag => ({name, kind: 'topic'})), ...pickTags(candidates, tagScores(candidates), config.max)]
}

/**
 * The candidates an editor would index, by the ranker's scores (tags/rank.ts): those at 0 or more,
 * best first, up to `max`; a story with candidates gets its best one whatever it scores.
 */
export function pickTags(candidates: readonly Candidate[], scores: readonly number[], max: number): StoryTag[] {
  const order = candidates
    .map((candidate, i) => ({candidate, score: scores[i]!}))
    .sort((a, b) => b.score - a.score || b.candidate.mention.count - a.candidate.mention.count || byCodeUnit(a.candidate.display, b.candidate.display))
  const derived: StoryTag[] = []
  for (const {candidate, score} of order) {
    if (derived.length >= max) break
    if (score < 0 && derived.length > 0) continue
    if (!derived.some((tag) => tag.name === candidate.display)) derived.push({name: candidate.display, kind: tagKind(candidate.kind)})
  }
  return derived
}

function tagKind(kind: Evidence): TagKind {
  return kind === 'place' || kind === 'org' ? kind : 'person'
}
