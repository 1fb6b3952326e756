import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {plainFiles} from '../../bench/lib/newsroom.ts'
import {mulberry32} from '../../bench/lib/prng.ts'
import {clusterEvents, type EventInput} from '../../src/model/events.ts'
import {parse} from '../../src/parse/index.ts'

// Fixture stories, written for these tests. Each pair is one case; `all` puts them together, so
// that every case is also checked among the others (the weights depend on the whole input).
const story = (headline: string, paragraphs: string[], date: string | null, provider: string | null = null): EventInput => ({
  headline, paragraphs, date, provider
})

const mill = story('Fire at Leeds textile mill forces 200 workers out', [
  "A fire broke out at a textile mill in Leeds on Tuesday morning, forcing about 200 workers to leave the building as thick smoke spread across the city's south side.",
  'West Yorkshire Fire and Rescue Service said eight engines and an aerial ladder platform were sent to the Hallam Street site shortly after 7am.',
  'Nobody was seriously hurt, although two people were treated at the scene for smoke inhalation, a spokeswoman for the service said.',
  'Residents living nearby were told to keep their windows and doors closed while crews damped down the roof of the four-storey building.',
  'The mill, which dates from 1874, was converted into a clothing factory and offices in the 1990s and employs around 240 people.',
  'Its owner, Aire Valley Fabrics, said it was working with the fire service to establish the cause and would keep staff informed about when they could return.',
  "Local councillor Priya Shah said the building was an important part of the area's history and she was relieved that everyone had got out safely.",
  'Investigators are expected to begin examining the site on Wednesday once the structure has been declared safe.'
], '2024-03-05')
/** Another headline, the lead reworded, a paragraph gone and a sentence added. */
const millRedraft = {
  ...mill,
  headline: 'Leeds mill blaze: 200 staff evacuated',
  paragraphs: [
    'A fire broke out at a textile mill in Leeds on Tuesday, forcing about 200 workers to leave the building as thick smoke spread across the south of the city.',
    ...mill.paragraphs.slice(1, 6),
    'Traffic on the nearby A61 was diverted for several hours.',
    mill.paragraphs[7]!
  ]
}

/** One event from two providers: the facts of the lead agree, the wording and the rest differ. */
const volcanoAP = story("Volcano erupts on Iceland's Reykjanes peninsula, Grindavik evacuated", [
  "GRINDAVIK, Iceland (AP) — A volcano erupted on Iceland's Reykjanes peninsula on Monday night after weeks of earthquakes, forcing the evacuation of the 3,700 residents of Grindavik and closing the Blue Lagoon spa.",
  'Lava fountains up to 100 metres high could be seen from the capital, about 40 kilometres away.',
  'The Icelandic Meteorological Office said the fissure was about 3.5 kilometres long and that the eruption was larger than those of recent years.',
  'Flights in and out of Keflavik airport were not affected, the airport operator said.'
], '2023-12-18', 'AP')
const volcanoReuters = story('Iceland volcano erupts after weeks of earthquakes, Grindavik evacuated', [
  "REYKJAVIK (Reuters) - A volcano on Iceland's Reykjanes peninsula erupted on Monday night after weeks of earthquakes, and the 3,700 residents of Grindavik were evacuated and the Blue Lagoon spa closed.",
  'Television pictures showed orange lava spewing from a long crack in the ground, lighting up the night sky.',
  'Authorities said there was no immediate threat to life and that the main international airport remained open.',
  '"This is not a tourist eruption," a civil protection official told public broadcaster RUV, urging people to stay away.'
], '2023-12-19', 'Reuters')

/** Two budget stories a week apart: the preview and the budget itself. */
const budgetPreview = story('Chancellor expected to raise fuel duty in budget', [
  'The Chancellor is expected to raise fuel duty and freeze income tax thresholds when she delivers the budget next Wednesday, according to Treasury sources.',
  'Economists say the public finances leave little room for giveaways, with borrowing higher than forecast and the economy barely growing.',
  'Motoring groups warned that higher fuel duty would hit families already struggling with the cost of living.'
], '2024-02-28')
const budgetDay = story('Chancellor cuts fuel duty and lifts tax thresholds in budget', [
  'The Chancellor cut fuel duty by 5p a litre and raised income tax thresholds in her budget on Wednesday, saying the economy was turning a corner.',
  'She told MPs that inflation had fallen faster than expected and that borrowing would be lower than forecast by the end of the parliament.',
  'The opposition said the tax burden remained at its highest level for decades.'
], '2024-03-06')

