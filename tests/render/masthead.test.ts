// The masthead names the latest edition on the front page only: a story page carries its own date,
// and a line on every page that changes with each new day would make every page of the site new
// each day stories come.
import {describe, expect, it} from 'vitest'
import {renderAll} from './render-helpers.ts'
import {makeSite} from './site-fixture.ts'

const EDITION = /<p class="masthead-edition">Latest edition: <time datetime="([^"]+)">([^<]+)<\/time><\/p>/

describe('the masthead', () => {
  const older = [
    {headline: 'Talks resume in Geneva', date: '2022-11-07', tags: ['Ukraine']},
    {headline: 'Markets steady', date: '2022-11-06', tags: ['Ukraine']}
  ]
  const before = renderAll(makeSite(older))
  const after = renderAll(makeSite([{headline: 'A new day of news', date: '2022-11-08', tags: ['Russia']}, ...older]))

  it('names the newest day on the front page', () => {
    expect(EDITION.exec(before.get('index.html')!)?.slice(1)).toEqual(['2022-11-07', 'Monday, 7 November 2022'])
    expect(EDITION.exec(after.get('index.html')!)?.slice(1)).toEqual(['2022-11-08', 'Tuesday, 8 November 2022'])
  })

  it('names no edition on any other page', () => {
    const html = [...after].filter(([path]) => path.endsWith('.html') && path !== 'index.html')
    expect(html.length).toBeGreaterThan(5)
    for (const [path, content] of html) expect(content, path).not.toMatch(EDITION)
  })

  it('leaves the pages a new day does not touch as they were', () => {
    // The older stories' own tag page, and the page of the older day, gain nothing from the new day.
    for (const path of ['tags/ukraine/index.html', '2022/11/06/index.html']) expect(after.get(path), path).toBe(before.get(path))
  })
})
