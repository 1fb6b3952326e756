import {describe, expect, it} from 'vitest'
import {definitions} from '../../src/model/tags/abbreviations.ts'
import {createVocabulary, deriveStoryTags, deriveTags, extractMentions, storyMentions} from '../../src/model/tags/index.ts'
import type {TagsConfig} from '../../src/model/types.ts'
import {article, parseFile, sampleArticles, seedFile} from './story-files.ts'
import {tagEvidence, unwrittenTags} from './tag-evidence.ts'
import {buildSite} from '../../src/model/site.ts'
import {testConfig} from '../render/site-fixture.ts'

const defaults: TagsConfig = {max: 6, minStories: 2, aliases: {}, stop: []}
const seed = parseFile(seedFile, '000_ca89730430cec1e2.txt')
/** The tier's sample corpus (story-files.ts): generated stories, or the BBC set in the corpus tier. */
const bbc = sampleArticles()

const banned = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Last week', 'AP']

describe('deriveTags on the seed', () => {
  it('alone (minStories 1, the default max of 8) names North Korea, Russia, the United States and Ukraine', () => {
    const [tags] = deriveTags([seed], {...defaults, max: 8, minStories: 1})
    expect(tags).toEqual(expect.arrayContaining(['North Korea', 'Russia', 'United States', 'Ukraine']))
    for (const word of banned) expect(tags).not.toContain(word)
    expect(tags?.length).toBeLessThanOrEqual(8)
  })

  it('ranks headline names first', () => {
    const [tags] = deriveTags([seed], {...defaults, minStories: 1})
    expect(tags?.slice(0, 3).sort()).toEqual(['North Korea', 'Russia', 'United States'])
  })

  it('is deterministic', () => {
    expect(deriveTags([seed, ...bbc.slice(0, 200)], defaults)).toEqual(deriveTags([seed, ...bbc.slice(0, 200)], defaults))
  })
})

describe('deriveTags on the sample corpus', () => {
  const all = deriveTags(bbc, defaults)

  it('invents nothing: every tag is written in its story, as it is or as an alias of it', () => {
    const tags = deriveStoryTags(bbc, defaults)
    const evidence = tagEvidence(bbc)
    const unwritten = bbc.flatMap((story, i) => unwrittenTags(story, tags[i] ?? [], evidence).map((tag) => `${story.source}: ${tag}`))
    expect(tags.flat().length).toBeGreaterThan(bbc.length * 3)
    expect(unwritten).toEqual([])
  })

  it('gives every derived tag a person, place or organisation kind, one kind a name across the site', () => {
    const kinds = new Map<string, Set<string>>()
    for (const tag of deriveStoryTags(bbc, defaults).flat()) kinds.set(tag.name, (kinds.get(tag.name) ?? new Set()).add(tag.kind))
    expect([...kinds.values()].every((set) => set.size === 1 && ['person', 'place', 'org'].includes([...set][0]!))).toBe(true)
    const counts = {person: 0, place: 0, org: 0}
    for (const set of kinds.values()) counts[[...set][0] as keyof typeof counts]++
    expect(Math.min(counts.person, counts.place, counts.org)).toBeGreaterThan(5)
  })

  it('keeps a story its tags whatever minStories says: it only decides what the tags index lists', () => {
    const stories = bbc.slice(0, 100)
    expect(deriveTags(stories, {...defaults, minStories: 100_000})).toEqual(deriveTags(stories, defaults))
  })

  it('never gives more than max derived tags', () => {
    expect(Math.max(...all.map((tags) => tags.length))).toBeLessThanOrEqual(6)
    expect(deriveTags(bbc.slice(0, 50), {...defaults, max: 2}).every((tags) => tags.length <= 2)).toBe(true)
  })

  it('names no weekday, month or agency', () => {
    const everyTag = new Set(all.flat())
    for (const word of [...banned, 'May', 'March', 'Reuters']) expect(everyTag.has(word)).toBe(false)
  })
})