/** Same subject, same day, different events. */
const exchange = story('Microsoft patches Exchange flaw used by hackers', [
  'Microsoft has released an emergency patch for a flaw in its Exchange email server software that hackers have been exploiting to break into corporate networks, the company said on Tuesday.',
  'The company urged customers to install the update immediately.'
], '2024-02-13')
const phishing = story('Microsoft warns Outlook users of phishing campaign', [
  'Microsoft has warned users of its Outlook email service about a phishing campaign that uses fake security alerts to steal passwords, the company said on Tuesday.',
  'It said it had taken down more than 200 websites used in the attacks.'
], '2024-02-13')
/** One template, two banks: the wording agrees, the names do not. */
const barclays = story('Barclays shares rise after profits beat forecasts', [
  'Shares in Barclays rose 3.1% on Tuesday after the bank reported a bigger than expected rise in annual profits and announced a new share buyback.',
  'Analysts had forecast a smaller increase.'
], '2024-02-20')
const lloyds = story('Lloyds shares rise after profits beat forecasts', [
  'Shares in Lloyds rose 3.1% on Tuesday after the bank reported a bigger than expected rise in annual profits and announced a new share buyback.',
  'Analysts had forecast a smaller increase.'
], '2024-02-20')

const all = [mill, millRedraft, volcanoAP, volcanoReuters, budgetPreview, budgetDay, exchange, phishing, barclays, lloyds]

/** The stories `clusterEvents` put with each story, as sorted index lists. */
function partition(ids: readonly number[]): number[][] {
  return ids.map((id) => ids.flatMap((other, index) => (other === id ? [index] : [])))
}

/** Whether `clusterEvents` puts a and b together, given with the stories `among`. */
function together(a: EventInput, b: EventInput, among: readonly EventInput[] = []): boolean {
  const ids = clusterEvents([a, b, ...among])
  return ids[0] === ids[1]
}

function dated(input: EventInput, date: string | null): EventInput {
  return {...input, date}
}

function generated(count: number): EventInput[] {
  return Object.values(plainFiles(count)).map((text) => {
    const [headline, ...rest] = text.split('\n')
    const paragraphs = rest.join('\n').split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '')
    return {headline: headline!, paragraphs, date: null, provider: null}
  })
}

describe('clusterEvents', () => {
  it('gives each story the lowest index of its cluster, and a story alone its own index', () => {
    expect(clusterEvents([])).toEqual([])
    expect(clusterEvents([exchange])).toEqual([0])
    expect(clusterEvents(all)).toEqual([0, 0, 2, 2, 4, 5, 6, 7, 8, 9])
    expect(clusterEvents([exchange, millRedraft, phishing, mill])).toEqual([0, 1, 2, 1])
  })

  it('clusters byte-identical stories, however many', () => {
    expect(clusterEvents([exchange, phishing, exchange, exchange])).toEqual([0, 1, 0, 0])
    // No body and a headline of stop words only: identical is still identical.
    const bare = story('It is what it is', [], null)
    expect(clusterEvents([bare, bare])).toEqual([0, 0])
  })
})

