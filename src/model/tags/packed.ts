// A story's tag candidates as a build holds them for the whole corpus, from parsing to the choice
// of tags. As objects (a Mention and a spelling table each, and two strings) they took about 215
// bytes a candidate: 51 MB at 10,000 stories, half a gigabyte at 100,000. Two flat arrays whose
// strings the vocabulary shares across stories take about a sixth of that, and are as plain for
// the cache's JSON.
import type {Evidence, Mention} from './mentions.ts'

export interface PackedMentions {
  /** Each candidate's key, followed by its spellings. */
  names: string[]
  /**
   * Per candidate: its kind and whether an alias named it (`kindCode + 8 × aliased`), its headline,
   * lead and total counts, its number of spellings, then each spelling's count.
   */
  numbers: number[]
}

const KINDS: readonly Evidence[] = [null, 'person', 'place', 'org', 'firstName']
const ALIASED = 8

/** `share` gives the copy of a name to keep (Vocabulary.shared): one per name across a corpus. */
export function packMentions(mentions: readonly Mention[], share: (name: string) => string): PackedMentions {
  const names: string[] = []
  const numbers: number[] = []
  for (const mention of mentions) {
    const spellings = Object.entries(mention.spellings)
    names.push(share(mention.key))
    numbers.push(KINDS.indexOf(mention.kind) + (mention.aliased ? ALIASED : 0), mention.headline, mention.lead, mention.count, spellings.length)
    for (const [spelling, count] of spellings) {
      names.push(share(spelling))
      numbers.push(count)
    }
  }
  // Arrays grown by push keep spare room; copies are the exact size, for as long as the build runs.
  return {names: names.slice(), numbers: numbers.slice()}
}

/** The candidates as extractMentions gave them, in the same order. */
export function unpackMentions(packed: PackedMentions): Mention[] {
  const {names, numbers} = packed
  const mentions: Mention[] = []
  let name = 0
  let number = 0
  while (name < names.length) {
    const flags = numbers[number++]!
    const mention: Mention = {
      key: names[name++]!,
      spellings: {},
      kind: KINDS[flags % ALIASED] ?? null,
      aliased: flags >= ALIASED,
      headline: numbers[number++]!,
      lead: numbers[number++]!,
      count: numbers[number++]!
    }
    for (let left = numbers[number++]!; left > 0; left--) mention.spellings[names[name++]!] = numbers[number++]!
    mentions.push(mention)
  }
  return mentions
}
