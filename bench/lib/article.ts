// Builds one generated article, as the scraped text file and as the front-matter Markdown file
// the peers build. Pure: the same corpus, index and N always give the same bytes.
import {countWords, type StorySource} from './newsroom.ts'
import {chance, int, mulberry32, pick, seedFor, hex, shuffled, type Rng} from './prng.ts'

export const SEED = 0x0b5ad5ee

export interface Corpus {
  /** The stories whose headlines and paragraphs the articles are made of. */
  sources: StorySource[]
  /** Source story index for headline base `j % sources.length`: a seeded permutation. */
  order: number[]
  tags: string[]
  n: number
}

export interface GeneratedArticle {
  /** `YYYY/MM/NNNNNN_hash` without extension; the same for both versions. */
  stem: string
  scraped: string
  markdown: string
}

const PREFIXES = [
  '', 'Analysis: ', 'Update: ', 'Explainer: ', 'Exclusive: ', 'Live: ', 'Watch: ', 'Opinion: ',
  'Fact check: ', 'Q&A: ', 'Breaking: ', 'In pictures: ',
]

const PLACES: ReadonlyArray<readonly [city: string, country: string]> = [
  ['SEOUL', 'South Korea'], ['TOKYO', 'Japan'], ['BEIJING', 'China'], ['LONDON', 'United Kingdom'],
  ['PARIS', 'France'], ['BERLIN', 'Germany'], ['MADRID', 'Spain'], ['ROME', 'Italy'], ['KYIV', 'Ukraine'],
  ['WARSAW', 'Poland'], ['NAIROBI', 'Kenya'], ['LAGOS', 'Nigeria'], ['JOHANNESBURG', 'South Africa'],
  ['CAIRO', 'Egypt'], ['ISTANBUL', 'Turkey'], ['NEW DELHI', 'India'], ['MUMBAI', 'India'], ['JAKARTA', 'Indonesia'],
  ['MANILA', 'Philippines'], ['BANGKOK', 'Thailand'], ['HANOI', 'Vietnam'], ['SYDNEY', 'Australia'],
  ['WELLINGTON', 'New Zealand'], ['OTTAWA', 'Canada'], ['TORONTO', 'Canada'], ['MEXICO CITY', 'Mexico'],
  ['BOGOTA', 'Colombia'], ['LIMA', 'Peru'], ['SANTIAGO', 'Chile'], ['BUENOS AIRES', 'Argentina'],
  ['SAO PAULO', 'Brazil'], ['GENEVA', 'Switzerland'], ['BRUSSELS', 'Belgium'], ['THE HAGUE', 'Netherlands'],
  ['STOCKHOLM', 'Sweden'], ['OSLO', 'Norway'], ['HELSINKI', 'Finland'], ['DUBLIN', 'Ireland'],
  ['ATHENS', 'Greece'], ['LISBON', 'Portugal'],
]

const REPORTERS = [
  'HYUNG-JIN KIM', 'KIM TONG-HYUNG', 'MARI YAMAGUCHI', 'KEN MORITSUGU', 'JILL LAWLESS', 'DANICA KIRKA',
  'SYLVIE CORBET', 'GEIR MOULSON', 'FRANCES D\'EMILIO', 'ARITZ PARRA', 'HANNA ARHIROVA', 'VANESSA GERA',
  'EVELYNE MUSAMBI', 'CHINEDU ASADU', 'MOGOMOTSI MAGOME', 'SAMY MAGDY', 'SUZAN FRASER', 'KRUTIKA PATHI',
  'RAJESH ROY', 'NINIEK KARMINI', 'JIM GOMEZ', 'GRANT PECK', 'AYMAN SHIHAB', 'ROD McGUIRK', 'NICK PERRY',
  'ROB GILLIES', 'MARK STEVENSON', 'ASTRID SUAREZ', 'FRANKLIN BRICENO', 'EVA VERGARA', 'DEBORA REY',
  'MAURICIO SAVARESE', 'JAMEY KEATEN', 'LORNE COOK', 'MIKE CORDER', 'JAN M. OLSEN', 'DAVID KEYTON',
  'JARI TANNER', 'SHAWN POGATCHNIK', 'DEREK GATOPOULOS', 'BARRY HATTON', 'MATTHEW LEE', 'ZEKE MILLER',
  'LISA MASCARO', 'MARY CLARE JALONICK', 'ERIC TUCKER', 'JOSH BOAK', 'CHRISTOPHER RUGABER', 'PAUL WISEMAN',
  'MATT O\'BRIEN', 'BARBARA ORTUTAY', 'FRANK BAJAK', 'SETH BORENSTEIN', 'MIKE STOBBE', 'LAURAN NEERGAARD',
  'JOSEPH WILSON', 'COLLEEN BARRY', 'PAN PYLAS', 'KELVIN CHAN', 'JOE McDONALD',
]

