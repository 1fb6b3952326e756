// Full-text search over the static index in search/ (written by src/render/search-index.ts).
// Only meta.json, the shard of each word typed and the files of the results shown are fetched.
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

/** `sal` → `73-61-6c`: the name of the shard of the terms that begin with `sal`. */
function fileName(node) {
  return Array.from(node)
    .map((char) => char.codePointAt(0).toString(16))
    .join('-')
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const VALUES = new Map(Array.from(ALPHABET, (char, value) => [char.charCodeAt(0), value]))

/**
 * A term's postings, `[story, weight, story, weight, …]` in story order, from the string the build
 * writes for them (src/render/search-postings.ts says how it is made).
 */
export function postings(text) {
  let position = 0
  const bit = () => {
    const value = VALUES.get(text.charCodeAt(Math.floor(position / 6)))
    if (value === undefined) throw new Error('the search index is damaged')
    return (value >> (5 - (position++ % 6))) & 1
  }
  const bits = (n) => {
    let value = 0
    for (let i = 0; i < n; i++) value = value * 2 + bit()
    return value
  }
  const gamma = () => {
    let zeros = 0
    while (bit() === 0) zeros++
    return 2 ** zeros + bits(zeros)
  }
  const count = gamma()
  const k = gamma() - 1
  const table = Array.from({length: gamma()}, gamma)
  const list = []
  let story = -1
  for (let i = 0; i < count; i++) {
    let quotient = 0
    while (bit() === 1) quotient++
    story += quotient * 2 ** k + bits(k) + 1
    list.push(story, table.length > 1 ? table[gamma() - 1] : table[0])
  }
  return list
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
  const shard = (node) => json(`search/terms/${fileName(node)}.json`)
  let groups = null

  /** The characters that follow `node` in its children's names, if it is split. */
  const splitOf = (meta, node) => (Object.hasOwn(meta.split, node) ? meta.split[node] : undefined)

  /** Every shard of the terms that begin with `node`. */
  const leaves = (meta, node) => {
    const next = splitOf(meta, node)
    return next === undefined ? [node] : Array.from(next).flatMap((char) => leaves(meta, node + char))
  }

  /**
   * The shards that can hold `word` (or, as a prefix, words it begins): none when no story has a
   * word of its first letters, which meta.json tells without a request. A large group of terms is
   * split by their next letter, as often as it takes (src/render/search-index.ts, `groupShards`):
   * a word is in one shard, and a word shorter than a split node's children is in its first.
   */
  function shardsFor(meta, word, asPrefix) {
    if (groups === null) {
      groups = new Set()
      const chars = Array.from(meta.groups)
      for (let i = 0; i < chars.length; i += meta.prefix) groups.add(chars.slice(i, i + meta.prefix).join(''))
    }
    const chars = Array.from(word)
    let node = chars.slice(0, meta.prefix).join('')
    if (!groups.has(node)) return []
    for (let depth = meta.prefix; ; depth++) {
      const next = splitOf(meta, node)
      if (next === undefined) return [node]
      if (chars.length > depth) {
        if (!next.includes(chars[depth])) return []
        node += chars[depth]
      } else if (asPrefix) {
        return leaves(meta, node)
      } else {
        node += Array.from(next)[0]
      }
    }
  }

  /** doc id → weight for one query word; the last word of a query also matches as a prefix. */
  async function matches(meta, word, asPrefix) {
    const found = new Map()
    for (const entries of await Promise.all(shardsFor(meta, word, asPrefix).map(shard))) {
      // Each term, then its postings.
      for (let t = 0; t < entries.length; t += 2) {
        const term = entries[t]
        if (term !== word && !(asPrefix && term.startsWith(word))) continue
        const list = postings(entries[t + 1])
        const idf = Math.log(1 + meta.stories / (list.length / 2))
        for (let i = 0; i < list.length; i += 2) {
          const score = list[i + 1] * idf
          if (score > (found.get(list[i]) ?? 0)) found.set(list[i], score)
        }
      }
    }
    return found
  }

  /** A result's link, headline, date and excerpt: a small file of its own. */
  async function doc(meta, id) {
    const [url, title, date, dateText, excerpt] = await json(`search/docs/${Math.floor(id / meta.docs)}/${id}.json`)
    return {url, meta: {title, date: dateText ?? '', datetime: date ?? '', excerpt}}
  }

  return async function search(query) {
    const meta = await json('search/meta.json')
    if (meta.version !== 4) throw new Error(`search/meta.json is version ${meta.version}, this script reads version 4`)
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
    // Stories are numbered by date, oldest first (undated lowest), so equal scores list the higher
    // number, the newer story, first.
    scored.sort((a, b) => b[1] - a[1] || b[0] - a[0])
    return {results: scored.map(([id]) => ({id, data: () => doc(meta, id)}))}
  }
}

async function fetchJson(url) {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${response.status} ${url}`)
  return response.json()
}
