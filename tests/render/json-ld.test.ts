import {describe, expect, it} from 'vitest'
import {escapeJsonForScript} from '../../src/render/escape.ts'
import {scriptJson} from '../../src/render/json-ld.ts'
import {renderAll, get} from './render-helpers.ts'
import {sampleSite} from './site-fixture.ts'

const hostile = '</script><script>alert(1)</script><!-- & \u2028\u2029 -->'

describe('escapeJsonForScript', () => {
  it('leaves no character that could end or confuse a script element', () => {
    const out = scriptJson({headline: hostile})
    expect(out).not.toMatch(/[<>&\u2028\u2029]/)
    expect(out).toContain('\\u003c/script\\u003e')
    expect(out).toContain('\\u0026')
    expect(out).toContain('\\u2028\\u2029')
  })

  it('is still the same JSON', () => {
    const value = {headline: hostile, n: 1, list: ['a<b', 'c>d']}
    expect(JSON.parse(escapeJsonForScript(JSON.stringify(value)))).toEqual(value)
  })
})

describe('NewsArticle on story pages', () => {
  const files = renderAll(sampleSite({baseUrl: 'https://news.example/'}))
  const {site, bodies} = sampleSite()

  for (const story of site.stories) {
    it(`describes ${story.url}`, () => {
      const html = get(files, `${story.url}index.html`)
      const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
      expect(scripts).toHaveLength(1)
      // The only way out of a script element is `</script`; the data must not contain it.
      const withoutSearchScript = html.replace(/<script type="module" src="[./]*assets\/search\.js"><\/script>/, '')
      expect(withoutSearchScript.match(/<\/script/g)).toHaveLength(1)
      const data = JSON.parse(scripts[0]![1]!)
      expect(data['@type']).toBe('NewsArticle')
      expect(data.headline).toBe(story.headline)
      expect(data.description).toBe(story.excerpt)
      expect(data.url).toBe(`https://news.example/${story.url}`)
      if (story.date) expect(data.datePublished).toBe(story.date)
      else expect(data).not.toHaveProperty('datePublished')
      expect(data.author?.map((a: {name: string}) => a.name) ?? []).toEqual(story.authors.map((a) => a.name))
      // What the story is about, typed; a front matter's topics are keywords, not things.
      const things = story.tags.filter((tag) => tag.kind !== 'topic')
      if (things.length === 0) expect(data).not.toHaveProperty('about')
      else expect(data.about).toEqual(things.map((tag) => ({'@type': 'Place', name: tag.name, url: `https://news.example/${tag.url}`})))
    })
  }
})
