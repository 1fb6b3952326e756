// Scores derived tags against an editor's labels: micro precision, recall and F1 over all labelled
// stories, and recall by kind. Matching is lenient, as an editor reads an index:
// - case, accents, punctuation and a leading "the" are ignored (`U.S.` = `US`, `Café` = `cafe`), and
//   British and American spellings of -isation are one (`Organisation` = `Organization`);
// - the tagger's own alias table applies to both sides (`UK` = `United Kingdom`, `Labour` = `Labour Party`);
// - a one-word name matches a longer person name ending in it (`Obama` = `Barack Obama`);
// - each label and each tag is matched at most once in a story.
import {createVocabulary} from '../../src/model/tags/index.ts'

export type LabelKind = 'people' | 'places' | 'organisations'
export const LABEL_KINDS: readonly LabelKind[] = ['people', 'places', 'organisations']

/** One story's labels, as `tests/corpus/fixtures/tag-labels.json` holds them. */
export interface Labels {
  file: string
  people: string[]
  places: string[]
  organisations: string[]
}

export interface Score {
  stories: number
  tags: number
  labels: number
  matched: number
  precision: number
  recall: number
  f1: number
  /** Labels of each kind, and how many of them a tag matched. */
  byKind: Record<LabelKind, {labels: number; matched: number; recall: number}>
}

const vocabulary = createVocabulary({aliases: {}, stop: []})

/** A name as the comparison sees it. */
export function normalise(name: string): string {
  const canonical = vocabulary.canonical(name)?.name ?? name
  return canonical
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’,-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/isation\b/g, 'ization')
}

export function matches(tag: string, label: string, kind: LabelKind): boolean {
  if (tag === label) return true
  if (kind !== 'people') return false
  const [short, long] = tag.length < label.length ? [tag, label] : [label, tag]
  return !short.includes(' ') && long.endsWith(` ${short}`)
}

/** `tagsOf(file)` gives the derived tags of the story labelled `file`. */
export function score(labelled: readonly Labels[], tagsOf: (file: string) => readonly string[]): Score {
  const byKind = Object.fromEntries(LABEL_KINDS.map((kind) => [kind, {labels: 0, matched: 0, recall: 0}])) as Score['byKind']
  let tags = 0
  let labels = 0
  let matched = 0
  for (const story of labelled) {
    const unused = [...new Set(tagsOf(story.file).map(normalise))]
    tags += unused.length
    for (const kind of LABEL_KINDS) {
      for (const label of new Set(story[kind].map(normalise))) {
        labels++
        byKind[kind].labels++
        const at = unused.findIndex((tag) => matches(tag, label, kind))
        if (at === -1) continue
        unused.splice(at, 1)
        matched++
        byKind[kind].matched++
      }
    }
  }
  for (const kind of LABEL_KINDS) byKind[kind].recall = ratio(byKind[kind].matched, byKind[kind].labels)
  const precision = ratio(matched, tags)
  const recall = ratio(matched, labels)
  return {stories: labelled.length, tags, labels, matched, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), byKind}
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b
}
