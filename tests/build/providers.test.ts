// Provider profiles on the built site, as a reader meets them: the publisher beside the byline and
// on a source page, credits at the foot of the story, a transcript marked as video, and nothing a
// rule took out of the body on any page. A site's own profile, from its config, works the same.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildIn, writeContent, writeJson} from './fixture.ts'

const fixtures = new URL('../fixtures/', import.meta.url).pathname
const fixture = (name: string) => readFileSync(path.join(fixtures, name, 'input.txt'), 'utf8')

describe('a site of stories from several providers', () => {
  const files = {
    'fool.txt': fixture('provider-motley-fool'),
    'reuters.txt': fixture('provider-reuters'),
    'video.txt': fixture('provider-reuters-video'),
    'bloomberg.txt': fixture('provider-bloomberg'),
    'gazette.txt': ' date 2023-04-04 Harbour wall to be rebuilt\n\nAna Lee, Harbour Gazette\n\nThe harbour wall will be rebuilt next year, the council said.\n\nSubscribe to the Harbour Gazette for more local news.\n'
  }
  const gazette = {name: 'Harbour Gazette', names: ['Harbour Gazette'], rules: [{name: 'subscribe', pattern: '^Subscribe to the Harbour Gazette', takes: 'boilerplate', where: 'end'}]}

  it('shows the publisher, the credits and the video mark, and none of the boilerplate', async () => {
    const {root} = writeContent(files)
    const built = await buildIn(root, {config: writeJson(path.join(root, 'site.json'), {providers: [gazette]})})
    expect(built.result.published).toBe(true)
    const page = (slug: string) => built.read(`${built.result.report.stories.find((s) => s.url.includes(slug))!.url}index.html`)

    const fool = page('is-this-shipping-stock')
    expect(fool).toMatch(/By <a href="[^"]*authors\/keith-selwyn\/">Keith Selwyn<\/a><\/span> <span class="agency"><a href="[^"]*sources\/the-motley-fool\/">The Motley Fool<\/a>/)
    expect(fool).not.toContain('Should you invest')
    expect(fool).not.toContain('disclosure policy')

    const reuters = page('port-workers-agree')
    expect(reuters).toContain('<p class="credit">(Reporting by Rosa Netherby; Additional reporting by Jonas Montrose; Editing by Helen Pemberton)</p>')
    expect(reuters).not.toContain('FILE PHOTO')

    const video = page('storm-floods')
    expect(video).toContain('<span class="story-kind">Video transcript</span>')
    expect(video).toContain('<p>Rescue crews used boats to reach families cut off by the water.</p>')
    expect(video).not.toContain('STORY:')
    expect(video).not.toContain('Reuters Videos')

    const bloomberg = page('harbour-lenders')
    for (const clutter of ['Most Read from Bloomberg', 'Ferry Operator Weighs', 'available on bloomberg.com', 'Bloomberg L.P.']) expect(bloomberg).not.toContain(clutter)
    expect(bloomberg).toContain('<p class="credit">--With assistance from Felix Abbott.</p>')

    const local = page('harbour-wall')
    expect(local).not.toContain('Subscribe to the Harbour Gazette')
    expect(local).toMatch(/sources\/harbour-gazette\/">Harbour Gazette</)
    expect(built.exists('authors/ana-lee/index.html')).toBe(true)
    expect(built.exists('authors/harbour-gazette/index.html')).toBe(false)

    // The report lists, per story, what it was read as and each line taken out of its body.
    const inReport = built.result.report.stories.find((story) => story.source.endsWith('fool.txt'))!
    expect([inReport.publisher, inReport.kind, inReport.credits]).toEqual(['The Motley Fool', 'article', []])
    expect(inReport.boilerplate.map((line) => [line.line, line.rule])).toEqual([[12, 'The Motley Fool/should-you-invest'], [14, 'The Motley Fool/should-you-invest'], [16, 'The Motley Fool/should-you-invest']])

    // Publishers have pages beside agencies; no page for a person that is a publisher.
    for (const source of ['the-motley-fool', 'reuters', 'bloomberg', 'harbour-gazette']) expect(built.exists(`sources/${source}/index.html`), source).toBe(true)
    expect(built.files().filter((file) => file.startsWith('authors/reuters'))).toEqual([])
  })
})
