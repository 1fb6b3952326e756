// One story's candidate tags: capitalised names found in one linear scan of headline and body,
// with what they are (person, place, organisation) and where they occur. Corpus-wide choices
// (which tags to keep, their display names) belong to tags/select.ts.
import {decodeHTMLStrict} from 'entities'
import {definedSpelling, definitions} from './abbreviations.ts'
import {CAPITALS, type EntityKind} from './aliases.ts'
import {foldKey, stripPossessive} from './fold.ts'
import {isFunctionalWord, isHonorific, isOrgWord, isPlaceWord, lexicalKind} from './lexicon.ts'
import {actsAsGovernment, contextOf, cueKind, type CueKind} from './cues.ts'
import {CONNECTORS, SURNAMES_THE_LEXICON_MISREADS, TITLE_QUALIFIERS, TITLES, WORD_SURNAMES} from './stop.ts'
import {wordEnd, wordStart} from './words.ts'
import {byCodeUnit} from '../../text/compare.ts'

/** `kind` null: a name with no evidence of what it is (yet; another story may know). */
export type Evidence = EntityKind | 'firstName' | null

export interface Mention {
  /** foldKey of the canonical name when an alias matched, else of the spelling. */
  key: string
  /** Spellings as written (possessive removed) with their counts; an alias's canonical name when it matched. */
  spellings: Record<string, number>
  kind: Evidence
  /** Whether an alias table (built-in or configured) named it: its kind is then certain. */
  aliased: boolean
  headline: number
  lead: number
  count: number
  /** How many of the body's paragraphs name it: a name all through a story is what it is about. */
  paragraphs: number
  /**
   * The first body paragraph that names it (0 the lead; LATEST_PARAGRAPH for any later), or
   * NOT_IN_BODY: news puts what a story is about first, so a name met once early counts for more
   * than one met once near the end. Both bounds keep it one byte when packed (tags/packed.ts).
   */
  first: number
}

export const LATEST_PARAGRAPH = 99
/** `first` of a name the body never names (a headline's alone). */
export const NOT_IN_BODY = 100

/**
 * Looks a spelling up in the alias tables and the stop lists, and keeps one copy of each name that
 * a corpus spells out again and again (tags/packed.ts).
 */
export interface Vocabulary {
  /** kind null: a configured alias to a name the built-in table does not know. */
  canonical(spelling: string): {name: string; kind: EntityKind | null} | null
  stopped(key: string): boolean
  /** The copy of `name` kept for every story that names it. */
  shared(name: string): string
}

export interface StoryText {
  headline: string
  paragraphs: readonly string[]
}

interface Token {
  text: string
  cap: boolean
  /** First word of a sentence, a quotation or a paragraph. */
  initial: boolean
  /** Punctuation (or a possessive) separates this token from the previous one. */
  broken: boolean
  possessive: boolean
  /**
   * Where the word starts and ends in the text (a possessive's end after its `'s`, or before a lone
   * apostrophe); -1 for a piece cut from inside a word (`pro-Russia`).
   */
  start: number
  end: number
}

interface Segment {
  words: string[]
  initial: boolean
  titled: boolean
}

const DOTTED = /^(?:\p{L}\.)+$/u
const ABBREVIATIONS = new Set([
  'mr.', 'mrs.', 'ms.', 'dr.', 'st.', 'jr.', 'sr.', 'gov.', 'sen.', 'rep.', 'lt.', 'col.', 'gen.', 'capt.',
  'prof.', 'inc.', 'corp.', 'co.', 'ltd.', 'no.', 'vs.', 'calif.', 'pa.', 'mass.', 'fla.', 'wash.'
])
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'i', 'we', 'he', 'she', 'it', 'they', 'you', 'this', 'that', 'these', 'those', 'in', 'on',
  'at', 'by', 'to', 'as', 'but', 'and', 'or', 'if', 'so', 'his', 'her', 'its', 'their', 'our', 'my', 'your'
])
const MAX_NAME_WORDS = 6
const FORMER = new Set(['Former', 'Ex', 'Erstwhile'])
/** Each capital of aliases.ts, and its country as a segment to record. */
const COUNTRY_OF_CAPITAL = new Map(Object.entries(CAPITALS).map(([capital, country]): [string, Segment] => [capital, {words: country.split(' '), initial: false, titled: false}]))
/** `eBay`, `iTunes`: a lower-case letter, then a capital, is a brand's name. */
const CAMEL = /^[a-z]\p{Lu}\p{Ll}/u
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'ben', 'ul', 'ad', 'ar', 'as', 'az'])
const COUNTRY_PREFIXES = new Set(['US', 'U.S.', 'UK', 'U.K.'])

