// Sections, the front page and the undated summary, built as a user builds them.
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {article, buildIn, runCli, writeContent, writeJson} from './fixture.ts'

/** A body of `words` words, its own for each `seed`: stories with one body would be one event. */
const body = (words: number, seed = words) => [Array.from({length: words}, (_, i) => `w${(i * 7919 + seed * 104729) % 9973}`).join(' ') + '.']

describe('a site with section folders', async () => {
  const {root} = writeContent({
    'business/a.txt': article('2024-03-05', 'Markets rally in Seoul', ['Traders in Seoul cheered.', ...body(50, 1)]),
    'business/b.txt': article('2024-03-05', 'Banks cut rates', body(2000)),
    'tech/c.txt': article('2024-03-04', 'New phone launched', body(50, 3)),
    'tech/d.md': '---\ntitle: Chips shortage eases\ndate: 2024-03-04\nsection: Business\n---\nText.\n',
    'misc/e.txt': article('2024-03-03', 'Odds and ends', body(50, 5)),
    'f.txt': article('2024-03-03', 'No folder at all', body(50, 6))
  })
  const built = await buildIn(root, {config: writeJson(path.join(root, 'broadsheet.config.json'), {baseUrl: 'https://news.example/', sections: [{name: 'Technology', from: ['tech']}, {name: 'Business'}, {name: 'Misc', hidden: true}]})})

  it('has a paginated page and a feed for each visible section, none for a hidden one', () => {
    expect(built.exists('sections/technology/index.html')).toBe(true)
    expect(built.exists('sections/technology/feed.xml')).toBe(true)
    expect(built.exists('sections/business/index.html')).toBe(true)
    expect(built.exists('sections/misc/index.html')).toBe(false)
    const business = built.read('sections/business/index.html')
    // Newest first, the most important (the longer) first within a day; the front matter's section counts.
    const headlines = [...business.matchAll(/class="card-headline"><a [^>]*>([^<]*)</g)].map((m) => m[1])
    expect(headlines).toEqual(['Banks cut rates', 'Markets rally in Seoul', 'Chips shortage eases'])
    expect(business).toContain('<p class="lede">3 stories')
  })

  it('shows a section bar in the configured order on every page, marking the current section', () => {
    const home = built.read('index.html')
    const bar = /<nav class="section-bar"[\s\S]*?<\/nav>/.exec(home)?.[0] ?? ''
    expect([...bar.matchAll(/>([^<]+)<\/a>/g)].map((m) => m[1])).toEqual(['Technology', 'Business'])
    expect(built.read('sections/business/index.html')).toMatch(/href="[./]*sections\/business\/" aria-current="page">Business</)
  })

  it('uses the section as the kicker, and on the section’s own page the story’s top place instead', () => {
    expect(built.read('2024/03/05/banks-cut-rates/index.html')).toMatch(/<p class="kicker"><a href="[./]*sections\/business\/">Business<\/a><\/p>/)
    const page = built.read('sections/business/index.html')
    expect(page).not.toMatch(/<p class="kicker"><a [^>]*>Business</)
    expect(page).toMatch(/<p class="kicker"><a href="[./]*tags\/seoul\/">Seoul<\/a><\/p>/)
  })

  it('leads the front page with the newest day, its most important story first, then each section', () => {
    const home = built.read('index.html')
    const order = [...home.matchAll(/<h2 class="edition-date" id="([^"]+)"/g)].map((m) => m[1])
    // Business's top story is on the day above: the block shows the next, from the day before.
    expect(order).toEqual(['day-2024-03-05', 'section-1', 'section-2', 'day-2024-03-04', 'day-2024-03-03'])
    expect(home.indexOf('Banks cut rates')).toBeLessThan(home.indexOf('Markets rally in Seoul'))
    expect(home).toMatch(/id="section-1"><a href="\.\/sections\/technology\/">Technology</)
  })
})

describe('a site without sections', async () => {
  const built = await buildIn(writeContent({'a.txt': article('2024-03-05', 'Talks in Seoul', ['Officials from North Korea met in Seoul on Monday.'])}).root)

  it('has no section bar, and the story’s top place as its kicker', () => {
    const html = built.read('2024/03/05/talks-in-seoul/index.html')
    expect(html).not.toContain('section-bar')
    expect(html).toMatch(/<p class="kicker"><a href="[./]*tags\/(north-korea|seoul)\/">/)
  })
})

