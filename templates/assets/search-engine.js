// Full-text search over the static index in search/ (written by src/render/search-index.ts).
// Only the shards of the words typed are fetched, and the headlines of the results shown.
// `tokens` must split text exactly as `searchTokens` does at build time.

const ASCII = /^[\x00-\x7f]*$/

export const STOP_WORDS = new Set(
  ('an and are as at be been but by for from had has have he her his in is it its of on or that the their ' +
    'there they this to was were which who will with would').split(' ')
)

export function tokens(text) {
  if (ASCII.test(text)) return text.toLowerCase().match(/[a-z0-9]{2,}/g) ?? []
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []
}

function shardName(term, prefix) {
  return Array.from(term)
    .slice(0, prefix)
    .map((char) => char.codePointAt(0).toString(16))
    .join('-')
}

/**
 * @param {URL} root the site root (the folder holding search/)
 * @param {(url: string) => Promise<any>} load fetches and parses one JSON file
 */
export function createSearch(root, load = fetchJson) {
  const files = new Map()
  const json = (path) => {
    if (!files.has(path)) files.set(path, load(new URL(path, root).href))
    return files.get(path)
  }
  const shard = (name) => json(`search/terms/${name}.json`)
  let groups = null

  /**
   * The shards that can hold `word` (or, as a prefix, words it begins): none when no story has a
   * word of its first letters, which meta.json's lists tell without a request.
   */
  function shardsFor(meta, word, asPrefix) {
    groups ??= new Set(meta.groups)
    const base = shardName(word, meta.prefix)
    if (!groups.has(base)) return []
    // A split group lists its shards: the parent's name (its two-letter words) among them or not.
    const shards = meta.split[base]
    if (!shards) return [base]
    if (Array.from(word).length <= meta.prefix) return asPrefix ? shards : shards.filter((name) => name === base)
    const child = shardName(word, meta.prefix + 1)
    return shards.includes(child) ? [child] : []
  }

  /** doc id → weight for one query word; the last word of a query also matches as a prefix. */
  async function matches(meta, word, asPrefix) {
    const found = new Map()
    for (const terms of await Promise.all(shardsFor(meta, word, asPrefix).map(shard))) {
      for (const [term, postings] of Object.entries(terms)) {
        if (term !== word && !(asPrefix && term.startsWith(word))) continue
        const idf = Math.log(1 + meta.stories / (postings.length / 2))
        for (let i = 0; i < postings.length; i += 2) {
          const score = postings[i + 1] * idf
          if (score > (found.get(postings[i]) ?? 0)) found.set(postings[i], score)
        }
      }
    }
    return found
  }

  async function doc(meta, id) {
    const chunk = await json(`search/docs/${Math.floor(id / meta.chunk)}.json`)
    const [url, title, date, dateText, excerpt] = chunk[id % meta.chunk]
    return {url, meta: {title, date: dateText ?? '', datetime: date ?? '', excerpt}}
  }

  return async function search(query) {
    const meta = await json('search/meta.json')
    const words = tokens(query).filter((word) => !STOP_WORDS.has(word))
    if (words.length === 0) return {results: []}
    const endsInWord = !/\s$/.test(query)
    const perWord = await Promise.all(words.map((word, i) => matches(meta, word, endsInWord && i === words.length - 1)))
    // Every word must match; a story's score is the sum of its words' weights.
    const [first, ...rest] = perWord.sort((a, b) => a.size - b.size)
    const scored = []
    for (const [id, score] of first) {
      let total = score
      let all = true
      for (const other of rest) {
        const s = other.get(id)
        if (s === undefined) {
          all = false
          break
        }
        total += s
      }
      if (all) scored.push([id, total])
    }
    // Stories are numbered newest first, so equal scores list the newer story first.
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0])
    return {results: scored.map(([id]) => ({id, data: () => doc(meta, id)}))}
  }
}

async function fetchJson(url) {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${response.status} ${url}`)
  return response.json()
}
