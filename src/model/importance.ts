// How important a story is, from what the files carry, to order a day (and a section, and the undated
// stories) with the most important first. A documented sum, so an editor can see why a story leads:
//
//   3 × the other stories that report the same event (model/events.ts)
// + 2 × the teasers in other stories' Recommended blocks that link to it
// + log2(1 + its comment count)
// + its reading time in minutes, up to 8, / 4
//
// Coverage weighs most: an event three providers report is the day's news. Ties go by file order
// (the source path), never by headline.

export interface ImportanceInput {
  /** Stories in its event besides itself. */
  alsoReported: number
  /** Teasers elsewhere that link to it. */
  linkedFrom: number
  commentCount: number | null
  readingMinutes: number
}

export function importance(story: ImportanceInput): number {
  return 3 * story.alsoReported + 2 * story.linkedFrom + Math.log2(1 + (story.commentCount ?? 0)) + Math.min(story.readingMinutes, 8) / 4
}
