// One key per spelling family, so `N. Korea`, `N.Korea` and `n korea` meet, and so do `U.S.`
// and `US`. Case is folded here; where case matters (`US` versus `us`) the scanner and the
// alias table decide before a term ever reaches this function.

// The same few thousand spellings recur across a corpus; folding is the scanner's hot spot.
const cache = new Map<string, string>()
const CACHE_LIMIT = 100_000

export function foldKey(text: string): string {
  const cached = cache.get(text)
  if (cached !== undefined) return cached
  const key = fold(text)
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(text, key)
  return key
}

function fold(text: string): string {
  // eslint-disable-next-line no-control-regex
  const normal = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKC')
  return stripPossessive(normal)
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .toLowerCase()
    // `u.s.` → `us`, `n.korea` → `n korea`: a dot joins letters of one abbreviation but
    // separates a letter from a following word.
    .replace(/\b(\p{L})\.(?=\p{L}\.)/gu, '$1')
    .replace(/\./g, ' ')
    .replace(/[^\p{L}\p{N}&'-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

const APOSTROPHES = "'’ʼ"

/** `North Korea’s` → `North Korea`, `Guterres’` → `Guterres`. */
export function stripPossessive(text: string): string {
  const last = text.at(-1)
  if (last === undefined) return text
  if (APOSTROPHES.includes(last)) return text.slice(0, -1)
  if ((last === 's' || last === 'S') && APOSTROPHES.includes(text.at(-2) ?? '') && text.length > 2) return text.slice(0, -2)
  return text
}
