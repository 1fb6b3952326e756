// The tags index as a newspaper prints one: people, places, organisations and topics, each by
// letter, with every tag's number of stories, over as many pages as it takes. Only tags that
// `tags.minStories` stories share are listed; a tag on fewer stays on its stories and its page.
import type {TagKind, TagTerm} from '../model/types.ts'
import {byCodeUnit} from '../text/compare.ts'

/** Tags a page of the index holds: at 24 px a line in three columns, about 1,800 px of list. */
export const TAGS_PER_INDEX_PAGE = 240

const KIND_ORDER: readonly TagKind[] = ['person', 'place', 'org', 'topic']

/** A tag kind as a reader names it: the kicker on a tag's page, the heading of its index group. */
export const KIND_LABELS: Readonly<Record<TagKind, {one: string; many: string; id: string}>> = {
  person: {one: 'Person', many: 'People', id: 'people'},
  place: {one: 'Place', many: 'Places', id: 'places'},
  org: {one: 'Organisation', many: 'Organisations', id: 'organisations'},
  topic: {one: 'Topic', many: 'Topics', id: 'topics'}
}

export interface IndexEntry {
  name: string
  url: string
  count: number
}

export interface LetterGroup {
  letter: string
  /** The anchor on its page: `people-a`. */
  id: string
  terms: IndexEntry[]
}

export interface KindGroup {
  kind: TagKind
  label: string
  id: string
  letters: LetterGroup[]
}

export interface TagIndex {
  /** Each page's groups, in order; a kind or a letter cut by a page break goes on on the next. */
  pages: KindGroup[][]
  /** Every kind with tags listed, its count, and each of its letters with the page it starts on. */
  kinds: Array<{kind: TagKind; label: string; id: string; count: number; page: number; letters: Array<{letter: string; id: string; page: number}>}>
  listed: number
  /** Tags on fewer stories than the index asks for. */
  unlisted: number
}

export function tagIndex(tags: readonly TagTerm[], minStories: number, perPage = TAGS_PER_INDEX_PAGE): TagIndex {
  const listed = tags.filter((tag) => tag.stories.length >= minStories)
  const ordered = [...listed].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || byCodeUnit(sortKey(a.name), sortKey(b.name)) || byCodeUnit(a.slug, b.slug))
  const pages: KindGroup[][] = []
  const kinds: TagIndex['kinds'] = []
  ordered.forEach((tag, i) => {
    const pageIndex = Math.floor(i / perPage)
    const page = (pages[pageIndex] ??= [])
    const label = KIND_LABELS[tag.kind]
    let group = page.at(-1)
    if (group?.kind !== tag.kind) page.push((group = {kind: tag.kind, label: label.many, id: label.id, letters: []}))
    let kind = kinds.at(-1)
    if (kind?.kind !== tag.kind) kinds.push((kind = {kind: tag.kind, label: label.many, id: label.id, count: 0, page: pageIndex + 1, letters: []}))
    kind.count++
    const letter = initial(tag.name)
    const id = `${label.id}-${letter === '#' ? 'other' : letter.toLowerCase()}`
    let letters = group.letters.at(-1)
    if (letters?.letter !== letter) group.letters.push((letters = {letter, id, terms: []}))
    if (kind.letters.at(-1)?.letter !== letter) kind.letters.push({letter, id, page: pageIndex + 1})
    letters.terms.push({name: tag.name, url: tag.url, count: tag.stories.length})
  })
  return {pages: pages.length === 0 ? [[]] : pages, kinds, listed: listed.length, unlisted: tags.length - listed.length}
}

/** `Édith Piaf` under E, `3M` under #. */
function initial(name: string): string {
  const first = sortKey(name).charAt(0).toUpperCase()
  return /^[A-Z]$/.test(first) ? first : '#'
}

function sortKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

