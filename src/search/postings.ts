// A search term's postings, `[story, weight, story, weight, …]` in story order, written as one
// string of base64url characters (`A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`: six bits each, the highest
// first), so that a shard stays JSON and a term in every story of 10,000 takes 2 to 7 KB, not 70.
// Stories are numbered from 0 and below 2^31, weights from 1. The bits, in order:
//
//   gamma(count)  gamma(k + 1)  gamma(n)  gamma(w1) … gamma(wn)
//   then for each posting:  rice(gap)  and, when n > 1, gamma(rank + 1)
//
// - gamma(x), for x ≥ 1: Elias gamma, as many zeros as x has binary digits after the first, then x
//   in binary;
// - w1 … wn: the weights the term has, the commonest first (equal counts: the smaller weight first),
//   and rank: the place of a posting's weight in that list, so that the commonest weight costs 1 bit;
// - gap: the story less the last posting's (the first posting's: story + 1); rice(gap) with the
//   term's k: (gap − 1) >> k ones, a zero, then the k last binary digits of gap − 1. k is the best of
//   three near log2 of the mean gap (equal sizes: the smallest), which gives a term in every story
//   one bit a story.
// - the last character is filled with zero bits.
//
// The reader's script (templates/assets/search-engine.js, `postings`) decodes it; the build and
// search/patch.ts encode it with `encodePostings`, so the same postings give the same bytes.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const CODES = Uint8Array.from(ALPHABET, (char) => char.charCodeAt(0))
const VALUES = new Int8Array(128).fill(-1)
for (let i = 0; i < CODES.length; i++) VALUES[CODES[i]!] = i

/** Binary digits of x ≥ 1. */
function bitLength(x: number): number {
  return x < 2 ** 31 ? 32 - Math.clz32(x) : Math.floor(Math.log2(x)) + 1
}

function gammaBits(x: number): number {
  return 2 * bitLength(x) - 1
}

/** Stories are numbered below this, so that a gap fits the 32-bit operators. */
const STORIES = 2 ** 31

/** What a term's string will hold, worked out before it is written. */
interface Plan {
  count: number
  k: number
  /** The weights, commonest first. */
  table: number[]
  /** Each weight's place in `table`, by weight. */
  rank: Map<number, number>
  bits: number
}

/**
 * The plan for postings `list[0..length)` (`[story, weight, …]`, stories increasing from 0 and
 * below 2^31, weights whole numbers from 1): one pass over them, and one more over the stories for
 * each of three values of k.
 */
function plan(list: ArrayLike<number>, length: number): Plan {
  const count = length / 2
  if (count < 1 || !Number.isInteger(count)) throw new Error(`postings need pairs of numbers, got ${length}`)
  if (!(list[length - 2]! < STORIES)) throw new Error(`stories are numbered below 2^31, got ${list[length - 2]}`)
  const counts = new Map<number, number>()
  // Weights of the index are below 256: counted in an array, the rare others in the map.
  const small = new Uint32Array(256)
  for (let i = 1; i < length; i += 2) {
    const weight = list[i]!
    if (!(list[i - 1]! > (i > 1 ? list[i - 3]! : -1)) || !Number.isInteger(list[i - 1]) || !(weight >= 1) || !Number.isInteger(weight)) {
      throw new Error(`postings need stories in increasing order and weights from 1, got ${list[i - 1]}, ${weight} at ${i - 1}`)
    }
    if (weight < 256) small[weight]!++
    else counts.set(weight, (counts.get(weight) ?? 0) + 1)
  }
  for (let weight = 0; weight < 256; weight++) if (small[weight]! > 0) counts.set(weight, small[weight]!)
  const table = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a - b)
  const rank = new Map(table.map((weight, place) => [weight, place]))
  let bits = gammaBits(count) + gammaBits(table.length)
  for (const weight of table) bits += gammaBits(weight)
  if (table.length > 1) table.forEach((weight, place) => (bits += counts.get(weight)! * gammaBits(place + 1)))

  // The gaps add up to the last story + 1.
  const mean = (list[length - 2]! + 1) / count
  const middle = bitLength(Math.max(1, Math.floor(mean))) - 1
  let best = -1
  let bestBits = Infinity
  for (let k = Math.max(0, middle - 1); k <= Math.min(middle + 1, 31); k++) {
    let quotients = 0
    let last = -1
    for (let i = 0; i < length; i += 2) {
      quotients += (list[i]! - last - 1) >>> k
      last = list[i]!
    }
    const total = gammaBits(k + 1) + quotients + count * (k + 1)
    if (total < bestBits) {
      best = k
      bestBits = total
    }
  }
  return {count, k: best, table, rank, bits: bits + bestBits}
}