describe('normalisation', () => {
  const stories = [
    article('N. Korea fires missiles', ['North Korea’s army fired two missiles, officials in Seoul said.']),
    article('N.Korea warns Seoul', ['SEOUL (Reuters) — N. Korea warned the South on Tuesday.']),
    article('U.S. and U.K. talks', ['The U.S. and Britain held talks. The US side and the UK side met in London.']),
    article('UN vote', ['The U.N. voted. United Nations officials in London said so.'])
  ]
  const tags = deriveTags(stories, defaults)

  it('folds N. Korea, N.Korea and North Korea’s into North Korea', () => {
    expect(tags[0]).toContain('North Korea')
    expect(tags[1]).toContain('North Korea')
    expect(tags.flat()).not.toContain('North Korea’s')
    expect(tags.flat()).not.toContain('N. Korea')
  })

  it('folds U.S./US and U.K./UK/Britain, U.N./United Nations', () => {
    expect(deriveTags(stories, {...defaults, minStories: 1})[2]).toEqual(expect.arrayContaining(['United States', 'United Kingdom']))
    expect(deriveTags(stories, {...defaults, minStories: 1})[3]).toContain('United Nations')
  })

  it('does not read the pronoun "us" or "Who" as an acronym', () => {
    const [found] = deriveTags([article('Tell us', ['Who knows? Let us see, said Jane Smith in Paris.'])], {...defaults, minStories: 1})
    expect(found).not.toContain('United States')
    expect(found).not.toContain('World Health Organization')
    expect(found).toContain('Paris')
  })

  it('never leaves a story without a tag when it names a place, even one no other story shares', () => {
    const result = deriveTags([...stories, article('Flood news', ['Heavy rain hit Reykjavik on Monday.'])], defaults)
    expect(result[4]).toEqual(['Reykjavik'])
  })

  it('uses the most frequent spelling as the display name', () => {
    const result = deriveTags(
      [article('a', ['Officials at Acme Widgets Group spoke.']), article('b', ['ACME WIDGETS GROUP said no.']), article('c', ['Acme Widgets Group agreed.'])],
      defaults
    )
    expect(result.every((tags) => tags.includes('Acme Widgets Group'))).toBe(true)
  })
})

describe('ranking by salience', () => {
  const stories = [
    article('Talks in Paris', ['Jane Smith met Ahmed Khan in Paris.']),
    article('Paris strike', ['Workers in Paris struck. Ahmed Khan spoke.']),
    article('Lyon market', ['Traders in Lyon met Oliver Brown.'])
  ]

  it('keeps a name only one story has on that story, whatever minStories says', () => {
    const tags = deriveTags(stories, defaults)
    expect([...tags[0]!].sort()).toEqual(['Ahmed Khan', 'Jane Smith', 'Paris'])
    expect([...tags[2]!].sort()).toEqual(['Lyon', 'Oliver Brown'])
    expect(deriveTags(stories, {...defaults, minStories: 1})).toEqual(tags)
  })

  it('puts the names in the headline and all through the story before one named once in the lead', () => {
    const story = article('Acme Widgets Group cuts jobs', [
      'Acme Widgets Group is to cut 200 jobs, said Jane Smith of the Unite union.',
      'Paris was quiet. The firm met Ahmed Khan.',
      'Ahmed Khan said talks would go on. Paris stayed calm.',
      'Ahmed Khan added that Paris was key.'
    ])
    const tags = deriveTags([story], defaults)[0]!
    expect([...tags].sort()).toEqual(['Acme Widgets Group', 'Ahmed Khan', 'Jane Smith', 'Paris'])
    expect(tags.indexOf('Jane Smith')).toBeGreaterThan(Math.max(tags.indexOf('Acme Widgets Group'), tags.indexOf('Ahmed Khan')))
  })

  it('gives each tag its kind', () => {
    const [tags] = deriveStoryTags([article('Talks in Paris', ['Jane Smith met Ahmed Khan and the Acme Widgets Group in Paris.'], ['Trade'])], defaults)
    expect(tags?.[0]).toEqual({name: 'Trade', kind: 'topic'})
    expect(tags?.slice(1).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      {name: 'Acme Widgets Group', kind: 'org'},
      {name: 'Ahmed Khan', kind: 'person'},
      {name: 'Jane Smith', kind: 'person'},
      {name: 'Paris', kind: 'place'}
    ])
  })
})

describe('configuration', () => {
  const stories = [
    article('Pyongyang tests', ['DPRK officials in Pyongyang met Kim Jong Un.']),
    article('Pyongyang parade', ['Crowds filled Pyongyang as the DPRK marched.'])
  ]

  it('aliases map a spelling to a canonical tag', () => {
    const tags = deriveTags(stories, {...defaults, aliases: {Pyongyang: 'North Korea (capital)'}})
    expect(tags[0]).toContain('North Korea (capital)')
    expect(tags[0]).not.toContain('Pyongyang')
  })

  it('stop bans a term, case-insensitively, with its aliases', () => {
    const tags = deriveTags(stories, {...defaults, stop: ['pyongyang', 'NORTH KOREA']})
    expect(tags.flat().map((t) => t.toLowerCase())).not.toContain('pyongyang')
    expect(tags.flat()).not.toContain('North Korea')
  })

  it('front-matter tags come first, as given, and are not repeated', () => {
    const withFront = [{...stories[0]!, tags: ['north korea', 'Nukes']}, stories[1]!]
    const [tags] = deriveTags(withFront, defaults)
    expect(tags?.slice(0, 2)).toEqual(['north korea', 'Nukes'])
    expect(tags?.filter((t) => t.toLowerCase() === 'north korea')).toHaveLength(1)
  })
})

