// Which block each line of a file ended in: the parse's own account, asked for through
// `parseWithLineBlocks(text, source)`. A test holds the parser to its promise with it: every
// non-blank line of a file ends in exactly one block, and no blank line in any.

export type Block =
  | 'front matter'
  | 'date line'
  | 'headline'
  | 'comment count'
  | 'byline'
  | 'reading time'
  | 'body'
  | 'credits'
  | 'boilerplate'
  | 'footer'
  | 'recommended stories'
  /** An e-mail's header block (but Subject, the headline, and From, the byline), its MIME part headers and boundaries. */
  | 'header'
  /** A MIME part not read as the story: the HTML alternative, an attachment, a multipart's preamble. */
  | 'other part'

export interface LineBlocks {
  /** By 0-based line index: the block, or null for a line no block took. */
  blocks: Array<Block | null>
  /** 1-based lines that two blocks took. */
  twice: number[]
}

export function createLineBlocks(lineCount: number): LineBlocks {
  return {blocks: Array.from({length: lineCount}, () => null), twice: []}
}

export function mark(account: LineBlocks | null, index: number, block: Block): void {
  if (account === null) return
  const before = account.blocks[index]
  // A transcript line split into several paragraphs is taken by the body once.
  if (before !== null && before !== undefined && !(before === block && block === 'body')) account.twice.push(index + 1)
  account.blocks[index] = block
}

/** Marks every line of [start, stop) that `keep` accepts. */
export function markRange(account: LineBlocks | null, lines: readonly string[], start: number, stop: number, block: Block, keep: (line: string) => boolean): void {
  if (account === null) return
  for (let i = start; i < stop; i++) if (keep(lines[i] ?? '')) mark(account, i, block)
}