export function extractMentions(story: StoryText, vocabulary: Vocabulary): Mention[] {
  const mentions = new Map<string, Mention>()
  const named = new Set<string>()
  const cues = new Map<string, CueKind>()
  const defined: Array<[abbreviation: string, name: string]> = []
  story.paragraphs.forEach((paragraph, index) => {
    const plain = plainText(index === 0 ? stripDateline(paragraph) : paragraph)
    const inParagraph = new Set<string>()
    for (const placed of segments(tokenize(plain), vocabulary)) {
      const {segment} = placed
      const key = record(mentions, cues, placed, plain, vocabulary, index === 0 ? 'lead' : null)
      if (key === null) continue
      if (!inParagraph.has(key)) {
        inParagraph.add(key)
        const mention = mentions.get(key)!
        mention.paragraphs++
        mention.first = Math.min(mention.first, index, LATEST_PARAGRAPH)
      }
      if (!segment.initial || segment.words.length > 1) named.add(key)
      const country = nameOf(segment, vocabulary)?.country
      if (country !== undefined && actsAsGovernment(contextOf(plain, placed.start, placed.end, placed.possessive))) {
        const countryKey = record(mentions, cues, {segment: country, start: -1, end: -1, possessive: false}, plain, vocabulary, index === 0 ? 'lead' : null)
        if (countryKey !== null && !inParagraph.has(countryKey)) {
          inParagraph.add(countryKey)
          const mention = mentions.get(countryKey)!
          mention.paragraphs++
          mention.first = Math.min(mention.first, index, LATEST_PARAGRAPH)
        }
      }
    }
    // Abbreviations are read from the whole paragraph, its dateline included.
    if (paragraph.includes('(')) defined.push(...definitions(index === 0 ? plainText(paragraph) : plain))
  })
  foldSurnames(mentions)
  for (const [key, cue] of cues) {
    const mention = mentions.get(key)
    if (mention !== undefined && mention.kind === null) mention.kind = cue
  }
  foldDefinedAbbreviations(mentions, defined, vocabulary)
  // A lone capitalised word seen only at sentence starts, with no evidence, is no name.
  for (const [key, mention] of mentions) if (!named.has(key) && mention.kind === null) mentions.delete(key)
  countHeadline(mentions, tokenize(plainText(story.headline)), vocabulary)
  return [...mentions.values()].sort((a, b) => byCodeUnit(a.key, b.key))
}

/**
 * `Office for National Statistics (ONS)`: the short form counts for the full name in this story, and
 * the full name's candidate carries the definition (a spelling never shown) for the rest of the site.
 */
function foldDefinedAbbreviations(mentions: Map<string, Mention>, defined: ReadonlyArray<readonly [string, string]>, vocabulary: Vocabulary): void {
  for (const [abbreviation, name] of defined) {
    const fullKey = foldKey(vocabulary.canonical(name)?.name ?? name)
    // `UK's Confederation of British Industry` was read as one name: it ends in the full name.
    let full = mentions.get(fullKey) ?? [...mentions.values()].find((mention) => mention.key.endsWith(` ${fullKey}`))
    const shortKey = foldKey(vocabulary.canonical(abbreviation)?.name ?? abbreviation)
    const short = mentions.get(shortKey)
    if (full === undefined) {
      // `the World Summit on the Information Society (WSIS)`, `the UK Internet Forum (UKIF)`: the
      // scan read the name in pieces, but the story spells it out, so the short form is that body.
      if (short === undefined || short.aliased || short.kind === 'person' || short.kind === 'place' || vocabulary.stopped(fullKey)) continue
      full = {...newMention(fullKey, false), spellings: Object.assign(spellingTable(), {[name]: 1}), kind: 'org'}
      mentions.set(fullKey, full)
    }
    // The pieces the name was read as (`Summit`, `Information Society`), here or where the story
    // spells it another way (`World Summit on the Information Society`), are that one name: the
    // most any of them was read counts for it.
    for (const piece of [...mentions.values()]) {
      if (piece === full || piece === short || piece.aliased || !` ${fullKey} `.includes(` ${piece.key} `)) continue
      if (piece.kind === 'person' || piece.kind === 'place') continue
      full.count = Math.max(full.count, piece.count)
      full.lead = Math.max(full.lead, piece.lead)
      full.paragraphs = Math.max(full.paragraphs, piece.paragraphs)
      full.first = Math.min(full.first, piece.first)
      mentions.delete(piece.key)
    }
    full.spellings[definedSpelling(abbreviation)] = 0
    if (short === undefined || short === full) continue
    full.count += short.count
    full.lead += short.lead
    full.paragraphs = Math.max(full.paragraphs, short.paragraphs)
    full.first = Math.min(full.first, short.first)
    full.kind = strongerEvidence(full.kind, short.kind)
    mentions.delete(shortKey)
  }
}

/**
 * Markdown links, emphasis and bare URLs would otherwise leak words into names, and character
 * references in scraped text would cut them (`Bryn F&#244;n` read as `Bryn F`).
 */