describe('mentions', () => {
  const vocabulary = {aliases: {}, stop: []}

  it('learn an abbreviation a story spells out, and read it alone elsewhere as the full name', () => {
    expect([...definitions("Figures from the Office for National Statistics (ONS) and the UK's Confederation of British Industry (CBI) and Foo (X).")]).toEqual([
      ['ONS', 'Office for National Statistics'],
      ['CBI', 'Confederation of British Industry']
    ])
    const defining = article('Jobs data', ['The Office for National Statistics (ONS) said jobs rose. The ONS expects more.'])
    const alone = article('Prices data', ['Prices rose, the ONS said.'])
    const other = article('More data', ['The Office for National Statistics said so too.'])
    expect(deriveTags([defining, alone, other], {...defaults, minStories: 2})).toEqual([['Office for National Statistics'], ['Office for National Statistics'], ['Office for National Statistics']])
  })

  it('read a demonym alone as its country, and a longer name that starts with one whole', () => {
    const story = article('Talks', ['French ministers met Japanese officials.', 'British Airways and Dawn French were not there.'])
    const mentions = extractMentions(story, createVocabulary(vocabulary))
    expect(mentions.map((m) => [m.key, m.kind])).toEqual([['british airways', 'org'], ['dawn french', null], ['france', 'place'], ['japan', 'place']])
  })

  it('never let a title eat a name: Chancellor of the Exchequer Nigel Lawson', () => {
    const mentions = extractMentions(article('x', ['Chancellor of the Exchequer Nigel Lawson spoke.']), createVocabulary(vocabulary))
    expect(mentions.map((m) => [m.key, m.kind])).toEqual([['nigel lawson', 'person']])
  })

  it('keep a surname the lexicon reads as a grammar word after a first name or a title: Gordon Brown, Mr Brown, Theresa May', () => {
    const story = article('Brown sets out his budget', ['Chancellor Gordon Brown set out his plans.', 'Mr Brown said growth would be strong, and Theresa May agreed.', 'Green and Cook were absent.'])
    const mentions = extractMentions(story, createVocabulary(vocabulary))
    expect(mentions.filter((m) => m.kind === 'person').map((m) => [m.key, m.count])).toEqual([['gordon brown', 2], ['theresa may', 1]])
  })

  it('fold a possessive and a later surname into the full name', () => {
    const mentions = storyMentions(
      article('Kirby speaks', ['National Security Council spokesperson John Kirby spoke.', 'Kirby said Ukraine’s army held. Mr Kirby’s view was clear.']),
      vocabulary
    )
    const kirby = mentions.find((m) => m.key === 'john kirby')
    expect(kirby?.count).toBe(3)
    expect(kirby?.headline).toBe(1)
    expect(mentions.find((m) => m.key === 'ukraine')?.spellings).toEqual({Ukraine: 1})
    expect(mentions.find((m) => m.key === 'kirby')).toBeUndefined()
  })

  it('drop sentence-initial words and bare titles', () => {
    const keys = storyMentions(article('x', ['Last week, the Prime Minister spoke. Some observers in Paris agreed.']), vocabulary).map((m) => m.key)
    expect(keys).toEqual(['paris'])
  })

  it('keep the organisation before a title and the person after it', () => {
    const mentions = storyMentions(article('x', ['U.N. Secretary-General Antonio Guterres spoke in Geneva.']), vocabulary)
    expect(mentions.map((m) => [m.key, m.kind])).toEqual([
      ['antonio guterres', 'person'],
      ['geneva', 'place'],
      ['united nations', 'org']
    ])
  })

  it('keep a name joined by an ampersand whole: Marsh & McLennan, Tate & Lyle', () => {
    const keys = storyMentions(article('x', ['Shares in Marsh & McLennan fell, and Tate & Lyle rose.']), vocabulary).map((m) => m.key)
    expect(keys).toEqual(['marsh & mclennan', 'tate & lyle'])
  })

  it('read MP, MSP and MEP as titles: the name after or before them is the person', () => {
    const mentions = storyMentions(article('x', ['Labour MP Stephen Pound spoke, as did Brian Monteith MSP.']), vocabulary)
    expect(mentions.filter((m) => m.kind === 'person').map((m) => m.key)).toEqual(['brian monteith', 'stephen pound'])
  })

  it('split a person of a body into the two: Doug Williams of BT is a person and BT', () => {
    const keys = storyMentions(article('x', ['Richard Smith of Latin Trade Magazine said so. The Bank of England agreed.']), vocabulary).map((m) => m.key)
    expect(keys).toEqual(['bank of england', 'latin trade magazine', 'richard smith'])
  })

  it('keep `Securities and Exchange Commission` whole but split `Russia and China`', () => {
    const keys = storyMentions(article('x', ['The Securities and Exchange Commission sued. Russia and China objected.']), vocabulary).map((m) => m.key)
    expect(keys).toEqual(['china', 'russia', 'securities and exchange commission'])
  })

  it('split two bodies joined by `and` when the first is a body by itself, and keep one name otherwise', () => {
    const keys = storyMentions(
      article('x', ['Shares in Zentrix and Kolbert Telekom fell, Harwick Bank and Ostrava Credit Group said. The Department for Farming and Fisheries and the US Securities and Exchange Commission agreed.']),
      {aliases: {Zentrix: 'Zentrix'}, stop: []}
    ).map((m) => m.key)
    expect(keys).toEqual(expect.arrayContaining(['harwick bank', 'ostrava credit group', 'department for farming and fisheries', 'securities and exchange commission']))
    expect(keys).not.toContain('harwick bank and ostrava credit group')
  })

  it('split a person of a body after a title too: Dr Doug Williams of BT', () => {
    const mentions = storyMentions(article('x', ['"It works," said Dr Walter Pirelli of Quantel Labs, who leads the work.']), vocabulary)
    expect(mentions.map((m) => [m.key, m.kind])).toEqual([['quantel labs', 'org'], ['walter pirelli', 'person']])
  })

  it('read a title between a party and a name as a title: Liberal Democrat MP Lembit Opik', () => {
    const mentions = storyMentions(article('x', ['The Liberal Democrat MP Jasper Quillon spoke.']), vocabulary)
    expect(mentions.map((m) => [m.key, m.kind])).toEqual([['jasper quillon', 'person'], ['liberal democrats', 'org']])
  })

  it('leave a company’s legal form out of its name: Leadplex Inc and Leadplex LLC are Leadplex', () => {
    const mentions = storyMentions(article('x', ['Brindle Inc sued Brindle LLC, and Marrow Foods Limited and Quist Inc. watched.']), vocabulary)
    expect(mentions.map((m) => [m.key, m.kind, m.count])).toEqual([['brindle', 'org', 2], ['marrow foods', 'org', 1], ['quist', 'org', 1]])
  })

  it('take the name a story spells out for its abbreviation, even where the scan read it in pieces', () => {
    expect([...definitions('the Summit on the Digital Commons (SDC) and the UK Cable Forum (UKCF)')]).toEqual([
      ['SDC', 'Summit on the Digital Commons'],
      ['UKCF', 'UK Cable Forum']
    ])
    const mentions = storyMentions(article('x', ['Delegates met at the Summit on the Digital Commons (SDC) in Tunis.', 'The SDC closed on Friday.']), vocabulary)
    const summit = mentions.find((m) => m.key === 'summit on the digital commons')
    expect(summit?.kind).toBe('org')
    expect(summit?.count).toBe(3)
    expect(mentions.map((m) => m.key)).toEqual(['summit on the digital commons', 'tunis'])
  })

  it('read `Conservative` alone as the Conservative Party', () => {
    const tags = deriveTags([article('Vote', ['The Conservative leader spoke. Labour disagreed.'])], {...defaults, minStories: 1})
    expect(tags).toEqual([['Conservative Party', 'Labour Party']])
  })

  it('note the first body paragraph that names each name, the lead being 0', () => {
    const mentions = storyMentions(article('Kessler wins', ['Nothing here.', 'Then Arno Kessler spoke.', 'Mr Kessler later visited Leeds.']), vocabulary)
    expect(mentions.map((m) => [m.key, m.first])).toEqual([['arno kessler', 1], ['leeds', 2]])
    expect(storyMentions(article('Kessler wins', ['Nothing here.']), vocabulary)).toEqual([])
  })

  it('are the same whether the vocabulary has scanned other stories first or none', () => {
    // A vocabulary remembers the runs of capitals it has split; what it remembers must not leak.
    const shared = createVocabulary(vocabulary)
    const once = bbc.map((story) => extractMentions(story, shared))
    const sample = bbc.filter((_, i) => i % 4 === 0)
    expect(sample.length).toBeGreaterThan(100)
    for (const story of sample) expect(extractMentions(story, createVocabulary(vocabulary))).toStrictEqual(once[bbc.indexOf(story)])
    // The same run, first at a sentence start and then inside one, is two runs.
    const fresh = createVocabulary(vocabulary)
    const opening = extractMentions(article('x', ['Last Tuesday the talks ended.']), fresh)
    expect(extractMentions(article('x', ['They met on Last Tuesday.']), fresh)).toStrictEqual(extractMentions(article('x', ['They met on Last Tuesday.']), createVocabulary(vocabulary)))
    expect(extractMentions(article('x', ['Last Tuesday the talks ended.']), fresh)).toStrictEqual(opening)
  })

  it('survive hostile text', () => {
    for (const text of ['', '...', '’s', 'A', 'U.S.-', '-Russia', 'Mr', 'of the', '\u0000\u0000', 'É'.repeat(10_000)]) {
      expect(() => storyMentions(article(text, [text]), vocabulary)).not.toThrow()
    }
  })
})