describe('near-duplicate bodies', () => {
  it('clusters a story with its re-draft: new headline, reworded lead, a paragraph out, a sentence in', () => {
    expect(together(mill, millRedraft)).toBe(true)
    expect(together(mill, millRedraft, all)).toBe(true)
  })

  it('finds a re-draft by its body when the headline and lead are rewritten', () => {
    const rewritten = {
      ...millRedraft,
      headline: 'Smoke over south Leeds as old mill burns',
      paragraphs: ['About 200 people were evacuated from a burning textile mill in Leeds on Tuesday as smoke drifted over nearby streets.', ...millRedraft.paragraphs.slice(1)]
    }
    expect(together(mill, rewritten, all)).toBe(true)
  })

  it('keeps apart template stories whose bodies agree but whose names do not', () => {
    // Near-duplicates by their 5-grams: only the bank and the figure differ.
    const results = (bank: string, share: string) => story(`${bank} profits beat forecasts`, [
      `${bank} said on Wednesday that its annual pre-tax profit rose to ${share}, beating analysts' forecasts, as higher interest rates lifted its lending income.`,
      'The bank said it would return more money to shareholders through dividends and buybacks this year and expected its cost of bad loans to stay low.',
      'Its chief executive said the economy had proved more resilient than expected, although customers remained cautious about borrowing.'
    ], '2024-02-21')
    expect(together(results('HSBC', '£30.3bn'), results('NatWest', '£6.2bn'))).toBe(false)
    expect(together(results('HSBC', '£30.3bn'), results('HSBC', '£30.3bn, its highest ever,'))).toBe(true)
  })

  it('does not cluster a follow-up that repeats half of the story as background', () => {
    const followUp = story('Leeds mill fire started in boiler room, investigators say', [
      'Investigators said on Wednesday that the fire which forced 200 workers out of a Leeds textile mill on Tuesday started in a boiler room.',
      ...mill.paragraphs.slice(2, 6),
      'The fire service said the blaze had spread through a ventilation shaft to the upper floors before crews could contain it.',
      'Staff are expected to return to the ground floor offices next week, although the upper floors will stay closed for repairs.'
    ], '2024-03-06')
    expect(together(mill, followUp)).toBe(false)
    expect(together(mill, followUp, all)).toBe(false)
  })

  it('keeps copies dated more than three days apart apart, and clusters one with a missing date', () => {
    expect(together(mill, dated(millRedraft, '2024-03-08'))).toBe(true)
    expect(together(mill, dated(millRedraft, '2024-03-09'))).toBe(false)
    expect(together(mill, dated(millRedraft, null))).toBe(true)
  })
})

describe('one event from two providers', () => {
  it('clusters two providers’ stories a day apart that tell the same facts in other words', () => {
    expect(together(volcanoAP, volcanoReuters)).toBe(true)
    expect(together(volcanoAP, volcanoReuters, all)).toBe(true)
    expect(together(volcanoAP, volcanoReuters, generated(300))).toBe(true)
  })

  it('reads past each provider’s own name in its lead', () => {
    const credit = (input: EventInput, text: string) => ({...input, paragraphs: [input.paragraphs[0]!.replace(/\.$/, text), ...input.paragraphs.slice(1)]})
    expect(together(credit(volcanoAP, ', according to AP.'), credit(volcanoReuters, ', according to Reuters.'))).toBe(true)
  })

  it('reads a lead run together with the next paragraph as the lead alone', () => {
    const update = story(mill.headline, [
      `${mill.paragraphs[0]} ${mill.paragraphs[1]}`,
      'By the afternoon the fire was under control and the roof had partly collapsed into the top floor.',
      'Aire Valley Fabrics said about 40 staff would work from its Bradford offices until the site reopened.'
    ], mill.date)
    expect(together(mill, update, all)).toBe(true)
  })

  it('reads a lead past the full stop of `Gov.`', () => {
    const signs = (headline: string, lead: string, provider: string) => story(headline, [lead, 'The law takes effect in January.'], '2024-09-24', provider)
    const ap = signs('Newsom signs wildfire insurance bill', 'Gov. Gavin Newsom signed a bill on Tuesday requiring insurers to cover homes in California wildfire zones, ending months of talks with the industry.', 'AP')
    const reuters = signs('California governor signs law on wildfire cover', 'Gov. Gavin Newsom on Tuesday signed a bill requiring insurers to cover homes in California wildfire zones, ending months of talks with the industry.', 'Reuters')
    expect(together(ap, reuters, all)).toBe(true)
  })

  it('never clusters by headline and lead more than three days apart', () => {
    expect(together(volcanoAP, dated(volcanoReuters, '2023-12-21'))).toBe(true)
    expect(together(volcanoAP, dated(volcanoReuters, '2023-12-22'))).toBe(false)
    expect(together(volcanoAP, dated(volcanoReuters, '2023-12-14'))).toBe(false)
    expect(together(volcanoAP, dated(volcanoReuters, '2024-12-18'))).toBe(false)
  })

  it('pairs undated stories only with undated ones', () => {
    expect(together(dated(volcanoAP, null), dated(volcanoReuters, null))).toBe(true)
    expect(together(volcanoAP, dated(volcanoReuters, null))).toBe(false)
    expect(together(dated(volcanoAP, null), volcanoReuters)).toBe(false)
  })

  it('keeps two budget stories apart, a week apart or on the same day', () => {
    expect(together(budgetPreview, budgetDay)).toBe(false)
    expect(together(budgetPreview, budgetDay, all)).toBe(false)
    expect(together(budgetPreview, dated(budgetDay, budgetPreview.date))).toBe(false)
    expect(together(budgetPreview, dated(budgetDay, budgetPreview.date), all)).toBe(false)
  })

  it('keeps same-subject stories of one day apart', () => {
    expect(together(exchange, phishing)).toBe(false)
    expect(together(exchange, phishing, all)).toBe(false)
  })

  it('keeps apart leads worded alike whose names differ', () => {
    expect(together(barclays, lloyds)).toBe(false)
    expect(together(barclays, lloyds, all)).toBe(false)
    // A first name that opens the lead is a name too, though no capital inside a sentence says so.
    const defends = (first: string, more: string) =>
      story('Marsh defends record on hospital waiting lists', [`${first} Marsh has defended the handling of hospital waiting lists, saying critics had misread the figures.`, more], '2024-02-20')
    const helen = defends('Helen', 'She said two new surgical centres would open in the north of the county before the summer.')
    const peter = defends('Peter', 'He told the board that agency staffing costs had fallen for the first time in five years.')
    expect(together(helen, peter)).toBe(false)
    // The same wording with the same names is one story.
    expect(together(barclays, {...barclays, headline: 'Barclays shares climb after profits beat forecasts'})).toBe(true)
  })
})

