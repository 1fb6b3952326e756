// Sentences glued where a transcript's paragraphs were joined are split where that is safe, and
// never inside abbreviations, initials, decimals, domains or URLs.
import {describe, expect, it} from 'vitest'
import {splitGlued} from '../../src/parse/glued.ts'

describe('splitGlued', () => {
  it.each([
    ['Floods destroyed homes.Rescue crews arrived.', ['Floods destroyed homes.', 'Rescue crews arrived.']],
    ['It rose in 2022.The year before it fell.', ['It rose in 2022.', 'The year before it fell.']],
    ['Is it over?Officials say no.', ['Is it over?', 'Officials say no.']],
    ['in some countries.The move, on Saturday, followed.', ['in some countries.', 'The move, on Saturday, followed.']],
    ['“We will rebuild.”Crews began at dawn.', ['“We will rebuild.”', 'Crews began at dawn.']]
  ])('splits %j', (text, parts) => {
    expect(splitGlued(text)).toEqual(parts)
  })
  it.each([
    'The U.S.A won the vote.',
    'N.Korea denied it.',
    'Growth of 3.5 percent.',
    'Read more at bloomberg.com today.',
    'Visit www.example.Com for details.',
    'See https://example.org/a.Page now.',
    'Mr.Smith said so.',
    'e.g.The rest of it.',
    'J.R.R. Tolkien wrote it.',
    'iPhone.Apple'
  ])('leaves %j whole', (text) => {
    expect(splitGlued(text)).toEqual([text])
  })
})
