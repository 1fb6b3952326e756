// Video transcripts arrive with their paragraphs joined and no space left between them:
// `…destroyed homes.Rescue crews…`. Split where that is safe: a word of at least two lower-case
// letters or digits, a sentence end, then a capitalised word. Never inside abbreviations, initials,
// decimals, domains or URLs: `U.S.A`, `N.Korea` (a capital before the point), `3.5`, `bloomberg.com`
// (lower case after it), `e.g.The` (a point inside the word), `Mr.Smith` (a title).

const GLUE = /(?<=(?:^|[\s(“"'‘])([\p{Ll}\p{N}][\p{Ll}\p{N}'’-]*[\p{Ll}\p{N}])[.!?]["”’)]?)(?=\p{Lu}\p{Ll})/gu
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'prof', 'gen', 'gov', 'sen', 'rep', 'lt', 'col', 'sgt', 'capt', 'no', 'vs', 'etc', 'inc', 'co', 'ltd', 'corp', 'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec'])
/** A glued point inside a link is part of it: `www.example.Com`, `https://x.org/a.B`. */
const IN_LINK = /(?:https?:\/\/|www\.)\S*$/u

/** The parts of `text` between glued sentence ends, each trimmed; `[text]` when there are none. */
export function splitGlued(text: string): string[] {
  const parts: string[] = []
  let start = 0
  for (const match of text.matchAll(GLUE)) {
    const at = match.index
    const word = (match[1] ?? '').toLowerCase()
    if (TITLES.has(word) || IN_LINK.test(text.slice(start, at))) continue
    parts.push(text.slice(start, at).trim())
    start = at
  }
  parts.push(text.slice(start).trim())
  return parts.filter((part) => part !== '')
}
