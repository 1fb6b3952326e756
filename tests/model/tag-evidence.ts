// Whether a tag is written in its story, checked apart from the tagger: the story's text, folded
// as tag keys are (case, accents, dots, possessives), holds one of the tag's spellings as whole
// words. A tag's spellings are its name; every spelling the built-in alias table, the configured
// aliases, the built-in short forms, a capital that acts for its country or a definition somewhere in the site (`Full Name (FN)`) gives
// for it; and, for a person, the surname, which the tagger reads as the one person the site names
// in full with it.
import {decodeHTMLStrict} from 'entities'
import {COMMON_ABBREVIATIONS, definitions} from '../../src/model/tags/abbreviations.ts'
import {BUILT_IN, CAPITALS} from '../../src/model/tags/aliases.ts'
import {foldKey} from '../../src/model/tags/fold.ts'
import type {Article, StoryTag} from '../../src/model/types.ts'

export interface Evidence {
  /** The tag's spellings other than its own name, by the tag's key. */
  spellings: Map<string, Set<string>>
}

/** What the alias tables and the site's own definitions say a tag may be written as. */
export function tagEvidence(articles: readonly Article[], aliases: Record<string, string> = {}): Evidence {
  const spellings = new Map<string, Set<string>>()
  const add = (name: string, spelling: string) => {
    const key = foldKey(name)
    spellings.set(key, (spellings.get(key) ?? new Set()).add(foldKey(spelling)))
  }
  for (const [spelling, canonical] of BUILT_IN) add(canonical.name, spelling)
  for (const [capital, country] of Object.entries(CAPITALS)) add(country, capital)
  for (const [spelling, name] of Object.entries(aliases)) add(name, spelling)
  for (const [short, names] of Object.entries(COMMON_ABBREVIATIONS)) for (const name of names) add(name, short)
  for (const article of articles) {
    for (const paragraph of article.paragraphs) for (const [short, name] of definitions(paragraph)) add(name, short)
  }
  return {spellings}
}

/** The tags of `article` that no spelling of theirs is written in. */
export function unwrittenTags(article: Article, tags: readonly StoryTag[], evidence: Evidence): string[] {
  // Word by word, as the scanner reads: `Europe's` is Europe, `'BB+'` is BB, `non-EU` names the EU,
  // `F&#244;n` is Fôn.
  const text = ` ${[article.headline, ...article.paragraphs].map((part) => apart(foldKey(decodeHTMLStrict(part).replace(/['’]s\b|(?<!\p{L})['’]|['’](?!\p{L})/gu, ' ')))).join(' ')} `
  const written = (spelling: string) => spelling !== '' && text.includes(` ${apart(spelling)} `)
  return tags
    .filter((tag) => tag.kind !== 'topic')
    .filter((tag) => {
      const key = foldKey(tag.name)
      if (written(key) || [...(evidence.spellings.get(key) ?? [])].some(written)) return false
      return !(tag.kind === 'person' && written(key.slice(key.lastIndexOf(' ') + 1)))
    })
    .map((tag) => tag.name)
}

function apart(folded: string): string {
  return folded.replace(/-/g, ' ')
}
