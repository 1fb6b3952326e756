// One-line labels (headline, byline, teaser title) are shown on one line: runs of any white space,
// NBSP and tabs included, become one space. Paragraph text keeps its NBSPs; only tabs go.

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

export function cleanParagraphLine(line: string): string {
  return line.replace(/\t/g, ' ').trim()
}
