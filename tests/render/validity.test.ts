import {HtmlValidate} from 'html-validate'
import {describe, expect, it} from 'vitest'
import {renderAll} from './render-helpers.ts'
import {makeSite, sampleSite} from './site-fixture.ts'

const validator = new HtmlValidate({extends: ['html-validate:recommended']})

describe('every page is valid HTML', () => {
  const paginated = makeSite(
    Array.from({length: 30}, (_, i) => ({headline: `Story ${i}`, date: `2023-03-${String(30 - i).padStart(2, '0')}`, tags: ['Economy'], authors: ['Ann Lee']})),
    {pageSize: 4, homeDays: 2}
  )
  it.each([
    ['the sample site', sampleSite()],
    ['the sample site with a base URL', sampleSite({baseUrl: 'https://news.example/'})],
    ['a paginated site', paginated]
  ])('%s', async (_, built) => {
    const problems: string[] = []
    for (const [path, html] of renderAll(built)) {
      if (!path.endsWith('.html')) continue
      const report = await validator.validateString(html, path)
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('one h1 per page, and headings never skip a level', () => {
    for (const [path, html] of renderAll(sampleSite())) {
      if (!path.endsWith('.html')) continue
      const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]))
      expect(levels.filter((l) => l === 1), path).toHaveLength(1)
      expect(levels[0], path).toBe(1)
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `${path} h${levels[i - 1]} → h${levels[i]}`).toBeLessThanOrEqual(1)
    }
  })
})