/** Characters of `encodePostings(list)`, without writing them. */
export function encodedLength(list: ArrayLike<number>, length = list.length): number {
  return Math.ceil(plan(list, length).bits / 6)
}

/** Bits into characters, six at a time. */
class BitWriter {
  at = 0
  /** Bits not yet written, fewer than 6, the oldest highest. */
  private held = 0
  private heldBits = 0

  constructor(readonly out: Uint8Array) {}

  /** `value` in `n` binary digits; value < 2^n, n ≤ 24. */
  put(value: number, n: number): void {
    const held = (this.held << n) | value
    let bits = this.heldBits + n
    while (bits >= 6) {
      bits -= 6
      this.out[this.at++] = CODES[(held >>> bits) & 63]!
    }
    this.held = held & ((1 << bits) - 1)
    this.heldBits = bits
  }

  /** `value` in `n` binary digits, any n. */
  bits(value: number, n: number): void {
    let left = n
    for (; left > 24; left -= 24) this.put(Math.floor(value / 2 ** (left - 24)) % 2 ** 24, 24)
    if (left > 0) this.put(value % 2 ** left, left)
  }

  ones(n: number): void {
    for (; n > 24; n -= 24) this.put(0xffffff, 24)
    this.put(2 ** n - 1, n)
  }

  gamma(x: number): void {
    const length = bitLength(x)
    this.bits(0, length - 1)
    this.bits(x, length)
  }

  /** Fills the last character with zeros. */
  end(): void {
    if (this.heldBits > 0) this.put(0, 6 - this.heldBits)
  }
}

/** Postings `list[0..length)`, `[story, weight, …]` in story order, as the index writes them. */
export function encodePostings(list: ArrayLike<number>, length = list.length): string {
  const {count, k, table, rank, bits} = plan(list, length)
  const writer = new BitWriter(new Uint8Array(Math.ceil(bits / 6)))
  writer.gamma(count)
  writer.gamma(k + 1)
  writer.gamma(table.length)
  for (const weight of table) writer.gamma(weight)
  const ranked = table.length > 1
  let last = -1
  for (let i = 0; i < length; i += 2) {
    const gap = list[i]! - last - 1
    last = list[i]!
    const quotient = gap >>> k
    writer.ones(quotient)
    writer.put(0, 1)
    writer.bits(gap - quotient * 2 ** k, k)
    if (ranked) writer.gamma(rank.get(list[i + 1]!)! + 1)
  }
  writer.end()
  if (writer.at !== writer.out.length) throw new Error(`postings encoded in ${writer.at} characters, planned ${writer.out.length}`)
  return ascii.decode(writer.out)
}

const ascii = new TextDecoder()

/** `[story, weight, …]` from `encodePostings`'s string. */
export function decodePostings(text: string): number[] {
  let position = 0
  const bit = (): number => {
    const value = VALUES[text.charCodeAt(position / 6)] ?? -1
    if (value < 0) throw new Error(`not a postings string: ${JSON.stringify(text.slice(0, 20))}`)
    const b = (value >> (5 - (position % 6))) & 1
    position++
    return b
  }
  const bits = (n: number) => {
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
  const list: number[] = []
  let story = -1
  for (let i = 0; i < count; i++) {
    let quotient = 0
    while (bit() === 1) quotient++
    story += quotient * 2 ** k + bits(k) + 1
    list.push(story, table.length > 1 ? table[gamma() - 1]! : table[0]!)
  }
  return list
}