describe('evidence and resolution', () => {
  it('fold one body named two ways in a story into one tag: TimeWarner and Time Warner, United and Manchester United', () => {
    const tags = deriveTags([
      article('Time Warner profits rise', ['Time Warner said profits rose. TimeWarner shares rose too.', 'Time Warner owns AOL.']),
      article('Glazer bids for Manchester United', ['Malcolm Glazer made a bid for Manchester United.', 'United said it would look at the offer. Man Utd fans protested.'])
    ], {aliases: {}, stop: [], max: 6, minStories: 1})
    expect(tags[0]).toContain('Time Warner')
    expect(tags[0]).not.toContain('TimeWarner')
    expect(tags[1]).toContain('Manchester United')
    expect(tags[1]).not.toContain('United')
    expect(tags[1]).not.toContain('Man Utd')
  })

  it('tags the person of a surname only where the site names one person in full with it', () => {
    const stories = [
      article('Budget plans', ['Chancellor Gordon Brown set out his plans.']),
      article('Scrum half', ['Scrum half Craig Brown was injured.']),
      article('Brown under fire', ['Mr Brown faced questions from MPs.']),
      article('Blair visit', ['Prime Minister Tony Blair visited Leeds.']),
      article('Blair speaks', ['Mr Blair spoke in Leeds on Friday.'])
    ]
    const tags = deriveTags(stories, defaults)
    expect(tags[2]).not.toContain('Gordon Brown')
    expect(tags[2]).not.toContain('Craig Brown')
    expect(tags[2]).not.toContain('Brown')
    expect(tags[4]).toContain('Tony Blair')
  })

  it('reads a short form from the built-in table as the body this story names, else the one the site names most', () => {
    const stories = [
      article('Farm deal', ['The European Commission agreed the deal. The EC said farmers would gain.']),
      article('Trade talks', ['The EC is to meet ministers in Brussels.']),
      article('Rates held', ['The BoE kept rates on hold.'])
    ]
    const tags = deriveTags(stories, defaults)
    expect(tags[0]).toContain('European Commission')
    expect(tags[0]).not.toContain('EC')
    expect(tags[1]).toContain('European Commission')
    expect(tags[2]).toContain('Bank of England')
  })

  it('gives one tag to a body however the wires write it, and none to agencies and table filler', () => {
    const [tags] = deriveTags(
      [article('Rates', ['The Federal Reserve Board met. Ex-Downing Street aides and Downing St said the PSBR was N.A. for the year, WAM reported, and the Fed agreed.'])],
      defaults
    )
    expect(tags).toEqual(['Downing Street', 'Federal Reserve'])
  })

  it('gives the country of a demonym, and leaves faiths and ratings out', () => {
    const [tags] = deriveTags([article('Vote', ['Filipino voters and West German banks met Muslim leaders; bonds were rated BBB by Britons.'])], defaults)
    expect(tags).toEqual(expect.arrayContaining(['Philippines', 'West Germany', 'United Kingdom']))
    for (const word of ['Muslim', 'BBB', 'Britons']) expect(tags).not.toContain(word)
  })

  it('knows an unknown name by the words around it', () => {
    const story = article('Results', [
      'Shares in Zorvex rose, said chief executive Helmut Panke, who joined in May.',
      'The drugs firm Quallion said sales fell at its plant in Tarnow.',
      // Named twice: a place named once in passing is no tag (select.ts, MIN_PLACE_SALIENCE).
      'Workers in Tarnow were told on Friday.'
    ])
    const [tags] = deriveStoryTags([story], defaults)
    expect(tags).toEqual(expect.arrayContaining([
      {name: 'Helmut Panke', kind: 'person'},
      {name: 'Quallion', kind: 'org'},
      {name: 'Tarnow', kind: 'place'}
    ]))
  })

  it('puts a name met once early in the story before one met once near its end', () => {
    const story = article('Markets', [
      'Shares fell sharply on Monday in Lisbon.',
      'Traders at Fennick Capital said the fall was deep.',
      'Other banks waited.',
      'More news followed.',
      'Later, Harlow Securities said little.'
    ])
    const tags = deriveTags([story], {...defaults, max: 3, minStories: 1})
    expect(tags[0]!.indexOf('Fennick Capital')).toBeLessThan(tags[0]!.indexOf('Harlow Securities') === -1 ? Infinity : tags[0]!.indexOf('Harlow Securities'))
    expect(tags[0]).toContain('Fennick Capital')
  })

  it('leaves out a place named once in passing, past the story’s strongest two tags', () => {
    const story = article('Zorvex chief Helmut Panke quits', [
      'Zorvex said chief executive Helmut Panke would leave in May, after sales fell at the Quallion plant.',
      'Mr Panke told staff in Tarnow the decision was his own. Zorvex shares fell.'
    ])
    const [tags] = deriveStoryTags([story], defaults)
    expect(tags!.map((tag) => tag.name)).toContain('Helmut Panke')
    expect(tags!.map((tag) => tag.name)).not.toContain('Tarnow')
    // Named in the headline, the same place is a tag.
    const [headlined] = deriveStoryTags([{...story, headline: 'Zorvex chief quits in Tarnow'}], defaults)
    expect(headlined!.map((tag) => tag.name)).toContain('Tarnow')
  })

  it('tags no first name alone', () => {
    const tags = deriveTags([article('Deal', ['Reliance chairman Anil Ambani met Jane Smith.']), article('Talks', ['Mr Anil met Jane Smith.'])], defaults)
    expect(tags[1]).toEqual(['Jane Smith'])
  })

  it('does not break a name at a surname that is also a word: Robin Cook, Condoleezza Rice, George Bush, John Major', () => {
    const [tags] = deriveTags([article('Cabinet', ['Foreign Secretary Robin Cook met Condoleezza Rice, George Bush and John Major. Damian Green agreed, as did Mr Green.'])], defaults)
    expect(tags).toEqual(expect.arrayContaining(['Robin Cook', 'Condoleezza Rice', 'George Bush', 'John Major', 'Damian Green']))
    for (const word of ['Cook', 'Rice', 'Bush', 'Major', 'Green']) expect(tags).not.toContain(word)
  })

  it('keeps a title word that ends a name after a first name, and reads hyphenated titles: Mervyn King, John Taylor', () => {
    const [tags] = deriveTags([article('Rates', ['Bank of England governor Mervyn King said rates would hold, as US Treasury Under-Secretary John Taylor agreed with the G7 and eBay.'])], defaults)
    expect(tags).toEqual(expect.arrayContaining(['Mervyn King', 'John Taylor', 'G7', 'eBay']))
  })

  it('keeps a name with a particle whole and reads character references: Ghazi al-Gosaibi, Bryn Fôn', () => {
    const [tags] = deriveTags([article('Row', ['Minister Ghazi al-Gosaibi met singer Bryn F&#244;n in Riyadh.'])], defaults)
    expect(tags).toEqual(expect.arrayContaining(['Ghazi al-Gosaibi', 'Bryn Fôn']))
  })

  it('does not let a known name swallow the person after it, nor a country prefix the body', () => {
    const [tags] = deriveTags(
      [article('Race', ['Lib Dems David Laws spoke, and Australian Lynton Crosby listened. The US Securities and Exchange Commission agreed. So did the British Retail Consortium.'])],
      {...defaults, max: 10}
    )
    expect(tags).toEqual(expect.arrayContaining(['David Laws', 'Lynton Crosby', 'Liberal Democrats', 'Securities and Exchange Commission', 'British Retail Consortium', 'United States']))
    expect(tags).not.toContain('Retail Consortium')
  })
})

