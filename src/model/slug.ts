// URL slugs: Unicode letters and digits kept, lower-cased, everything else folded to single hyphens.
// A slug is also a folder name on disk, so it can never be `.`/`..`, contain a separator, or be a
// name Windows reserves for devices.

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/
const MAX_LENGTH = 80

export function slugify(text: string): string {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    // Apostrophes join words (`korea’s` → `koreas`) rather than split them.
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  const slug = truncate(folded)
  return RESERVED.test(slug) ? `${slug}-page` : slug
}

/** Cut at a hyphen so a long headline does not end mid-word. */
function truncate(slug: string): string {
  const chars = Array.from(slug)
  if (chars.length <= MAX_LENGTH) return slug
  const cut = chars.slice(0, MAX_LENGTH).join('')
  const hyphen = cut.lastIndexOf('-')
  return (hyphen > MAX_LENGTH / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '')
}
