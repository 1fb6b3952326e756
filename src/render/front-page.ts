// What the first home page leads with. A dated site opens on its newest day, most important story
// first; then each section's top stories, of the page's days and the undated, that the day above
// did not show, under the section's heading. A site of undated stories opens on its most important
// story, then each section's top stories, or, without sections, its next most important ones.
// Pure: indices in, indices out.
import type {Site} from '../model/types.ts'

/** Stories a section shows on the home page: a row and a half of the grid. */
export const SECTION_STORIES = 4

export interface FrontPage {
  /** The lead of an undated site (a dated site's lead is its newest day's first story); null otherwise. */
  lead: number | null
  /** Each visible section with stories to show, in the bar's order: its index in `site.sections` and its stories. */
  sections: Array<{section: number; stories: number[]}>
  /** The undated stories the page shows after the days: only on a site without sections, which show them otherwise. */
  undated: number[]
}

/** `days`: the indices of `site.days` on the first home page. */
export function frontPage(site: Site, days: readonly number[], undatedLimit: number): FrontPage {
  const dated = days.flatMap((day) => site.days[day]?.stories ?? [])
  const lead = dated.length === 0 ? (site.undated[0] ?? null) : null
  // Shown above the sections: the newest day, or the undated lead.
  const shown = new Set(dated.length === 0 ? (lead === null ? [] : [lead]) : (site.days[days[0]!]?.stories ?? []))
  // The page's days and the undated stories, which belong to no day and so to every front page.
  const window = [...dated, ...site.undated].filter((index) => !shown.has(index))
  const inWindow = new Set(window)
  const byImportance = (a: number, b: number) => site.stories[b]!.importance - site.stories[a]!.importance || a - b
  const sections = site.sections
    .map((section, i) => ({section: i, stories: section.stories.filter((index) => inWindow.has(index)).sort(byImportance).slice(0, SECTION_STORIES)}))
    .filter((section) => section.stories.length > 0)
  const undated = sections.length === 0 ? site.undated.filter((index) => index !== lead).slice(0, undatedLimit) : []
  return {lead, sections, undated}
}