describe('capitals', () => {
  it('give their country when they act for its government, and only then', () => {
    const [acting, visited] = deriveTags(
      [
        article('Talks stall', ['Washington said the talks had failed, and Manila denied any deal.']),
        article('Trip', ['The band played in Washington and then flew to Manila.'])
      ],
      defaults
    )
    expect(acting).toEqual(expect.arrayContaining(['United States', 'Philippines']))
    expect(visited).not.toContain('United States')
    expect(visited).not.toContain('Philippines')
  })
})

describe('tags in the site model', () => {
  it('carry their kind to the story and the tag, an entity kind outweighing a front matter topic', () => {
    const {site} = buildSite(
      [
        {...article('Talks in Paris', ['Jane Smith met officials in Paris.']), date: '2024-01-02'},
        {...article('Paris notes', ['Notes from a trip.'], ['Paris']), date: '2024-01-01'}
      ],
      {...testConfig, tags: defaults}
    )
    const paris = site.stories[0]!.tags.find((t) => t.name === 'Paris')
    expect(site.stories[0]!.tags.map((t) => [t.name, t.kind])).toEqual([['Jane Smith', 'person'], ['Paris', 'place']])
    expect(site.tags.map((t) => [t.name, t.kind, t.stories.length])).toEqual([['Paris', 'place', 2], ['Jane Smith', 'person', 1]])
    expect(site.stories[1]!.tags[0]).toBe(paris)
  })
})