describe('a site of undated stories', () => {
  it('gets a front page led by its most important story, and one summary line instead of a warning each', async () => {
    const {root} = writeContent({
      'politics/001.txt': 'Short note\n\nA few words.\n',
      'politics/002.txt': `Long read on the budget\n\n${body(1500).join('')}\n`,
      'tech/003.txt': 'Gadget news\n\nA phone.\n'
    })
    writeJson(path.join(root, 'broadsheet.config.json'), {})
    const {status, stdout, stderr} = await runCli(['build', '--content', 'content', '--out', 'dist'], root)
    expect(status, stderr).toBe(0)
    // No warning a file; the one site-wide line about feeds without a base URL is the only one.
    expect(stderr).not.toMatch(/\.txt:\d+: warning: /)
    expect(stderr.match(/warning: /g)).toEqual(['warning: '])
    expect(stderr).toContain('broadsheet build: warning: baseUrl is not set')
    expect(stderr).toContain('3 undated stories: no date in the text or path')
    expect(stdout).toContain('0 warnings')
    const built = await buildIn(root)
    const home = built.read('index.html')
    expect(home).toMatch(/<article class="card card-lead">[\s\S]*?Long read on the budget/)
    expect(home).toMatch(/id="section-1"><a href="\.\/sections\/politics\/">Politics/)
    expect(home).toContain('Gadget news')
  })
})

describe('Recommended Stories', () => {
  const teasers = (titles: string[]) => `___\nFooter.\nRecommended Stories\n${titles.map((t) => `  • ${t}\n    SEOUL (Reuters) - A summary of ${t}.\n`).join('')}`
  const files = {
    'a.txt': article('2024-03-05', 'Talks resume', ['Text.'], '') + teasers(['Elsewhere one', 'Markets rally', 'Elsewhere two']),
    'b.txt': article('2024-03-04', 'Markets rally', ['Text.'])
  }

  it('lists the teasers that link to our stories first, the rest compactly', async () => {
    const built = await buildIn(writeContent(files).root)
    const html = built.read('2024/03/05/talks-resume/index.html')
    const titles = [...html.matchAll(/class="teaser(?: teaser-linked)?">[\s\S]*?class="teaser-title">(?:<a [^>]*>)?([^<]+)</g)].map((m) => m[1])
    expect(titles).toEqual(['Markets rally', 'Elsewhere one', 'Elsewhere two'])
    expect(html).toMatch(/<li class="teaser teaser-linked">\s*<h3 class="teaser-title"><a href="[./]*2024\/03\/04\/markets-rally\/">Markets rally<\/a><\/h3>/)
  })

  it('shows only the linked ones, or none, as the config says', async () => {
    const {root} = writeContent(files)
    const linked = await buildIn(root, {config: writeJson(path.join(root, 'linked.json'), {recommended: 'linked'})})
    const page = linked.read('2024/03/05/talks-resume/index.html')
    expect(page).toContain('Markets rally</a>')
    expect(page).not.toContain('Elsewhere one')
    const none = await buildIn(root, {config: writeJson(path.join(root, 'none.json'), {recommended: 'none'}), out: path.join(root, 'none')})
    expect(none.read('2024/03/05/talks-resume/index.html')).not.toContain('Recommended Stories')
  })
})

describe('events', () => {
  const text = [
    'The European Parliament has voted down a draft law on patents for computer programs, sending it back to the commission.',
    'Members said the draft gave too much power to large software firms and would stifle small developers across the union.',
    'The commission must now decide whether to start again, a process officials said could take several years to complete.'
  ]
  it('show one card for a story and its re-draft, naming the other, and link the two pages', async () => {
    const built = await buildIn(
      writeContent({
        'tech/a.txt': `'No re-draft' for EU patent law\n\n${text.join('\n\n')}\n`,
        'tech/b.txt': `'No re-draft' for EU patent law\n\n${text.join('\n\n')} A spokesman declined to comment.\n`,
        'tech/c.txt': `Phone sales climb in Asia\n\nSales of mobile phones in Asia rose by a fifth last year, a survey by the research firm Gartner has found.\n`
      }).root
    )
    const home = built.read('index.html')
    expect(home.match(/No re-draft&#39; for EU patent law<\/a><\/h/g)).toHaveLength(1)
    expect(home).toMatch(/<p class="event-more">\+1 more: <a href="[./]*stories\/no-re-draft-for-eu-patent-law(?:-2)?\/">another version<\/a><\/p>/)
    for (const page of ['stories/no-re-draft-for-eu-patent-law/index.html', 'stories/no-re-draft-for-eu-patent-law-2/index.html']) {
      expect(built.read(page)).toMatch(/<h2 id="also-reported-heading" class="section-title">Also reported<\/h2>[\s\S]*?no-re-draft-for-eu-patent-law/)
    }
    expect(built.read('stories/phone-sales-climb-in-asia/index.html')).not.toContain('Also reported')
    // The other version is Also reported, not a related story as well; other events show once each.
    const related = /<section class="related"[\s\S]*?<\/section>/.exec(built.read('stories/no-re-draft-for-eu-patent-law/index.html'))?.[0] ?? ''
    expect(related).not.toContain('no-re-draft')
    const phone = /<section class="related"[\s\S]*?<\/section>/.exec(built.read('stories/phone-sales-climb-in-asia/index.html'))?.[0] ?? ''
    expect(phone.match(/no-re-draft-for-eu-patent-law/g)?.length ?? 0).toBeLessThanOrEqual(1)
  })
})