const TOPICS = [
  'Asia-Pacific region', 'Europe', 'Africa', 'Latin America', 'the Middle East', 'climate change',
  'the global economy', 'technology', 'elections', 'the war in Ukraine', 'health', 'business',
]

/**
 * The `size` most frequent capitalised words that follow a lower-case word (so sentence starts
 * like "The" are left out), ties broken by name: tag names that look like real tags.
 */
export function tagPool(stories: readonly StorySource[], size: number): string[] {
  const counts = new Map<string, number>()
  const pattern = /(?<=\b[a-z][a-z,]*\s)([A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})?)\b/g
  for (const story of stories) {
    for (const paragraph of story.paragraphs) {
      for (const match of paragraph.matchAll(pattern)) {
        const word = match[1] as string
        if (CALENDAR_WORDS.has(word.split(' ')[0] as string)) continue
        counts.set(word, (counts.get(word) ?? 0) + 1)
      }
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, size)
    .map(([word]) => word)
}

const CALENDAR_WORDS = new Set([
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March',
  'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Christmas',
])

const AGENCY_SUFFIXES = [' - Reuters', ' - FT', ' - BBC', ' - Bloomberg', '']

function titleCaseName(upper: string): string {
  return upper.toLowerCase().replace(/(^|[\s\-'.])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/\bMc([a-z])/g, (_, ch: string) => 'Mc' + ch.toUpperCase())
}

function titleCase(text: string): string {
  return text.replace(/(^|\s)([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase())
}

function isoDay(dayOffset: number): string {
  return new Date(Date.UTC(2022, 0, 1 + dayOffset)).toISOString().slice(0, 10)
}

export function makeCorpus(sources: StorySource[], tags: string[], n: number): Corpus {
  const rng = mulberry32(SEED)
  return {sources, tags, n, order: shuffled(rng, sources.map((_, i) => i))}
}

function sourceAt(corpus: Corpus, index: number): StorySource {
  const story = corpus.sources[index]
  if (!story) throw new Error(`no source story ${index}`)
  return story
}

/**
 * Headline of article j: a source headline plus a prefix and a place suffix. Variant v of one base
 * maps to a distinct (prefix, place) pair, so headlines stay unique up to 492 × the source count.
 */
export function headlineOf(corpus: Corpus, j: number): string {
  const bases = corpus.order.length
  const baseIndex = corpus.order[j % bases] as number
  const base = sourceAt(corpus, baseIndex).headline
  const variant = Math.floor(j / bases)
  // 12 and 41 are coprime, so (variant mod 12, variant mod 41) differs for every variant below 492.
  const prefix = PREFIXES[variant % PREFIXES.length] as string
  const k = variant % (PLACES.length + 1)
  if (k === 0) return prefix + base
  const place = PLACES[(k - 1) % PLACES.length] as readonly [string, string]
  const city = titleCaseName(place[0])
  switch ((k + baseIndex) % 3) {
    case 0: return `${prefix}${base} in ${city}`
    case 1: return `${prefix}${base} — ${city}`
    default: return `${prefix}${base}, ${place[1]} says`
  }
}

/** A body of about `target` words: source paragraphs, starting with the headline's own story. */
function body(rng: Rng, corpus: Corpus, first: StorySource): {paragraphs: string[]; words: number} {
  const target = int(rng, 500, 640)
  const out: string[] = []
  let words = 0
  let source = first
  let lastSentences: string[] = []
  let guard = 0
  while (words < target && guard++ < 50) {
    for (let p = 0; p < source.paragraphs.length && words < target; p++) {
      out.push(source.paragraphs[p] as string)
      words += source.paragraphWords[p] as number
      lastSentences = source.paragraphSentences[p] as string[]
    }
    source = sourceAt(corpus, int(rng, 0, corpus.sources.length - 1))
  }
  // Trim the overshoot sentence by sentence so articles stay near the target.
  if (words > target + 60 && lastSentences.length > 1) {
    const parts = lastSentences.slice()
    while (words > target + 60 && parts.length > 1) words -= countWords(parts.pop() as string)
    out[out.length - 1] = parts.join(' ')
  }
  return {paragraphs: out, words}
}

function varyTitle(rng: Rng, title: string): string {
  const roll = rng()
  if (roll < 0.35) return title
  if (roll < 0.45) return title.toLowerCase()
  if (roll < 0.55) return title.toUpperCase()
  if (roll < 0.65) return titleCase(title)
  if (roll < 0.8) {
    if (title.includes("'")) return title.replace(/'/g, '’')
    if (title.includes('’')) return title.replace(/’/g, "'")
    const words = title.split(' ')
    const at = int(rng, 0, words.length - 1)
    words[at] = `“${words[at] as string}”`
    return words.join(' ')
  }
  if (title.includes(' — ')) return title.replace(' — ', pick(rng, [' - ', ' – ', '—', ' -- ']))
  if (title.includes(': ')) return title.replace(': ', ' — ')
  return title.toLowerCase()
}

function otherTitle(rng: Rng, corpus: Corpus): string {
  const story = sourceAt(corpus, int(rng, 0, corpus.sources.length - 1))
  if (chance(rng, 0.5)) return story.headline + pick(rng, AGENCY_SUFFIXES)
  const words = ((story.paragraphSentences[0] as string[])[0] as string).replace(/[.!?"”]+$/, '').split(' ')
  return words.slice(0, int(rng, 6, 11)).join(' ')
}

function teaserSummary(rng: Rng, corpus: Corpus): string {
  const story = sourceAt(corpus, int(rng, 0, corpus.sources.length - 1))
  let text = pick(rng, story.paragraphSentences).slice(0, int(rng, 1, 3)).join(' ')
  if (chance(rng, 0.4)) text = `${pick(rng, PLACES)[0]} (Reuters) -${text}`
  if (chance(rng, 0.1) && text.length > 120) text = text.slice(0, int(rng, 80, text.length - 1))
  return text
}

function pickTags(rng: Rng, pool: readonly string[]): string[] {
  const count = int(rng, 2, 4)
  const chosen = new Set<string>()
  // Squaring skews towards the head of the pool, so a few tags are large and most are small.
  while (chosen.size < count) chosen.add(pool[Math.floor(rng() * rng() * pool.length)] as string)
  return [...chosen]
}

export function generateArticle(corpus: Corpus, i: number): GeneratedArticle {
  const rng = mulberry32(seedFor(SEED, i))
  const headline = headlineOf(corpus, i)
  const first = sourceAt(corpus, corpus.order[i % corpus.order.length] as number)
  const date = isoDay(int(rng, 0, 729))
  const comments = Math.floor(rng() * rng() * 600)
  const reporters = chance(rng, 0.35) ? [pick(rng, REPORTERS), pick(rng, REPORTERS)] : [pick(rng, REPORTERS)]
  if (reporters.length === 2 && reporters[0] === reporters[1]) reporters.pop()
  const byline = reporters.join(' and ')
  const [city, country] = pick(rng, PLACES)
  const {paragraphs, words: bodyWords} = body(rng, corpus, first)
  const dateline = `${city}, ${country} (AP) — `
  paragraphs[0] = dateline + (paragraphs[0] as string)
  const words = bodyWords + countWords(dateline)
  const minutes = Math.max(1, Math.ceil(words / 230))
  const topic = pick(rng, TOPICS)
  const footer = `Follow AP’s coverage of ${topic} at https://apnews.com/hub/${topic.replace(/^the /, '').toLowerCase().replace(/[^a-z]+/g, '-')}`
  const teaserCount = int(rng, 3, 8)
  const teasers: Array<{title: string; summary: string}> = []
  for (let t = 0; t < teaserCount; t++) {
    let title: string
    if (chance(rng, 0.5) && corpus.n > 1) {
      let j = int(rng, 0, corpus.n - 2)
      if (j >= i) j++
      title = varyTitle(rng, headlineOf(corpus, j))
    } else {
      title = otherTitle(rng, corpus)
    }
    teasers.push({title, summary: teaserSummary(rng, corpus)})
  }
  const tags = pickTags(rng, corpus.tags)
  const stem = `${date.slice(0, 4)}/${date.slice(5, 7)}/${String(i).padStart(6, '0')}_${hex(rng, 16)}`

  const scraped = [
    ` date ${date} ${headline}`, '', String(comments), byline, `·${minutes} min read`, '',
    paragraphs.join('\n\n'), '', '___', '', footer, '', 'Recommended Stories', '',
    teasers.map(t => `  • ${t.title}\n\n    ${t.summary}`).join('\n\n'),
  ].join('\n')

  const markdown = [
    '---',
    `title: ${JSON.stringify(headline)}`,
    `date: ${date}`,
    `authors: ${JSON.stringify(reporters.map(titleCaseName))}`,
    `tags: ${JSON.stringify(tags)}`,
    `comments: ${comments}`,
    `footer: ${JSON.stringify(footer)}`,
    `recommended: ${JSON.stringify(teasers)}`,
    '---',
    '',
    paragraphs.join('\n\n'),
    '',
  ].join('\n')

  return {stem, scraped, markdown}
}
