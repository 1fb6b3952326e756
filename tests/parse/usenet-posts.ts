// Usenet posts and list mail, generated: headers in the orders and spellings news software wrote,
// replies with attributions and quotations (some answered inline), hard-wrapped paragraphs and
// signatures. Deterministic (a seeded generator), so a failure names a post that stays the same.
// Each post comes with what reading it must give.

export interface GeneratedPost {
  name: string
  text: string
  subject: string
  /** `YYYY-MM-DD`, the sender's day. */
  date: string
  /** The byline: the display name, or null when From gives an address alone. */
  author: string | null
  /** The paragraphs the post's own text makes. */
  paragraphs: string[]
}

const FIRST = ['Margaret', 'Tom', 'Rosa', 'Walter', 'Hugo', 'Edith', 'Karin', 'Agnès', 'Ian', 'Priya', 'Olu', 'Mei']
const LAST = ['Oduya', 'Reyes', 'Netherby', 'Ingleby', 'Selwyn', 'Marchetti', 'Holbrook', 'Le Gall', 'McLeod', 'Raman', 'Adeyemi', 'Chen']
const GROUPS = ['uk.local.harbourtown', 'uk.transport.ferries', 'alt.news.islands', 'misc.news.digest']
const TOPICS = ['ferry fares', 'the sea wall', 'harbour rents', 'the lifeboat appeal', 'winter timetables', 'the council budget', 'freight charges']
const WORDS = (
  'the board said that fares would rise in spring and islanders asked why the council had not published its costs ' +
  'a spokesman told the meeting there was no plan to cut sailings but the operator wanted a decision before summer ' +
  'residents who cross every day would pay less under the card scheme while visitors would pay the full price ' +
  'several hauliers said the freight charges were already too high and that a rise would push prices up in the shops'
).split(' ')
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

class Random {
  private state: number
  constructor(seed: number) {
    this.state = seed >>> 0 || 1
  }
  next(): number {
    // xorshift32
    let x = this.state
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    this.state = x >>> 0
    return this.state / 0x100000000
  }
  int(n: number): number {
    return Math.floor(this.next() * n)
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!
  }
  chance(p: number): boolean {
    return this.next() < p
  }
}

function sentence(random: Random): string {
  const words = Array.from({length: 8 + random.int(12)}, () => random.pick(WORDS))
  const text = words.join(' ')
  return `${text[0]!.toUpperCase()}${text.slice(1)}${random.pick(['.', '.', '.', '?'])}`
}

function paragraph(random: Random): string {
  return Array.from({length: 1 + random.int(4)}, () => sentence(random)).join(' ')
}

/** Greedy hard wrap at `width` columns, as a newsreader's editor did. */
function wrap(text: string, width: number, prefix = ''): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(prefix + line)
  return lines
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

export function usenetPosts(count: number, seed = 1994): GeneratedPost[] {
  const random = new Random(seed)
  return Array.from({length: count}, (_, i) => post(random, i))
}

