// Every page of the site made from the seed and the sample corpus (generated, or BBC in the corpus tier), rendered by the compiled templates
// and by LiquidJS itself from the same view, must be the same string. The renderer the site uses is
// wrapped so that each page it asks for is rendered both ways.
import {describe, expect, it, vi} from 'vitest'
import {buildSite} from '../../src/model/site.ts'
import {defaultConfig} from '../../src/model/config.ts'
import {renderSite} from './render-helpers.ts'
import {loadTemplates} from './site-fixture.ts'
import {parseFile, sampleArticles, seedFile} from '../model/story-files.ts'

const pages: Array<{name: string; compiled: string; interpreted: string}> = []

vi.mock('../../src/render/liquid/engine.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/render/liquid/engine.ts')>()
  return {
    ...real,
    createRenderer(templates: Record<string, string>) {
      const renderer = real.createRenderer(templates)
      const engine = real.createEngine(templates)
      const parsed = new Map<string, ReturnType<typeof engine.parse>>()
      return {
        render(name: string, view: object) {
          const compiled = renderer.render(name, view)
          if (!parsed.has(name)) parsed.set(name, engine.parse(templates[name]!, name))
          pages.push({name, compiled, interpreted: engine.renderSync(parsed.get(name)!, view) as string})
          return compiled
        },
      }
    },
  }
})

describe('compiled templates over a whole site', () => {
  it('render every page of the seed and the sample corpus exactly as LiquidJS does', () => {
    const built = buildSite([parseFile(seedFile, 'seed.txt'), ...sampleArticles()], defaultConfig)
    let files = 0
    for (const _ of renderSite(built, loadTemplates())) files++
    const kinds = new Set(pages.map((page) => page.name))
    // Every kind of page the templates folder has, and the site's stories, were rendered.
    expect([...kinds].sort()).toEqual(['404.liquid', 'archive.liquid', 'home.liquid', 'list.liquid', 'month.liquid', 'search.liquid', 'story.liquid', 'terms.liquid', 'year.liquid'])
    expect(pages.filter((page) => page.name === 'story.liquid')).toHaveLength(built.site.stories.length)
    expect(files).toBeGreaterThan(pages.length)
    const differing = pages.filter((page) => page.compiled !== page.interpreted)
    expect(differing.map((page) => page.name)).toEqual([])
  })
})
