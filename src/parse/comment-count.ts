// The scraped comment count: a header line that is only a number (`19`, `1,204`).

const COUNT = /^\d{1,3}(?:,\d{3})+$|^\d{1,9}$/

export function readCommentCount(line: string): number | null {
  const text = line.trim()
  return COUNT.test(text) ? Number(text.replace(/,/g, '')) : null
}
