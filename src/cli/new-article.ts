// `broadsheet new`: a fresh article file in the scraped format, so an editor starts from a file
// the parser reads cleanly instead of remembering the shape.
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {slugify} from '../model/slug.ts'

/** The article text: date and headline line, a byline to replace, a paragraph to replace. */
export function newArticleText(headline: string, date: string): string {
  return [
    ` date ${date} ${headline}`,
    '',
    'By Reporter Name',
    '',
    'Write the story here, one paragraph a block, with a blank line between paragraphs. Replace the byline above with the real one, or delete it.',
    ''
  ].join('\n')
}

/** A headline on one line, spaces collapsed; null when nothing is left. */
export function cleanHeadline(text: string): string | null {
  const headline = text.replace(/\s+/g, ' ').trim()
  return headline === '' ? null : headline
}

/**
 * Writes `<dir>/<date>-<slug>.txt` and returns its path. Throws (EEXIST) rather than overwrite
 * an article that is already there.
 */
export function writeNewArticle(dir: string, headline: string, date: string): string {
  const slug = slugify(headline) || 'story'
  const file = path.join(dir, `${date}-${slug}.txt`)
  mkdirSync(dir, {recursive: true})
  writeFileSync(file, newArticleText(headline, date), {flag: 'wx'})
  return file
}
