import {describe, expect, it} from 'vitest'
import {get, renderAll} from './render-helpers.ts'
import {sampleSite} from './site-fixture.ts'

// Story 1 of the sample site has markup in its headline, author, excerpt, tag, teaser and body.
const {site, bodies} = sampleSite({baseUrl: 'https://news.example/'})
const files = renderAll({site, bodies})
const hostile = site.stories[1]!
const htmlFiles = [...files].filter(([path]) => path.endsWith('.html'))

describe('escaping', () => {
  it('never lets content open an element', () => {
    for (const [path, html] of htmlFiles) {
      expect(html, path).not.toMatch(/<script>|<b>bold|<img src=x|<svg|<i>teaser|<b>summary|<u>src/)
      // Scripts on a page are only the JSON-LD block.
      // The JSON-LD block, and the site's one script (the search box, templates/assets/search.js).
      for (const tag of html.match(/<script[^>]*>/g) ?? []) {
        expect(tag, path).toMatch(/^<script type="application\/ld\+json">$|^<script type="module" src="[^"<>]*assets\/search\.js">$/)
      }
    }
  })

  it('escapes the headline in element text and in attributes', () => {
    const html = get(files, `${hostile.url}index.html`)
    const escaped = '&lt;/script&gt;&lt;script&gt;alert(&#34;headline&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;'
    expect(html).toContain(`<h1 class="story-headline">${escaped}</h1>`)
    // The title is cut to fit 70 characters, but what is left is still escaped.
    expect(html).toContain('<title>&lt;/script&gt;&lt;script&gt;alert(&#34;')
    expect(html).toContain(`<meta property="og:title" content="${escaped}">`)
    expect(html).toContain(`<meta name="twitter:title" content="${escaped}">`)
  })

  it('escapes the excerpt in meta descriptions and cards', () => {
    const escaped = 'Teaser &lt;script&gt;alert(&#34;excerpt&#34;)&lt;/script&gt;'
    expect(get(files, `${hostile.url}index.html`)).toContain(`<meta name="description" content="${escaped}`)
    expect(get(files, 'index.html')).toContain(`<p class="card-excerpt">${escaped}`)
  })

  it('escapes bylines, tags and teasers, with quotes safe inside attributes', () => {
    const html = get(files, `${hostile.url}index.html`)
    expect(html).toContain('>&lt;img src=x onerror=alert(1)&gt; &#34;Mallory&#34;</a>')
    expect(html).toContain('>&#34;&gt;&lt;svg onload=alert(1)&gt;</a>')
    expect(html).toContain('<span class="teaser-title">&lt;i&gt;teaser&lt;/i&gt; &#34;quoted&#34;</span>')
    expect(html).toContain('<p class="teaser-summary">&lt;b&gt;summary&lt;/b&gt;</p>')
    expect(html).toContain('<span class="teaser-source">&lt;u&gt;src&lt;/u&gt;</span>')
    const tagPage = get(files, `${hostile.tags[0]!.url}index.html`)
    expect(tagPage).toContain('<h1>&#34;&gt;&lt;svg onload=alert(1)&gt;</h1>')
    expect(tagPage).toMatch(/<link rel="alternate" type="application\/rss\+xml" title="The Test Gazette — &#34;&gt;&lt;svg/)
  })

  it('sanitizes the body and links only http(s) addresses in footer notes', () => {
    const body = get(files, `${hostile.url}index.html`)
    expect(body).not.toMatch(/javascript:/i)
    expect(body).toContain('Body with')
    const seed = get(files, `${site.stories[0]!.url}index.html`)
    expect(seed).toContain('<a href="https://apnews.com/hub/asia-pacific" rel="nofollow">https://apnews.com/hub/asia-pacific</a>.')
    expect(seed).toContain('<p>Not a link: javascript:alert(1)</p>')
  })
})
