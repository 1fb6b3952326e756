// A rebuild after edits to bodies alone (src/build/bodies.ts) remakes only the stories' pages and
// the search terms they hold. It must give the bytes a cold build gives, and must step aside
// whenever an edit reaches further than a body.
import {cpSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {plainFiles} from '../../bench/lib/newsroom.ts'
import {article, buildIn, seedPath, tree, writeContent} from './fixture.ts'

const BODY_ONLY = 'model: only the body of'

/** A last paragraph for the stories the steps edit, with the words they change. */
const EDITED: Record<string, string> = {
  'bbc/001.txt': 'She said the Conservatives would wait for the figures before they spoke.',
  'bbc/002.txt': 'The review, the minister said last week, will end in the spring.',
  'bbc/003.txt': 'Roads were an increasingly high priority for the councils of the north.'
}

/** The seed, 150 generated politics stories (undated) and 60 dated stories newer than the seed, so the seed is not in the site's feeds. */
function content(): {root: string; content: string} {
  const files: Record<string, string> = {'seed.txt': readFileSync(seedPath, 'utf8')}
  for (const [name, text] of Object.entries(plainFiles(450))) {
    if (!name.startsWith('politics/')) continue
    const file = `bbc/${path.basename(name)}`
    files[file] = EDITED[file] === undefined ? text : `${text}\n${EDITED[file]}\n`
  }
  for (let i = 0; i < 60; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0')
    files[`new/${i}.txt`] = article(`2024-0${1 + Math.floor(i / 28)}-${day}`, `Council meeting number ${i} held`, [`The council met for the ${i}th time and talked about roads.`, 'the meeting ended at noon.'])
  }
  // Twins: one day, one headline, bodies that differ at the end.
  for (const twin of ['a', 'b']) files[`twin-${twin}.txt`] = article('2023-02-02', 'Twin stories', ['The twins were born on a Thursday.', `this is twin ${twin}.`])
  return writeContent(files)
}

describe('a rebuild after edits to bodies alone', () => {
  it('gives the bytes of a cold build, and makes the model anew when an edit reaches beyond a body', async () => {
    const {root, content: folder} = content()
    const file = (name: string) => path.join(folder, name)
    const edit = (name: string, from: string, to: string) => {
      const text = readFileSync(file(name), 'utf8')
      expect(text, name).toContain(from)
      writeFileSync(file(name), text.replace(from, to))
    }
    const seedEnd = '\n\n___\n'

    const steps: Array<[string, () => void, 'bodies' | 'model']> = [
      ['the first build', () => {}, 'model'],
      ['a paragraph of plain words added to the seed', () => edit('seed.txt', seedEnd, '\n\nthe talks were to go on into the night, officials said, with more to come.' + seedEnd), 'bodies'],
      ['a word in a generated story changed and the seed edit undone', () => {
        edit('bbc/001.txt', 'She said the Conservatives', 'She stated the Conservatives')
        edit('seed.txt', '\n\nthe talks were to go on into the night, officials said, with more to come.', '')
      }, 'bodies'],
      ['a word new to the whole site added to a story', () => edit('bbc/001.txt', 'She stated the Conservatives', 'She quixotically stated the Conservatives'), 'bodies'],
      ['a word whose search shard does not exist yet', () => edit('bbc/001.txt', 'quixotically', 'ꙮꙮꙮ'), 'bodies'],
      ['that word taken out again, so its shard goes', () => edit('bbc/001.txt', 'She ꙮꙮꙮ stated', 'She stated'), 'bodies'],
      ['a name added to a body, which can change the tags', () => edit('seed.txt', seedEnd, '\n\nVladimir Putin did not comment.' + seedEnd), 'model'],
      ['the first paragraph changed, which is the excerpt', () => edit('seed.txt', 'North Korea on Tuesday accused', 'North Korea on Tuesday again accused'), 'model'],
      ['a story of the site feeds edited', () => edit('new/59.txt', 'the meeting ended at noon.', 'the meeting ended at one.'), 'model'],
      ['a headline edited', () => edit('seed.txt', 'N. Korea slams US', 'North Korea slams US'), 'model'],
      ['a body edited and a story added', () => {
        edit('bbc/002.txt', ' said ', ' stated ')
        writeFileSync(file('new/added.txt'), article('2023-05-05', 'A story added', ['the story was added.']))
      }, 'model'],
      ['a body edited and a page of the output deleted by hand', () => {
        edit('bbc/002.txt', ' stated ', ' said ')
        rmSync(path.join(root, 'dist/archive/index.html'))
      }, 'model'],
      ['two stories edited into copies of each other, so one becomes a duplicate', () => {
        edit('twin-a.txt', 'this is twin a.', 'these are the twins.')
        edit('twin-b.txt', 'this is twin b.', 'these are the twins.')
      }, 'model'],
      ['two bodies edited', () => {
        edit('bbc/003.txt', 'increasingly high priority', 'increasingly big priority')
        edit('seed.txt', seedEnd, '\n\nmore was said later.' + seedEnd)
      }, 'bodies']
    ]

    for (const [i, [name, change, path_]] of steps.entries()) {
      change()
      const lines: string[] = []
      const warm = await buildIn(root, {cache: true, onStep: (line) => lines.push(line)})
      const cold = await buildIn(root, {cache: false, out: path.join(root, `cold-${i}`, 'dist')})
      expect(warm.result.published, name).toBe(true)
      expect(warm.result.report, name).toEqual(cold.result.report)
      expect(tree(warm.out), name).toEqual(tree(cold.out))
      expect(lines.some((line) => line.startsWith(BODY_ONLY)), `${name}: ${lines.join(' / ')}`).toBe(path_ === 'bodies')
      if (path_ === 'bodies') {
        // The stories' pages and a few search shards, no more.
        const written = Number(/write: (\d+) files? written/.exec(lines.at(-1) ?? '')?.[1])
        expect(written, name).toBeGreaterThan(0)
        expect(written, name).toBeLessThan(40)
      }
      rmSync(path.join(root, `cold-${i}`), {recursive: true})
    }
  }, 240_000)

  it('makes the model anew when the last build failed after the cache had seen the edit', async () => {
    const {root, content: folder} = content()
    const seed = path.join(folder, 'seed.txt')
    await buildIn(root, {cache: true, baseUrl: 'https://news.example/'})
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('\n\n___\n', '\n\nthe talks went on.\n\n___\n'))
    writeFileSync(path.join(folder, 'bad.txt'), '\n\n\n')
    // With a base URL, as --strict without one refuses before the cache sees anything.
    const failed = await buildIn(root, {cache: true, strict: true, baseUrl: 'https://news.example/'})
    expect(failed.result.published).toBe(false)
    rmSync(path.join(folder, 'bad.txt'))
    // The stamps now hold the edited seed's hash, but the output is still the one before the edit.
    const lines: string[] = []
    const warm = await buildIn(root, {cache: true, baseUrl: 'https://news.example/', onStep: (line) => lines.push(line)})
    const cold = await buildIn(root, {cache: false, baseUrl: 'https://news.example/', out: path.join(root, 'cold', 'dist')})
    expect(lines.some((line) => line.startsWith(BODY_ONLY))).toBe(false)
    expect(tree(warm.out)).toEqual(tree(cold.out))
    expect(warm.read('2022/11/08/n-korea-slams-us-for-raising-alleged-arms-supply-to-russia/index.html')).toContain('the talks went on.')
  }, 120_000)

  it('makes the model anew when the site snapshot is missing or from another build', async () => {
    const {root, content: folder} = content()
    const seed = path.join(folder, 'seed.txt')
    await buildIn(root, {cache: true})
    const cache = path.join(root, '.broadsheet-cache')
    const snapshot = readdirSync(cache).find((name) => name.endsWith('.site.ndjson'))!
    const saved = path.join(root, 'snapshot-copy')
    cpSync(path.join(cache, snapshot), saved)
    for (const [i, damage] of [() => rmSync(path.join(cache, snapshot)), () => cpSync(saved, path.join(cache, snapshot))].entries()) {
      // The second time the snapshot is the first build's, and the last build was another.
      writeFileSync(seed, readFileSync(seed, 'utf8').replace('\n\n___\n', `\n\nround ${i} of the talks.\n\n___\n`))
      damage()
      const lines: string[] = []
      const warm = await buildIn(root, {cache: true, onStep: (line) => lines.push(line)})
      expect(lines.some((line) => line.startsWith(BODY_ONLY)), String(i)).toBe(false)
      expect(warm.read('2022/11/08/n-korea-slams-us-for-raising-alleged-arms-supply-to-russia/index.html')).toContain(`round ${i} of the talks.`)
    }
  }, 120_000)
})