/**
 * The seed's AP story and its 20 Recommended Stories teasers, each a story of its teaser's outlet on
 * the seed's day (a teaser whose outlet the file does not name is given one of its own): the portal
 * put two stories of one event from other providers under it, and another pair on one missile test.
 */
function seedDay(): {stories: EventInput[]; titles: string[]} {
  const parsed = parse(readFileSync(new URL('../../content/000_ca89730430cec1e2.txt', import.meta.url), 'utf8'), 'seed.txt')
  if (!parsed.ok) throw new Error('the seed does not parse')
  const seed = parsed.article
  const stories = [
    story(seed.headline, seed.paragraphs, seed.date, 'AP'),
    ...seed.recommended.map((teaser, i) => story(teaser.title, [teaser.summary], seed.date, teaser.source ?? `outlet ${i}`))
  ]
  return {stories, titles: stories.map((s) => s.headline)}
}

describe('two providers in their own words on one day', () => {
  const {stories, titles} = seedDay()
  const ids = clusterEvents(stories)
  const events = [...new Set(ids)].map((id) => ids.flatMap((other, i) => (other === id ? [titles[i]] : []))).filter((event) => event.length > 1)

  it('joins the AP story with the Reuters teaser on the same denial, and two teasers on one missile test', () => {
    expect(events).toEqual([
      ['N. Korea slams US for raising alleged arms supply to Russia', 'N.Korea denies arms dealings with Russia, says it has no plans to do so'],
      ['North Korea says launches were simulated attack, as South recovers missile parts', 'North Korea: Missile tests were practice to attack South, US']
    ])
  })

  it('keeps the two North Korea events apart, and leaves alone what it is not sure of', () => {
    const denial = ids[titles.indexOf('N. Korea slams US for raising alleged arms supply to Russia')]
    const missiles = ids[titles.indexOf('North Korea: Missile tests were practice to attack South, US')]
    expect(denial).not.toBe(missiles)
    // Bloomberg's telling of the denial shares too few words with the others to be joined: precision first.
    expect(events.flat()).not.toContain('North Korea Again Denies US Charges of Selling Arms to Russia')
  })

  it('needs two providers, and one day', () => {
    const ap = stories[0]!
    const reuters = stories[titles.indexOf('N.Korea denies arms dealings with Russia, says it has no plans to do so')]!
    expect(together(ap, reuters, stories.slice(2))).toBe(true)
    expect(together(ap, {...reuters, provider: 'AP'}, stories.slice(2))).toBe(false)
    expect(together(ap, {...reuters, provider: null}, stories.slice(2))).toBe(false)
    expect(together(ap, dated(reuters, '2022-11-09'), stories.slice(2))).toBe(false)
    expect(together(dated(ap, null), dated(reuters, null), stories.slice(2))).toBe(false)
  })

  it('keeps same-subject stories of two providers on one day apart', () => {
    expect(together({...exchange, provider: 'AP'}, {...phishing, provider: 'Reuters'}, all)).toBe(false)
    expect(together({...budgetPreview, provider: 'AP'}, {...budgetDay, date: budgetPreview.date, provider: 'Reuters'}, all)).toBe(false)
    expect(together({...barclays, provider: 'AP'}, {...lloyds, provider: 'Reuters'}, all)).toBe(false)
  })
})

