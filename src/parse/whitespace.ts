// One-line labels (headline, byline, teaser title) are shown on one line: runs of any white space,
// NBSP and tabs included, become one space. Paragraph text keeps its NBSPs; only tabs go.

export function collapse(text: string): string {
  // What /\s+/g → ' ' does, without replacing each lone space by another: text that needs no
  // change is then not copied.
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim()
}

export function cleanParagraphLine(line: string): string {
  return line.replace(/\t/g, ' ').trim()
}
