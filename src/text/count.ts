// "1 story", "3 stories": a number and its noun, for every line a person reads.

/** `n` and the noun, plural unless `n` is 1; `many` where the plural is not `one` + s. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

export function storyCount(n: number): string {
  return count(n, 'story', 'stories')
}
