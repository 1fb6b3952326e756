// What a feed is made from, whatever its format.
import type {Story} from '../../model/types.ts'

export interface FeedSpec {
  /** Output path of the feed, e.g. `feed.xml` or `tags/x/feed.xml`. */
  path: string
  title: string
  description: string
  /** Site-relative URL of the page the feed mirrors. */
  homeUrl: string
  stories: Story[]
  /** Body HTML for a story, or null to give the excerpt only. */
  content: (story: Story) => string | null
}

/** The newest date among `stories`, or null when none is dated. */
export function newestDate(stories: readonly Story[]): string | null {
  let newest: string | null = null
  for (const story of stories) if (story.date !== null && (newest === null || story.date > newest)) newest = story.date
  return newest
}
