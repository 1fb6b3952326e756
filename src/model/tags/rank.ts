// How likely an editor is to index a candidate: a logistic model over what the story and the site
// say of the name (where the story names it, how often, what kind of name it is, how many stories
// of the site name it). Its weights (rank-weights.ts) are fitted to the 150 labelled BBC stories by
// `npm run train:tags` (scripts/train-tags.ts), which also prints the cross-validated score: the
// hand-set ranking it replaced (headline 4, lead 2, a paragraph 1, a mention 0.5, a floor for
// places) scored F1 0.706 on those stories; this model, fitted to four fifths of them and scored on
// the fifth left out (five times), 0.732, with more of every kind found.
import type {Evidence, Mention} from './mentions.ts'
import {NOT_IN_BODY} from './mentions.ts'
import {WEIGHTS} from './rank-weights.ts'

/** What ranking reads of a candidate. */
export interface Ranked {
  mention: Pick<Mention, 'headline' | 'lead' | 'count' | 'paragraphs' | 'first' | 'key'>
  kind: Evidence
  aliased: boolean
  /** How many stories of the site name it. */
  stories: number
}

/** The model's inputs, by name; WEIGHTS gives one weight for each, in this order. */
export const FEATURES = [
  'bias', 'in headline', 'in lead', 'paragraphs', 'log mentions', 'first in paragraph 2-3', 'first in paragraph 4-6',
  'first later', 'headline only', 'person', 'place', 'alias table', 'log stories', 'several words', 'spread',
  'log salience rank', 'log candidates', 'place × paragraphs', 'place × headline', 'person × lead', 'place × log stories',
  'named once'
] as const

/**
 * Each candidate's score is the model's log-odds that an editor would index it, less its kind's
 * threshold: a story's tags are its candidates scoring at least 0, best first, up to tags.max.
 * One threshold for every kind scores best, cross-validated on the labelled stories (npm run
 * train:tags): at -1.25, F1 0.732, with 0.909 of the people, 0.785 of the places and 0.817 of the
 * organisations found; -1.2 and -1.3 gave 0.730 and 0.731; places at -1 (a stricter threshold,
 * as an editor indexes a city named in passing less readily) 0.728, with 0.732 of the places.
 */
export const THRESHOLDS: Readonly<Record<'person' | 'place' | 'org', number>> = {person: -1.25, place: -1.25, org: -1.25}

/**
 * How much a story is about a name: in its headline, in its lead, all through it, often. Also the
 * order the model's `log salience rank` reads.
 */
export function salience(mention: Pick<Mention, 'headline' | 'lead' | 'count' | 'paragraphs'>): number {
  return 4 * Math.min(mention.headline, 1) + 2 * Math.min(mention.lead, 1) + mention.paragraphs + 0.5 * Math.min(mention.count, 8)
}

/**
 * The features of each of a story's candidates, in FEATURES order: candidate i's are
 * `[i * FEATURES.length, (i + 1) * FEATURES.length)`. One array a story, not one a candidate: a
 * build ranks every candidate of every story (about 40 a story, four million at 100,000 stories).
 */
export function featuresOf(candidates: readonly Ranked[]): Float64Array {
  const saliences = candidates.map((candidate) => salience(candidate.mention))
  // How many candidates are more salient than each salience: where it first comes in descending order.
  const above = new Map<number, number>()
  ;[...saliences].sort((a, b) => b - a).forEach((value, i) => above.has(value) || above.set(value, i))
  // A loop, not Math.max(...): a story may name more names than a call takes arguments.
  let spreadest = 1
  for (const candidate of candidates) spreadest = Math.max(spreadest, candidate.mention.paragraphs)
  const logCandidates = Math.log1p(candidates.length) / 3
  const features = new Float64Array(candidates.length * FEATURES.length)
  // Written in place, each candidate's FEATURES.length values in order after the one before's:
  // no array of its own for each candidate.
  let at = 0
  const put = (value: number) => {
    features[at++] = value
  }
  candidates.forEach(({mention, kind, aliased, stories}, i) => {
    const {first} = mention
    const person = kind === 'person' ? 1 : 0
    const place = kind === 'place' ? 1 : 0
    const headline = mention.headline > 0 ? 1 : 0
    const lead = mention.lead > 0 ? 1 : 0
    const logStories = Math.log1p(stories) / 3
    const rank = above.get(saliences[i]!)!
    put(1), put(headline), put(lead), put(Math.min(mention.paragraphs, 10) / 5), put(Math.log1p(mention.count))
    put(first >= 1 && first <= 2 ? 1 : 0), put(first >= 3 && first <= 5 ? 1 : 0), put(first >= 6 && first < NOT_IN_BODY ? 1 : 0), put(first === NOT_IN_BODY ? 1 : 0)
    put(person), put(place), put(aliased ? 1 : 0), put(logStories), put(mention.key.includes(' ') ? 1 : 0)
    put(mention.paragraphs / spreadest), put(Math.log1p(rank)), put(logCandidates)
    put((place * mention.paragraphs) / 5), put(place * headline), put(person * lead), put(place * logStories)
    put(mention.count === 1 ? 1 : 0)
  })
  return features
}

/** Each candidate's log-odds of being indexed, less its kind's threshold (tags are those at 0 or more). */
export function tagScores(candidates: readonly Ranked[], weights: readonly number[] = WEIGHTS): number[] {
  const features = featuresOf(candidates)
  const width = FEATURES.length
  return candidates.map(({kind}, i) => {
    let z = 0
    for (let k = 0; k < width; k++) z += features[i * width + k]! * weights[k]!
    return z - THRESHOLDS[kind === 'place' || kind === 'org' ? kind : 'person']
  })
}
