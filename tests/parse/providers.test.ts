// Provider profiles: the data is well formed, and where a rule may fire is honoured.
import {describe, expect, it} from 'vitest'
import {patternFlags} from '../../src/model/pattern-flags.ts'
import {parse} from '../../src/parse/index.ts'
import {compileProfiles} from '../../src/parse/provider-rules.ts'
import {BUILT_IN_PROVIDERS} from '../../src/parse/providers.ts'

function article(text: string) {
  const result = parse(text, 'story.txt')
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
  return result.article
}

describe('the built-in provider profiles', () => {
  it('cover the providers a portal carries, each rule named once and compiling', () => {
    expect(BUILT_IN_PROVIDERS.map((profile) => profile.name)).toEqual(expect.arrayContaining([
      'any', 'AP', 'Reuters', 'Bloomberg', 'AFP', 'Financial Times', 'The New York Times', 'USA TODAY', 'CNN',
      'Business Insider', 'The Independent', 'The Motley Fool', 'Yahoo Finance'
    ]))
    for (const profile of BUILT_IN_PROVIDERS) {
      const names = profile.rules.map((rule) => rule.name)
      expect(new Set(names).size, profile.name).toBe(names.length)
      for (const rule of profile.rules) expect(() => new RegExp(rule.pattern, patternFlags(rule.pattern)), `${profile.name}/${rule.name}`).not.toThrow()
    }
  })
})

describe('where a rule fires', () => {
  it('takes a copyright line at the end of the body, and leaves one quoted mid-story', () => {
    const a = article(' date 2023-01-02 Headline\n\nFirst paragraph.\n\n© 2023 Some Paper\n\nThe story goes on.\n\n© 2023 Some Paper\n')
    expect(a.paragraphs).toEqual(['First paragraph.', '© 2023 Some Paper', 'The story goes on.'])
    expect(a.boilerplate).toEqual([{line: 9, text: '© 2023 Some Paper', rule: 'any/copyright'}])
  })

  it('takes a newsletter promo anywhere, and the credits run at the end however they mix with boilerplate', () => {
    const a = article(' date 2023-01-02 Headline\n\nSEOUL (Reuters) - Text.\n\nSign up to our free Daily Brief newsletter\n\nMore text.\n\n(Reporting by Ana Lee; Editing by Bo Li)\n\n© 2023 Thomson Reuters\n')
    expect(a.paragraphs).toEqual(['SEOUL (Reuters) - Text.', 'More text.'])
    expect(a.credits.map((c) => c.rule)).toEqual(['Reuters/reporting'])
    expect(a.boilerplate.map((b) => b.rule)).toEqual(['any/newsletter', 'any/copyright'])
    expect(a.publisher).toBe('Reuters')
  })

  it('takes a promo list only as far as its headlines go', () => {
    const a = article(' date 2023-01-02 Headline\n\n(Bloomberg) -- Text.\n\nMost Read from Bloomberg\n\nOne Headline Here\n\nAnother Headline Here\n\nThe story resumes here.\n')
    expect(a.paragraphs).toEqual(['(Bloomberg) -- Text.', 'The story resumes here.'])
    expect(a.boilerplate.map((b) => b.line)).toEqual([5, 7, 9])
  })

  it('takes a `top` line only in the first two paragraphs, also when it closes the body', () => {
    const providers = compileProfiles([{name: 'Gazette', names: [], rules: [{name: 'kicker', pattern: '^EXCLUSIVE$', takes: 'boilerplate', where: 'top'}]}])
    const result = parse('Headline\n\nEXCLUSIVE\n\nText.\n\nMore.\n\nEXCLUSIVE\n', 'story.txt', {providers})
    expect(result.ok && [result.article.paragraphs, result.article.boilerplate.map((b) => b.line)]).toEqual([['Text.', 'More.', 'EXCLUSIVE'], [3]])
  })

  it('never takes the first paragraph as the start of a closing block', () => {
    const a = article(' date 2023-01-02 Headline\n\nShould you invest $1,000 in Acme right now?\n\nMaybe.\n')
    expect(a.paragraphs).toEqual(['Should you invest $1,000 in Acme right now?', 'Maybe.'])
  })

  it('marks a transcript as video, without its label', () => {
    const a = article(' date 2023-01-02 Headline\n\nSTORY: Rain fell.Crews came.\n')
    expect([a.kind, a.paragraphs]).toEqual(['video', ['Rain fell.', 'Crews came.']])
  })
})
