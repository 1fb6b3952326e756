// `·3 min read` as scraped, or an estimate from the body at 230 words a minute.

const WORDS_PER_MINUTE = 230
const STATED = /^[·•∙|\s]*(\d{1,4})\s*(?:min|mins|minute|minutes)\.?\s+read$/iu

/** The stated figure of a reading-time line, or null if the line is something else. */
export function readReadingTime(line: string): number | null {
  const match = STATED.exec(line.trim())
  if (!match) return null
  const minutes = Number(match[1])
  return minutes >= 1 ? minutes : null
}

export function estimateReadingMinutes(paragraphs: string[]): number {
  let words = 0
  for (const paragraph of paragraphs) words += countWords(paragraph)
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE))
}

function countWords(text: string): number {
  let count = 0
  for (const _ of text.matchAll(/\S+/g)) count++
  return count
}
