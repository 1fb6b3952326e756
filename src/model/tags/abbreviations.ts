// Abbreviations a story defines: `the Office for National Statistics (ONS)`, `Mobile Data
// Association (MDA)`. The full name is the tag; the short form counts for it in that story and, when
// the site defines it one way only, in every story that uses it alone (tags/select.ts).

/** A run of capitalised words (with `of`, `for`, `and`, `&`, `the` between them), then `(ABBR)`. */
const DEFINITION = /((?:\p{Lu}[\p{L}'’&-]*)(?:\s+(?:of|for|and|&|the|de|\p{Lu}[\p{L}'’&-]*)){1,9})\s+\((\p{Lu}(?:\p{Lu}|&){1,6})\)/gu
const SMALL = new Set(['of', 'for', 'and', '&', 'the', 'de'])

/** The spelling a full name's candidate carries to say it defines `abbreviation` (never shown). */
export function definedSpelling(abbreviation: string): string {
  return `(${abbreviation})`
}

/** The abbreviation a spelling made by definedSpelling names, or null for an ordinary spelling. */
export function definedAbbreviation(spelling: string): string | null {
  return spelling.startsWith('(') && spelling.endsWith(')') ? spelling.slice(1, -1) : null
}

/** Each `Full Name (ABBR)` of `text` whose capitals spell the abbreviation: abbreviation → full name. */
export function definitions(text: string): Map<string, string> {
  const found = new Map<string, string>()
  if (!text.includes('(')) return found
  for (const match of text.matchAll(DEFINITION)) {
    const abbreviation = (match[2] ?? '').replace(/&/g, '')
    const words = (match[1] ?? '').split(/\s+/)
    // `But the Confederation of British Industry (CBI)`: the name is the longest tail that spells it.
    for (let start = 0; start < words.length - 1; start++) {
      const name = words.slice(start)
      if (SMALL.has((name[0] ?? '').toLowerCase())) continue
      const initials = name.filter((word) => !SMALL.has(word.toLowerCase())).map((word) => word[0]).join('')
      if (initials.toUpperCase() === abbreviation.toUpperCase()) {
        found.set(match[2] ?? '', name.join(' ').replace(/['’]s$/, ''))
        break
      }
    }
  }
  return found
}