describe('a title before a one-word place name', () => {
  it('makes it a person’s name: Mr Irish is Oliver Irish, not Ireland', () => {
    const [tags] = deriveTags([article('Gadgets', ['Oliver Irish, editor of Stuff, spoke.', 'The iPod leads, said Mr Irish.'])], defaults)
    expect(tags).toContain('Oliver Irish')
    expect(tags).not.toContain('Ireland')
  })
})

describe('names read whole, and words that only look like names', () => {
  const one = (headline: string, paragraphs: string[]) => deriveTags([article(headline, paragraphs)], {...defaults, minStories: 1})[0] ?? []

  it('reads a body whose name has `and` in it up to its last capitalised word, before the next `and the`', () => {
    const tags = one('Harvest fails', ['The harvest failed, the Food and Agriculture Organisation and the World Food Programme said.'])
    expect(tags).toEqual(expect.arrayContaining(['Food and Agriculture Organisation', 'World Food Programme']))
    expect(tags).not.toContain('Agriculture Organisation')
  })

  it('shows a short form the site defines as its full name', () => {
    const tags = deriveTags(
      [
        article('Famine warning', ['The Food and Agriculture Organisation (FAO) warned of famine.']),
        article('Aid appeal', ['The FAO appealed for aid. The FAO said stocks were low.'])
      ],
      {...defaults, minStories: 1}
    )
    expect(tags[1]).toContain('Food and Agriculture Organisation')
    expect(tags[1]).not.toContain('FAO')
  })

  it('takes a word right after a title as a surname, even an ordinary word, but not one the title reaches through `of`', () => {
    const tags = one('Bill attacked', [
      'The shadow attorney general Dominic Grieve attacked the bill. "It is wrong," Mr Grieve said.',
      'The Shadow Secretary of State for the Family, Theresa May, agreed.'
    ])
    expect(tags).toEqual(expect.arrayContaining(['Dominic Grieve', 'Theresa May']))
    expect(tags).not.toContain('State')
  })

  it('reads no organisation into an ordinary word that opens a sentence', () => {
    expect(one('Results', ['Quarterly profits at Leadplex rose. Leadplex shares fell.'])).not.toContain('Quarterly')
  })

  it('leaves what a name was out of it', () => {
    const tags = one('Vote', ['The Bill passed. Former Cabinet minister Douglas Hogg voted against it.'])
    expect(tags).toContain('Douglas Hogg')
    expect(tags).not.toContain('Former Cabinet')
  })

  it('folds a company’s first word into its full name when the story named it in full first', () => {
    const tags = one('Airline results', ['Jet Airways, which was founded by Naresh Goyal, reported profits.', 'Jet Airways plans to buy planes.', 'Jet said it would list.'])
    expect(tags).toContain('Jet Airways')
    expect(tags).not.toContain('Jet')
  })

  it('takes a name whose possessive owns what only an organisation owns for an organisation, and a person’s spokesman for no evidence', () => {
    const kinds = (paragraphs: string[]) => deriveStoryTags([article('Results', paragraphs)], {...defaults, minStories: 1})[0] ?? []
    expect(kinds(['Analysts expect gains. Fiorenza’s shareholders will vote on Friday.'])).toContainEqual({name: 'Fiorenza', kind: 'org'})
    expect(kinds(['Analysts expect gains. Fiorenza’s spokesman declined to comment.']).map((tag) => tag.name)).not.toContain('Fiorenza')
  })

  it('reads an apposition after a comma, but not a comma that ends a phrase or a subject that speaks', () => {
    const kinds = (paragraphs: string[]) => deriveStoryTags([article('News', paragraphs)], {...defaults, minStories: 1})[0] ?? []
    expect(kinds(['Fiorenza, the Italian food group at the centre of the scandal, reported a profit.'])).toContainEqual({name: 'Fiorenza', kind: 'org'})
    expect(kinds(['Prices rose. Olmsworth, the largest US retailer, expects better sales.'])).toContainEqual({name: 'Olmsworth', kind: 'org'})
    expect(kinds(['Homes were told. At Gatwold, the company has written to homes.']).map((tag) => tag.name)).not.toContain('Gatwold')
    expect(kinds(['Most used the program Torrentix, the firm said.']).map((tag) => tag.name)).not.toContain('Torrentix')
    expect(kinds(['Talks went on. Orvald Brenning, a veteran of the talks, said little.'])).toContainEqual({name: 'Orvald Brenning', kind: 'person'})
  })

  it.each<[string, string, string[], string[], string[]]>([
    [
      'reads two names of two words or more that `and` joins as two',
      'Funding',
      ['Sequoia Capital, which also invested in Apple Computer and Cisco Systems, funded it.', 'The Securities and Exchange Commission (SEC) looked at it.'],
      ['Cisco Systems', 'Securities and Exchange Commission'],
      ['Apple Computer and Cisco Systems']
    ],
    [
      'drops an adverb that opens a sentence from the name after it',
      'Radio on phones',
      ['Nokia showed a phone. Initially Visual Radio will be limited to Finland. Visual Radio is free.'],
      ['Visual Radio'],
      ['Initially Visual Radio']
    ],
    [
      'gives the person after `Secretary of State` to the title, not the word the title reaches',
      'Talks',
      ['Also due to attend are US Secretary of State Condoleezza Rice, and others. Ms Rice said peace was possible.'],
      ['Condoleezza Rice'],
      ['State Condoleezza Rice']
    ],
    [
      'keeps `the` inside a name after `of` or `for`',
      'Old phones',
      ['The Forum for the Future research found old phones help. But the Forum for the Future said more was needed.'],
      ['Forum for the Future'],
      ['Future']
    ],
    [
      'reads a known body run into one more capitalised word as the body and the word apart',
      'Row',
      ['Scottish National Party Holyrood leader Nicola Sturgeon accused him. The SNP said so.'],
      ['SNP'],
      ['Scottish National Party Holyrood']
    ],
    [
      'takes no name from one word of no known kind that a number follows',
      'Grocer files',
      ['Winn-Dixie said Chapter 11 protection would help. It will use the Chapter 11 breathing space. Winn-Dixie shares fell.'],
      ['Winn-Dixie'],
      ['Chapter']
    ]
  ])('%s', (_behaviour, headline, paragraphs, kept, dropped) => {
    const tags = one(headline, paragraphs)
    expect(tags).toEqual(expect.arrayContaining(kept))
    for (const name of dropped) expect(tags).not.toContain(name)
  })

  it('takes one unknown word after `analysts` for the firm', () => {
    const kinds = deriveStoryTags([article('Phones', ['Sales rose 26%, according to a report from analysts Gartwell. More phones were sold.'])], {...defaults, minStories: 1})[0] ?? []
    expect(kinds).toContainEqual({name: 'Gartwell', kind: 'org'})
  })

  it('takes two unknown words for a person when a role stands next to them, a comma between', () => {
    const kinds = (paragraphs: string[]) => deriveStoryTags([article('Elections', paragraphs)], {...defaults, minStories: 1})[0] ?? []
    expect(kinds(['Ink will be used. The Kyrgyz President, Askar Akaev, pushed the law through.'])).toContainEqual({name: 'Askar Akaev', kind: 'person'})
    expect(kinds(['The fires were lit. It was questioned by Plaid Cymru’s former President, Dafydd Wigley.'])).toContainEqual({name: 'Dafydd Wigley', kind: 'person'})
    expect(kinds(['Aid was sent. "It is the worst," said Sorvald Egenhus, head of the relief office.'])).toContainEqual({name: 'Sorvald Egenhus', kind: 'person'})
  })

  it('folds the pieces of a body the story defines into it, even when it also spells the body out another way', () => {
    const tags = one('Digital divide', [
      'A spokesman for the UN’s World Summit on the Information Society said the divide was real.',
      'A spokesman for the World Summit for the Information Society (WSIS) told the BBC it needs to be addressed.'
    ])
    expect(tags).toContain('World Summit for the Information Society')
    expect(tags).not.toContain('Information Society')
  })
})
