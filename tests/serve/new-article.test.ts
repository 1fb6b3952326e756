import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, readdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from '../../src/parse/index.ts'
import {cleanHeadline, newArticleText, writeNewArticle} from '../../src/cli/new-article.ts'
import {repo, runCli} from '../support/cli.ts'

const temp = () => mkdtempSync(path.join(tmpdir(), 'broadsheet-new-'))

describe('a new article', () => {
  it('parses cleanly as a scraped story with the date and headline given', () => {
    const result = parse(newArticleText('Ferries return to “Harbour” after storm', '2024-03-05'), 'new.txt')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.article.format).toBe('scraped')
    expect(result.article.headline).toBe('Ferries return to “Harbour” after storm')
    expect(result.article.date).toBe('2024-03-05')
    expect(result.article.authors).toEqual(['Reporter Name'])
    expect(result.article.paragraphs).toHaveLength(1)
    expect(result.article.diagnostics).toEqual([])
  })

  it('is written under a dated slug name and never over an existing file', () => {
    const dir = temp()
    const file = writeNewArticle(dir, 'Markets rally, again!', '2024-03-05')
    expect(path.relative(dir, file)).toBe('2024-03-05-markets-rally-again.txt')
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(' date 2024-03-05 Markets rally, again!')
    expect(() => writeNewArticle(dir, 'Markets rally, again!', '2024-03-05')).toThrow(/EEXIST/)
    expect(readdirSync(dir)).toHaveLength(1)
  })

  it('names a headline of punctuation `story`', () => {
    expect(path.basename(writeNewArticle(temp(), '?!', '2024-03-05'))).toBe('2024-03-05-story.txt')
  })

  it('takes a headline on one line', () => {
    expect(cleanHeadline('  Two\nlines \t here ')).toBe('Two lines here')
    expect(cleanHeadline(' \n ')).toBeNull()
  })
})

describe('broadsheet new', () => {
  const cli = (args: string[]) => runCli(['new', ...args], repo)

  it('prints the path of a file dated today, and refuses to write it twice', async () => {
    const dir = temp()
    const first = await cli(['--content', dir, 'Harbour', 'reopens'])
    expect(first.status).toBe(0)
    const file = first.stdout.trim()
    const today = execFileSync('date', ['+%Y-%m-%d'], {encoding: 'utf8'}).trim()
    expect(path.relative(dir, file)).toBe(`${today}-harbour-reopens.txt`)
    const second = await cli(['--content', dir, 'Harbour reopens'])
    expect(second.status).toBe(1)
    expect(second.stderr).toContain('already exists')
  })

  it('asks for a headline', async () => {
    const result = await cli(['--content', temp()])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('give the headline')
  })
})