function plainText(text: string): string {
  return (text.includes('&') ? decodeHTMLStrict(text) : text)
    .replace(/!?\[([^\][]*)\]\([^()]*\)/g, '$1') // stops at the next `[`/`(`: linear on a megabyte of `[`
    .replace(/https?:\/\/\S+|www\.\S+/g, ' ')
    .replace(/[*_`]+/g, '')
}

/** `SEOUL, South Korea (AP) — ` says where the story was filed, not what it is about. */
function stripDateline(paragraph: string): string {
  return paragraph.replace(/^\s*\p{Lu}[\p{Lu}\p{M} .'-]+(?:,[^—–(\n]{1,40})?(?:\s*\([^)]{1,40}\))?\s*[—–-]{1,2}\s+/u, '')
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let position = 0
  let sentenceEnded = true
  // Lower-case words matter only as what separates names, so most of them never become tokens.
  let skipped = false
  for (let start = wordStart(text, 0); start >= 0; start = wordStart(text, position)) {
    const end = wordEnd(text, start)
    const first = text.charCodeAt(start)
    // Most words: only where they end and whether they end a sentence matter.
    const second = text.charCodeAt(start + 1)
    if (first >= 97 && first <= 122 && !(second >= 65 && second <= 90) && !isJoining(text, start, end) && !hasHyphen(text, start, end)) {
      position = end
      sentenceEnded = text.charCodeAt(end - 1) === 46 && !isAbbreviation(text.slice(start, end))
      skipped = true
      continue
    }
    const raw = text.slice(start, end)
    const gap = start === position + 1 && text.charCodeAt(position) === 32 ? '' : text.slice(position, start)
    position = end
    // `Marsh & McLennan`, `Tate & Lyle`: an ampersand between two capitalised words joins one name.
    const ampersand = AMPERSAND.test(gap) && (tokens.at(-1)?.cap ?? false)
    if (ampersand) tokens.push({text: '&', cap: false, initial: false, broken: false, possessive: false, start: -1, end: -1})
    const punctuation = gap !== '' && /\S/.test(gap) && !ampersand
    const initial = sentenceEnded || (punctuation && (/[.!?“"‘(:;]/.test(gap) || /(?:^|\s)'$/.test(gap)))
    const broken = initial || punctuation || skipped || (tokens.at(-1)?.possessive ?? false)
    sentenceEnded = raw.endsWith('.') && !isAbbreviation(raw)
    skipped = false
    const possessiveMark = (text[position] === "'" || text[position] === '’') && /s$/i.test(raw)
    const pieces = raw.indexOf('.') < 0 && raw.indexOf('-') < 0 ? [{text: raw, split: false}] : splitWord(raw)
    pieces.forEach((piece, i) => {
      const last = i === pieces.length - 1
      const word = piece.text.endsWith('.') && !isAbbreviation(piece.text) ? piece.text.slice(0, -1) : piece.text
      const stripped = stripPossessive(word)
      const possessive = stripped !== word || (last && possessiveMark)
      if (stripped.length > 0) {
        tokens.push({text: stripped, cap: startsUpper(stripped) || lowerName(stripped), initial: initial && i === 0, broken: i === 0 ? broken : piece.split, possessive, start: i === 0 ? start : -1, end: last ? end : -1})
      }
    })
  }
  return tokens
}

const AMPERSAND = /^ +& +$/

/** Words that may join the words of a name: `Bank of England`, `Abu Bakr al-Baghdadi`. */
const JOINING = new Set([...CONNECTORS, 'the', 'and'])
const LONGEST_JOINING = Math.max(...[...JOINING].map((word) => word.length))

function isJoining(text: string, start: number, end: number): boolean {
  return end - start <= LONGEST_JOINING && JOINING.has(text.slice(start, end))
}

function hasHyphen(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 45) return true
  return false
}

/** `al-Gosaibi`, `eBay`: a name that starts with a lower-case letter. */
function lowerName(word: string): boolean {
  const second = word.charCodeAt(1)
  return (second >= 65 && second <= 90 && CAMEL.test(word)) || (word.indexOf('-') > 0 && particleName(word))
}

/** `al-Gosaibi`: a particle, then a capitalised name. */
function particleName(word: string): boolean {
  const hyphen = word.indexOf('-')
  return hyphen > 0 && NAME_PARTICLES.has(word.slice(0, hyphen)) && startsUpper(word.slice(hyphen + 1))
}

function startsUpper(word: string): boolean {
  const first = word.charCodeAt(0)
  return first < 128 ? first >= 65 && first <= 90 : /^\p{Lu}/u.test(word)
}

function isAbbreviation(word: string): boolean {
  return DOTTED.test(word) || ABBREVIATIONS.has(word.toLowerCase())
}

/**
 * `N.Korea` → `N.` `Korea`; `U.S.-led` → `U.S.`; `pro-Russia` → `Russia`; `Kilroy-Silk` stays.
 * `split` marks a piece cut off at a hyphen: it starts a new name (`U.S.-South Korea`).
 */
function splitWord(word: string): Array<{text: string; split: boolean}> {
  const glued = /^((?:\p{L}\.)+)(\p{Lu}\p{Ll}[\s\S]*)$/u.exec(word)
  if (glued?.[1] !== undefined && glued[2] !== undefined) return [{text: glued[1], split: false}, ...splitWord(glued[2])]
  const hyphen = word.indexOf('-')
  if (hyphen <= 0) return [{text: word, split: false}]
  const left = word.slice(0, hyphen)
  const right = word.slice(hyphen + 1)
  const rightPieces = () => splitWord(right).map((piece, i) => (i === 0 ? {...piece, split: true} : piece))
  if (left.endsWith('.')) return [{text: left, split: false}, ...(/^\p{Lu}/u.test(right) ? rightPieces() : [])]
  // `Ex-Downing Street`: a prefix, then the name. (`Anti-Fraud` may be inside one: the `European
  // Anti-Fraud Office` is no `European Fraud Office`; lower-case `anti-` is read above.)
  if (left === 'Ex' && /^\p{Lu}/u.test(right)) return rightPieces()
  // `al-Gosaibi`, `bin-Laden` are one name; `pro-Russia`, `anti-American` are a word and a name.
  if (/^\p{Ll}/u.test(left) && /^\p{Lu}/u.test(right) && !NAME_PARTICLES.has(left)) return rightPieces()
  return [{text: word, split: false}]
}

/** A segment where it was read, with the words around it there. */
/**
 * A segment where it was read: where its run starts, when the segment starts it, and where it
 * ends, when the segment ends it (-1 otherwise), so the words around it can be read when needed.
 */
interface Placed {
  segment: Segment
  start: number
  end: number
  /** The segment ends in a possessive (`Parmalat's`): what follows `end` is what it owns. */
  possessive: boolean
}

/**
 * Runs of capitalised words, cut at titles, with leading sentence words dropped. The words before a
 * run are the context of its first segment when that starts the run; the words after, of its last.
 */
function segments(tokens: readonly Token[], vocabulary: Vocabulary): Placed[] {
  const out: Placed[] = []
  let i = 0
  while (i < tokens.length) {
    const first = tokens[i]
    if (first === undefined || !first.cap) {
      i++
      continue
    }
    let j = i + 1
    while (j < tokens.length && j - i < MAX_NAME_WORDS * 2) {
      const token = tokens[j]
      const previous = tokens[j - 1]
      if (token === undefined || token.broken || previous?.possessive === true) break
      if (!token.cap) {
        const next = tokens[j + 1]
        const joins =
          (CONNECTORS.has(token.text) || token.text === 'and' || token.text === '&' || (token.text === 'the' && (previous?.text === 'of' || previous?.text === 'for'))) &&
          next !== undefined && !next.broken && (next.cap || next.text === 'the')
        if (!joins) break
      }
      j++
    }
    const found = splitRunOnce(tokens, i, j, vocabulary)
    const startToken = tokens[i]!
    const endToken = tokens[j - 1]!
    for (let k = 0; k < found.length; k++) {
      const segment = found[k]!
      const first = k === 0 && segment.words[0] === startToken.text
      const last = k === found.length - 1 && segment.words.at(-1) === endToken.text
      out.push({segment, start: first ? startToken.start : -1, end: last ? endToken.end : -1, possessive: last && endToken.possessive})
    }
    i = j
  }
  return out
}

/**
 * splitRun depends only on the words of a run and whether it starts a sentence (no later token of
 * a run can: it would be broken), and the same runs (`North Korea`, `Mr Kim`) recur across a
 * corpus, so each vocabulary remembers them. The segments are shared, and never changed.
 */
const runs = new WeakMap<Vocabulary, Map<string, Segment[]>>()
const RUNS_LIMIT = 200_000

function splitRunOnce(tokens: readonly Token[], i: number, j: number, vocabulary: Vocabulary): Segment[] {
  let key = tokens[i]!.initial ? '1' : '0'
  for (let k = i; k < j; k++) key += `\u0000${tokens[k]!.text}`
  let known = runs.get(vocabulary)
  if (known === undefined) runs.set(vocabulary, (known = new Map()))
  let segments = known.get(key)
  if (segments === undefined) {
    segments = []
    splitRun(tokens.slice(i, j), vocabulary, segments)
    if (known.size >= RUNS_LIMIT) known.clear()
    known.set(key, segments)
  }
  return segments
}

function splitRun(run: readonly Token[], vocabulary: Vocabulary, out: Segment[]): void {
  // `Securities and Exchange Commission` is one name; `Russia and China` are two.
  const and = run.findIndex((token) => token.text === 'and')
  // `the Food and Agriculture Organisation and the World Food Programme`: the run ends at the second
  // `and`, so the name's last word is the last capitalised one.
  const lastName = run.findLast((token) => token.cap)?.text
  const left = run.slice(0, and).map((token) => token.text)
  if (and > 0 && ((!isOrgWord(lower(lastName)) && orgHeadAt(run.map((token) => token.text)) < 0) || isOrgName(left, vocabulary) || twoNames(left))) {
    splitRun(run.slice(0, and), vocabulary, out)
    splitRun(run.slice(and + 1), vocabulary, out)
    return
  }
  const words = run.map((token) => token.text)
  const sentenceStart = run[0]?.initial === true
  if (known(words.join(' '), vocabulary)) {
    out.push({words, initial: sentenceStart, titled: false})
    return
  }
  // `Scottish National Party Holyrood leader`: a body the alias table knows, of two words or more,
  // run into one more word, is that body and the word apart.
  if (words.length >= 3 && vocabulary.canonical(words.slice(0, -1).join(' ')) !== null) {
    out.push({words: words.slice(0, -1), initial: sentenceStart, titled: false})
    splitRun(run.slice(-1), vocabulary, out)
    return
  }
  // `Lib Dems David Laws`: a known name run into a person's is two names; `Treasury Paul Boateng`
  // (after `Chief Secretary to the`) is a title's last word, then the person.
  for (let cut = Math.min(words.length - 1, 3); cut >= 1; cut--) {
    if (words.length - cut < 2 || !startsPersonName(words.slice(cut))) continue
    const prefix = words.slice(0, cut)
    if (vocabulary.canonical(prefix.join(' ')) !== null) out.push({words: prefix, initial: false, titled: false})
    else if (!prefix.every((word) => TITLE_QUALIFIERS.has(lower(word)))) continue
    // What stands before the name works as a title: `Lynton Crosby` is a person's name.
    out.push({words: words.slice(cut), initial: false, titled: true})
    return
  }
  // `Doug Williams of BT`, `Andreas Adriano of Latin Trade Magazine`: a person (a known first name
  // and a surname) of a body are two names; `Bank of England`, `Duke of Edinburgh` start otherwise.
  const of = personOfBody(words)
  if (of > 0) {
    out.push({words: words.slice(0, of), initial: sentenceStart, titled: false})
    splitRun(run.slice(of + 1), vocabulary, out)
    return
  }
  // `US Securities and Exchange Commission`, `UK National Tremor Foundation`: the body's name is
  // the rest, and the country is named too.
  const the = words[0] === 'The' ? 1 : 0
  if (words.length - the >= 3 && COUNTRY_PREFIXES.has(words[the] ?? '') && isOrgWord(lower(words.at(-1)))) {
    out.push({words: words.slice(the, the + 1), initial: false, titled: false}, {words: words.slice(the + 1), initial: false, titled: false})
    return
  }
  let start = 0
  // `Former Cabinet minister Douglas Hogg`: what a name was is no part of it.
  if (words.length >= 2 && FORMER.has(words[0] ?? '')) start = 1
  // `Last week`, `Some observers`: a capital that only starts a sentence is no name.
  if (sentenceStart) {
    while (start < words.length && isCommonCapital(words[start] ?? '', vocabulary)) start++
    if (start > 0 && known(words.slice(start).join(' '), vocabulary)) {
      out.push({words: words.slice(start), initial: false, titled: false})
      return
    }
  }
  let current: string[] = []
  let titled = false
  let initial = sentenceStart && start === 0
  for (let k = start; k <= words.length; k++) {
    let titleLength = k < words.length ? titleAt(words, k) : 0
    // `Mervyn King`, `Neil Major`: a title word that ends the run after a first name is a surname.
    if (titleLength > 0 && k + titleLength === words.length && lexicalKind(lower(current.at(-1))) === 'firstName') titleLength = 0
    const word = words[k] ?? ''
    // `Forum for the Future`: `the` after `of` or `for` stays inside the name, as the scan joined it.
    const joinedThe = word === 'the' && (words[k - 1] === 'of' || words[k - 1] === 'for')
    const cut = k === words.length || titleLength > 0 || (FUNCTION_WORDS.has(word.toLowerCase()) && !CONNECTORS.has(word) && word !== 'and' && !joinedThe)
    if (!cut) {
      current.push(word)
      continue
    }
    let trimmed = trimConnectors(current)
    // `Secretary of State`: a word the title reaches through `of` is no name it gives; when a
    // person's name follows it (`Secretary of State Condoleezza Rice`), that name is the title's.
    if (titled && trimmed[0] !== current[0]) {
      const rest = trimmed.slice(1)
      titled = rest.length >= 2 && lexicalKind(lower(trimmed[0])) === 'common' && (startsPersonName(rest) || nameWithWordSurname(rest))
      if (titled) trimmed = trimmed.slice(1)
    }
    const of = personOfBody(trimmed)
    if (of > 0) {
      // `Dr Doug Williams of BT`: the person, then the body.
      out.push({words: trimmed.slice(0, of), initial, titled}, {words: trimmed.slice(of + 1), initial: false, titled: false})
    } else if (trimmed.length > 0) out.push({words: trimmed, initial, titled})
    current = []
    initial = false
    titled = titleLength > 0
    if (titleLength > 0) k += titleLength - 1
  }
}

/**
 * `Apple Computer and Cisco Systems`: words before `and` that are a name of two words or more with
 * no `of` or `for` are a name by themselves. The names that `and` joins start with one word
 * (`Securities and Exchange Commission`, `Bill and Melinda Gates Foundation`, `Marks and Spencer`)
 * or reach it through `of` (`Department of Trade and Industry`).
 */
function twoNames(left: readonly string[]): boolean {
  const words = bodyWords(left)
  return words.length >= 2 && !words.some((word) => CONNECTORS.has(word) || word === 'the')
}

/** A run's words without a leading `The` and, in `US Securities and Exchange Commission`, the country before the body. */
function bodyWords(run: readonly string[]): readonly string[] {
  const words = run[0] === 'The' ? run.slice(1) : run
  return words.length > 1 && COUNTRY_PREFIXES.has(words[0] ?? '') ? words.slice(1) : words
}

/**
 * `Doug Williams of BT`: where `of` stands between a person's name (a known first name and a
 * surname) and a body's, or -1. `Bank of England`, `Duke of Edinburgh`, `Roberts of Conwy` start otherwise.
 */
function personOfBody(words: readonly string[]): number {
  const of = words.indexOf('of')
  return (of === 2 || of === 3) && of < words.length - 1 && lexicalKind(lower(words[0])) === 'firstName' && startsPersonName(words.slice(0, of)) ? of : -1
}

/**
 * Words that name an organisation by themselves: a body the alias table or the lexicon knows
 * (`Vodafone`, `Bank of England`), or two words or more ending as a body's name does, with no `of`
 * or `for` (`Deutsche Bank`; not `Department for Education`, which goes on `and Skills`).
 */
function isOrgName(run: readonly string[], vocabulary: Vocabulary): boolean {
  const words = bodyWords(run)
  const phrase = words.join(' ')
  // `Securities and Exchange Commission`: a word that ends bodies' names starts this one.
  if (words.length === 1 && isOrgWord(lower(words[0]))) return false
  if (vocabulary.canonical(phrase)?.kind === 'org' || lexicalKind(foldKey(phrase)) === 'org') return true
  return words.length >= 2 && isOrgWord(lower(words.at(-1))) && !words.some((word) => CONNECTORS.has(word))
}

/**
 * `David Laws`, `Lynton Crosby` after a known name: a first name, or two or three words that are
 * not ordinary words and do not end as an organisation's or a place's name does.
 */
function startsPersonName(words: readonly string[]): boolean {
  // `Liberal Democrat MP Lembit Opik`: `MP Lembit Opik` is a title, then the name.
  if (isTitleWord(words[0] ?? '')) return false
  if (lexicalKind(lower(words[0])) === 'firstName') return true
  const last = lower(words.at(-1))
  return words.length <= 3 && !isOrgWord(last) && !isPlaceWord(last) && words.every((word) => lexicalKind(lower(word)) === 'unknown')
}

/** Length of the title starting at words[k] (`Foreign Secretary`, `Mr`), or 0. */
function titleAt(words: readonly string[], k: number): number {
  let end = k
  while (end < words.length && TITLE_QUALIFIERS.has(lower(words[end]))) end++
  while (end < words.length && isTitleWord(words[end] ?? '')) end++
  if (end === k) return 0
  const last = words[end - 1] ?? ''
  // `General Election`, `General Motors`: `General` is a title only after another one.
  if (end - k === 1 && lower(last) === 'general') return 0
  return isTitleWord(last) ? end - k : 0
}

function isTitleWord(word: string): boolean {
  const plain = lower(word).replace(/\.$/, '')
  if (TITLES.has(plain) || isHonorific(plain)) return true
  // `Under-Secretary`, `Vice-Chairman`, `Co-Founder`.
  const hyphen = plain.lastIndexOf('-')
  return hyphen > 0 && TITLES.has(plain.slice(hyphen + 1))
}

function lower(word: string | undefined): string {
  return (word ?? '').toLowerCase()
}

function trimConnectors(words: string[]): string[] {
  let start = 0
  let end = words.length
  const named = (word: string | undefined) => /^\p{Lu}/u.test(word ?? '') || particleName(word ?? '')
  while (start < end && !named(words[start])) start++
  while (end > start && !named(words[end - 1])) end--
  return words.slice(start, end)
}

function isCommonCapital(word: string, vocabulary: Vocabulary): boolean {
  if (vocabulary.canonical(word) !== null) return false
  const folded = lower(word)
  if (FUNCTION_WORDS.has(folded)) return true
  return isFunctionalWord(folded) || SENTENCE_ADVERB.test(folded)
}

/**
 * `Initially Visual Radio...`, `Unfortunately Sony...`: adverbs the lexicon does not know, by
 * endings no name has (`Sally`, `Kelly` and `Italy` end otherwise).
 */
const SENTENCE_ADVERB = /^\p{Ll}{3,}(?:ially|ically|ently|antly|ately|ingly|ively|ously|fully)$/u

function known(phrase: string, vocabulary: Vocabulary): boolean {
  if (vocabulary.canonical(phrase) !== null) return true
  const kind = lexicalKind(foldKey(phrase))
  return kind === 'place' || kind === 'org' || kind === 'person'
}

/** Returns the mention's key, or null when the segment names nothing. */
function record(mentions: Map<string, Mention>, cues: Map<string, CueKind>, placed: Placed, text: string, vocabulary: Vocabulary, where: 'lead' | null): string | null {
  const {segment} = placed
  const name = nameOf(segment, vocabulary)
  if (name === null) return null
  const {key, shown, kind} = name
  // What the words around a name say is weaker than what the name itself says (`Kirby said`, then
  // `Mr Kirby`): it is kept apart, and read only for names that nothing else tells.
  // Read only here: most names are known without (at 5,000 stories, reading every name's context
  // took the scan from 0.52 s to 0.65 s).
  // `Quarterly profits at...`: an ordinary word that starts a sentence is that word, whatever follows.
  const ordinaryOpening = segment.initial && segment.words.length === 1 && lexicalKind(key) === 'common'
  // `Chapter 11 protection`, `Article 50`, `Channel 4`: one word of no known kind, numbered, is a
  // part of something or a name the scan cannot read whole (it stops at the number): no name.
  if (kind === null && segment.words.length === 1 && placed.end >= 0 && !placed.possessive && numberAt(text, placed.end)) return null
  if (kind === null && (placed.start >= 0 || placed.end >= 0) && !cues.has(key) && !ordinaryOpening) {
    const cue = cueKind(segment.words, contextOf(text, placed.start, placed.end, placed.possessive), unknownWords(segment.words))
    if (cue !== null) cues.set(key, cue)
  }
  const mention = mentions.get(key) ?? newMention(key, name.aliased)
  mention.spellings[shown] = (mention.spellings[shown] ?? 0) + 1
  mention.kind = strongerEvidence(mention.kind, kind)
  mention.count++
  if (where === 'lead') mention.lead++
  mentions.set(key, mention)
  return key
}

interface Name {
  key: string
  shown: string
  kind: Evidence
  aliased: boolean
  /** For a capital (`Washington`): its country, named too when the capital acts for it. */
  country?: Segment
}

// Segments of a remembered run come back as the same objects (splitRunOnce), each read once.
const names = new WeakMap<Segment, Name | null>()

/** What a segment names, or null when it names nothing. */
function nameOf(segment: Segment, vocabulary: Vocabulary): Name | null {
  let name = names.get(segment)
  if (name !== undefined) return name
  const spelling = withoutLegalForm(segment.words).join(' ')
  const aliased = vocabulary.canonical(spelling)
  // `Mr Irish`, `Ms Paris`: after a title a one-word name is a person's, whatever place it spells.
  const canonical = segment.titled && segment.words.length === 1 && aliased?.kind === 'place' ? null : aliased
  const key = foldKey(canonical?.name ?? spelling)
  name =
    !isNameLike(spelling, key) || vocabulary.stopped(key) || vocabulary.stopped(foldKey(spelling))
      ? null
      : {key, shown: canonical?.name ?? spelling, kind: canonical?.kind ?? classify(segment), aliased: canonical !== null}
  const country = COUNTRY_OF_CAPITAL.get(spelling)
  if (name !== null && country !== undefined) name.country = country
  names.set(segment, name)
  return name
}

/** A space, then a digit, at `end`. */
function numberAt(text: string, end: number): boolean {
  const digit = text.charCodeAt(end + 1)
  return text.charCodeAt(end) === 32 && digit >= 48 && digit <= 57
}

/** A company's legal form, which news writes or leaves out at will: `Leadplex Inc` is `Leadplex`. */
const LEGAL_FORMS = new Set(['inc', 'inc.', 'llc', 'ltd', 'ltd.', 'limited', 'plc', 'corp', 'corp.', 'gmbh', 'ag', 'llp'])

function withoutLegalForm(words: readonly string[]): readonly string[] {
  return words.length >= 2 && LEGAL_FORMS.has(lower(words.at(-1))) ? words.slice(0, -1) : words
}

function newMention(key: string, aliased: boolean): Mention {
  return {key, spellings: spellingTable(), kind: null, aliased, headline: 0, lead: 0, count: 0, paragraphs: 0, first: NOT_IN_BODY}
}

/**
 * An empty table of spellings. Without a prototype, V8 keeps it as a hash table from the start: an
 * object literal instead gets a hidden class for each spelling first written into one, tens of
 * thousands in a corpus, and finding names took 40 % longer (1.95 s against 1.37 s at 10,000 stories).
 */
export function spellingTable(): Record<string, number> {
  return Object.create(null) as Record<string, number>
}

/** None of the words is one the lexicon knows as an ordinary word (`Time`, `Ask`). */
function unknownWords(words: readonly string[]): boolean {
  return words.every((word) => {
    const kind = lexicalKind(lower(word))
    return kind === 'unknown' || kind === 'firstName' || kind === 'person'
  })
}

function isNameLike(spelling: string, key: string): boolean {
  // `G7` and `3M` are names; `A` and `4` are not.
  if (!/\p{L}/u.test(key) || Array.from(key.replace(/[^\p{L}\p{N}]/gu, '')).length < 2) return false
  if (/^\p{N}/u.test(key)) return false
  return lexicalKind(key) !== 'calendar'
}

const EVIDENCE_RANK: Record<string, number> = {place: 4, org: 4, person: 3, firstName: 1}

function strongerEvidence(a: Evidence, b: Evidence): Evidence {
  if (a === null) return b
  if (b === null) return a
  return (EVIDENCE_RANK[b] ?? 0) > (EVIDENCE_RANK[a] ?? 0) ? b : a
}

function classify(segment: Segment): Evidence {
  const {words} = segment
  const phrase = foldKey(words.join(' '))
  const whole = lexicalKind(phrase)
  if (whole === 'place' || whole === 'org' || whole === 'person') return whole
  const lastWord = lower(words.at(-1)).replace(/\.$/, '')
  if (words.length >= 2 && isOrgWord(lastWord)) return 'org'
  if (orgHeadAt(words) >= 0) return 'org'
  if (words.length >= 2 && isPlaceWord(lastWord)) return 'place'
  // Surnames are often common words (`Smith`, `Brown`, `Khan`); only grammar words rule a name out.
  // The lexicon reads a few surnames as grammar (`brown` a comparative, `may` a modal): after a first
  // name or a title they are surnames (`Gordon Brown`, `Chancellor Gordon Brown`, `Theresa May`).
  const plainWords = words.every((word, i) => !isFunctionalWord(lower(word)) || lexicalKind(lower(word)) === 'firstName' || ((i > 0 || segment.titled) && SURNAMES_THE_LEXICON_MISREADS.has(lower(word))))
  if (segment.titled && words.length <= 3 && plainWords) return 'person'
  // `Mr Grieve`, `Mr Hogg`: one capitalised word right after a title is a surname, whatever word it
  // also is.
  if (segment.titled && words.length === 1 && !FUNCTION_WORDS.has(lower(words[0]))) return 'person'
  if (words.length >= 2 && words.length <= 4 && lexicalKind(lower(words[0])) === 'firstName' && plainWords) {
    return 'person'
  }
  if (nameWithWordSurname(words)) return 'person'
  if (words.length === 1 && /^(?:\p{Lu}\.?){2,6}$/u.test(words[0] ?? '') && whole !== 'common') return 'org'
  if (words.length === 1 && whole === 'firstName') return 'firstName'
  return null
}

/** `Condoleezza Rice`: a first name the lexicon lacks, then a surname that is also a word. */
function nameWithWordSurname(words: readonly string[]): boolean {
  return words.length === 2 && lexicalKind(lower(words[0])) === 'unknown' && WORD_SURNAMES.has(lower(words[1]).replace(/\.$/, ''))
}

/**
 * `Bank of America`, `Department for Education and Skills`, `Global Alliance for Vaccines`: where
 * an organisation's word followed by `of` or `for` heads the name (within its first three words),
 * or -1.
 */
function orgHeadAt(words: readonly string[]): number {
  for (let k = 0; k < Math.min(3, words.length - 2); k++) {
    if (isOrgWord(lower(words[k])) && (words[k + 1] === 'of' || words[k + 1] === 'for')) return k
  }
  return -1
}

/**
 * `Kirby said` after `John Kirby`, `Mr Blair` after `Tony Blair`: a one-word name that ends (or,
 * for East Asian names, starts) exactly one longer person name in the story counts for it.
 */
function foldSurnames(mentions: Map<string, Mention>): void {
  // `Naresh Goyal ... Mr Goyal`: a name the lexicon does not know, whose last word the story uses
  // alone as a person's, is that person's full name.
  for (const mention of mentions.values()) {
    if (mention.kind !== null) continue
    const words = mention.key.split(' ')
    if (words.length < 2 || words.length > 4 || words.some((word) => CONNECTORS.has(word))) continue
    const single = mentions.get(words.at(-1)!)
    if (single?.kind === 'person' && !single.aliased) mention.kind = 'person'
  }
  const people = [...mentions.values()].filter((m) => m.kind === 'person' && m.key.includes(' '))
  for (const single of [...mentions.values()]) {
    if (single.key.includes(' ') || single.aliased) continue
    if (single.kind === 'place' || single.kind === 'org') continue
    // `German firms` in a story about Mike German: a common word needs a title to be his name.
    if (single.kind === null && lexicalKind(single.key) === 'common') continue
    const byLast = people.filter((p) => p.key.endsWith(` ${single.key}`))
    const byFirst = people.filter((p) => p.key.startsWith(`${single.key} `))
    const target = byLast.length === 1 ? byLast[0] : byLast.length === 0 && byFirst.length === 1 ? byFirst[0] : undefined
    if (target === undefined) continue
    target.count += single.count
    target.lead += single.lead
    // `Tony Blair` once, `Mr Blair` in every later paragraph: the spread is at least the surname's.
    target.paragraphs = Math.max(target.paragraphs, single.paragraphs)
    target.first = Math.min(target.first, single.first)
    mentions.delete(single.key)
  }
}

/**
 * Headlines are often Title Case, so their capitals prove nothing: only spans that name a
 * body mention or a known name count.
 */
function countHeadline(mentions: Map<string, Mention>, tokens: readonly Token[], vocabulary: Vocabulary): void {
  const bySurname = new Map<string, Mention>()
  for (const mention of mentions.values()) {
    if (mention.kind === 'person' && mention.key.includes(' ')) {
      const surname = mention.key.slice(mention.key.lastIndexOf(' ') + 1)
      bySurname.set(surname, bySurname.has(surname) ? newMention('', false) : mention)
    }
  }
  let i = 0
  while (i < tokens.length) {
    let matched = 0
    for (let length = Math.min(MAX_NAME_WORDS, tokens.length - i); length >= 1 && matched === 0; length--) {
      const span = tokens.slice(i, i + length)
      if (!span.every((t, k) => t.cap && (k === 0 || !t.broken))) continue
      const spelling = span.map((t) => t.text).join(' ')
      const canonical = vocabulary.canonical(spelling)
      const key = foldKey(canonical?.name ?? spelling)
      if (vocabulary.stopped(key)) continue
      const existing = mentions.get(key) ?? (length === 1 ? bySurname.get(key) : undefined)
      if (existing !== undefined && existing.key !== '') {
        existing.headline++
        // `Ad sales boost Time Warner profit`: a name of several words that nothing else tells,
        // in the headline and the body both, is the body the story is about.
        if (existing.kind === null && length > 1) existing.kind = 'org'
        matched = length
      } else if (canonical !== null || known(spelling, vocabulary)) {
        const kind = canonical?.kind ?? classify({words: spelling.split(' '), initial: false, titled: false})
        if (kind === 'person' || kind === 'place' || kind === 'org') {
          const mention = newMention(key, canonical !== null)
          mention.spellings[canonical?.name ?? spelling] = 1
          mention.kind = kind
          mention.headline = 1
          mention.count = 1
          mentions.set(key, mention)
          matched = length
        }
      }
    }
    i += Math.max(matched, 1)
  }
}