function post(random: Random, i: number): GeneratedPost {
  const first = random.pick(FIRST)
  const last = random.pick(LAST)
  const name = `${first} ${last}`
  const address = `${first.toLowerCase().replace(/[^a-z]/g, '')}.${last.toLowerCase().replace(/[^a-z]/g, '')}@example.org`
  const fromForms: Array<[string, string | null]> = [
    [`"${name}" <${address}>`, name],
    [`${name} <${address}>`, name],
    [`${address} (${name})`, name],
    [address, null]
  ]
  const [from, author] = random.pick(fromForms)
  const topic = random.pick(TOPICS)
  const reply = random.chance(0.6)
  const subject = `${reply ? 'Re: ' : ''}${topic[0]!.toUpperCase()}${topic.slice(1)} ${random.pick(['again', 'news', 'question', 'update', 'meeting'])}`
  const year = 1988 + random.int(36)
  const month = random.int(12)
  const day = 1 + random.int(28)
  const date = `${year}-${pad(month + 1)}-${day.toString().padStart(2, '0')}`
  const time = `${pad(random.int(24))}:${pad(random.int(60))}:${pad(random.int(60))}`
  const weekday = random.pick(DAYS)
  const dateHeader = random.pick([
    `${weekday}, ${day} ${MONTHS[month]} ${year} ${time} ${random.pick(['+0000', '-0500', '+0900', 'GMT'])}`,
    `${day} ${MONTHS[month]} ${year} ${time} GMT`,
    `${weekday}, ${pad(day)} ${MONTHS[month]} ${year % 100 < 10 ? `0${year % 100}` : year % 100} ${time} ${random.pick(['EST', '-0800 (PST)'])}`
  ])
  // Two-digit years: 1988-1999 and 2000-2023 both read back to the year written.
  const messageId = `<${year}${MONTHS[month]}${day}.${i}@example.org>`
  const headerLines: Array<[string, string]> = [
    ['Path', `news.example.net!feed${i % 7}!not-for-mail`],
    ['From', from],
    ['Newsgroups', random.pick(GROUPS)],
    ['Subject', subject],
    ['Date', dateHeader],
    ['Organization', random.pick(['Harbourtown Free-Net', 'Island Telecom', 'University of the Isles'])],
    ['Lines', String(10 + random.int(60))],
    ['Message-ID', messageId]
  ]
  if (reply) headerLines.push(['References', `<${year}${MONTHS[month]}${day}.${i + 1000}@example.net>`])
  if (random.chance(0.3)) headerLines.push(['X-Newsreader', `tin [version 1.${random.int(9)}]`])
  // News software put the headers in its own order; From and Subject come anywhere.
  for (let k = headerLines.length - 1; k > 0; k--) {
    const j = random.int(k + 1)
    ;[headerLines[k], headerLines[j]] = [headerLines[j]!, headerLines[k]!]
  }
  const lines: string[] = []
  if (random.chance(0.2)) lines.push(`From ${address} ${weekday} ${MONTHS[month]} ${String(day).padStart(2, ' ')} ${time} ${year}`)
  for (const [field, value] of headerLines) {
    // A long References or Path is folded onto a continuation line now and then.
    if (field === 'Path' && random.chance(0.3)) lines.push(`${field}: ${value}!`, `\t${'relay.example.com!'.repeat(2)}not-for-mail`)
    else lines.push(`${field}: ${value}`)
  }
  lines.push('')
  const width = 60 + random.int(16)
  const paragraphs: string[] = []
  if (reply) {
    const other = `${random.pick(FIRST)} ${random.pick(LAST)}`
    const attribution = random.pick([
      [`In article ${messageId.replace('@example.org', '@example.net')}, ${other} <someone@example.net> writes:`],
      [`In article ${messageId.replace('@example.org', '@example.net')},`, `${other} <someone@example.net> wrote:`],
      [`On ${weekday}, ${day} ${MONTHS[month]} ${year}, ${other} wrote:`],
      [`${other} <someone@example.net> writes:`]
    ])
    lines.push(...attribution)
    const inline = random.chance(0.4)
    const rounds = inline ? 2 + random.int(2) : 1
    for (let r = 0; r < rounds; r++) {
      lines.push(...wrap(paragraph(random), width, random.pick(['> ', '> ', '>> ', '> > '])))
      if (random.chance(0.3)) lines.push('>')
      if (inline || r === rounds - 1) {
        lines.push('')
        const text = paragraph(random)
        paragraphs.push(text)
        lines.push(...wrap(text, width), '')
      }
    }
  }
  for (let p = 0, n = 1 + random.int(4); p < n; p++) {
    const text = paragraph(random)
    paragraphs.push(text)
    lines.push(...wrap(text, width), '')
  }
  if (random.chance(0.8)) {
    lines.push(random.pick(['-- ', '--']), author ?? address.split('@')[0]!)
    if (random.chance(0.5)) lines.push(`"${sentence(random)}"`)
    if (random.chance(0.5)) lines.push(address)
  }
  const eol = random.chance(0.25) ? '\r\n' : '\n'
  return {name: `${year}/${i.toString().padStart(4, '0')}${random.pick(['', '.txt', '.eml'])}`, text: `${lines.join(eol)}${eol}`, subject, date, author, paragraphs}
}