/**
 * Three windows of one run of 18 paragraphs of 15 made-up words, each window shifted by three: A
 * and B share 9 of their 12 paragraphs, as do B and C (an exact tie), but A and C only 6. One
 * opening paragraph that names nobody, and headlines of their own, so that only their bodies can
 * join them.
 */
function chain(): EventInput[] {
  const run = Array.from({length: 18}, (_, p) => Array.from({length: 15}, (_, w) => `w${(15 * p + w).toString(36)}x`).join(' '))
  const opening = 'this paragraph opens every link of the chain and names nobody at all.'
  const headlines = ['Chain link about quarterly figures and investors', 'Chain link about a regional election campaign', 'Chain link about storm damage on a coastal road']
  return headlines.map((headline, i) => story(headline, [opening, ...run.slice(3 * i, 3 * i + 12)], null))
}

describe('chains', () => {
  it('does not let A and C meet through B', () => {
    const [a, b, c] = clusterEvents(chain())
    expect(a).not.toBe(c)
    expect(b === a || b === c).toBe(true)
  })

  it('breaks the tie between A-B and B-C the same way in every input order', () => {
    const [a, b, c] = chain()
    const orders = [[a, b, c], [a, c, b], [b, a, c], [b, c, a], [c, a, b], [c, b, a]]
    const withB = orders.map((order) => {
      const ids = clusterEvents(order as EventInput[])
      const id = (s: EventInput | undefined) => ids[order.indexOf(s)]
      return id(b) === id(a) ? 'A' : id(b) === id(c) ? 'C' : 'none'
    })
    expect(new Set(withB).size).toBe(1)
    expect(withB[0]).not.toBe('none')
  })
})

describe('determinism', () => {
  const corpus = [...all, ...generated(200), ...all.slice(0, 3), ...chain()]

  it('gives the same result every time', () => {
    expect(clusterEvents(corpus)).toEqual(clusterEvents(corpus))
  })

  it('gives the same partition whatever the input order', () => {
    const expected = partition(clusterEvents(corpus))
    const rng = mulberry32(7)
    for (let round = 0; round < 5; round++) {
      const order = corpus.map((_, i) => i)
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1))
        ;[order[i], order[j]] = [order[j]!, order[i]!]
      }
      const ids = clusterEvents(order.map((i) => corpus[i]!))
      // Back to the original positions: the story at position p was corpus[order[p]].
      const back: number[] = []
      order.forEach((original, position) => (back[original] = order[ids[position]!]!))
      expect(partition(back)).toEqual(expected)
    }
  })
})

describe('generated stories', () => {
  const stories = generated(2000)

  it('finds no event among different stories beyond identical leads', () => {
    const ids = clusterEvents(stories)
    // The generator can write one lead sentence for two stories (one pattern, the same country,
    // subject and weekday); nothing else may cluster. There are none at 2,000 stories, one at 10,000.
    ids.forEach((id, i) => {
      if (id !== i) expect(stories[i]!.paragraphs[0]).toBe(stories[id]!.paragraphs[0])
    })
  })

  it('finds each re-draft among them: another story’s headline, two paragraphs off the end', () => {
    const originals = stories.slice(0, 40)
    const redrafts = originals.map((s, i) => ({...s, headline: stories[1000 + i]!.headline, paragraphs: s.paragraphs.slice(0, -2)}))
    const ids = clusterEvents([...stories, ...redrafts])
    redrafts.forEach((_, i) => expect(ids[stories.length + i]).toBe(i))
  })
})
