// Provider profiles: how each agency and publisher that a news portal carries names itself in
// bylines and datelines, and which lines it adds to a story that are not the story (promos,
// copyright lines, photo captions, slug lines) or that credit its staff. Data, not code: a site
// adds or overrides profiles under `providers` in broadsheet.config.json, in this same shape
// (ProviderProfile in model/types.ts; model/config.ts validates it). parse/provider-rules.ts
// applies them. A rule of a named profile makes that profile the story's publisher when nothing
// else names one, so it must match only that provider's own wording; wording any publisher uses
// belongs to the `any` profile.
import type {ProviderProfile} from '../model/types.ts'

/** The profile whose rules hold for any publisher; its rules are named `any/...`. */
export const ANY = 'any'

export const BUILT_IN_PROVIDERS: ProviderProfile[] = [
  {
    name: ANY,
    names: [],
    rules: [
      {name: 'copyright', pattern: String.raw`^(?:©|\(c\)|copyright\b|™ ?& ?©).{0,120}$`, takes: 'boilerplate', where: 'end'},
      {name: 'originally-appeared', pattern: String.raw`^(?:this (?:article|story|post) )?(?:was )?(?:originally|first) (?:appeared|published)\b.{0,200}$`, takes: 'boilerplate', where: 'end'},
      {name: 'read-original', pattern: String.raw`^read the original article on .{1,80}$`, takes: 'boilerplate', where: 'end'},
      {name: 'read-more', pattern: String.raw`^(?:read more|more from .{1,40}|related):\s.{0,200}$`, takes: 'boilerplate', where: 'anywhere'},
      {name: 'newsletter', pattern: String.raw`^(?:sign up|subscribe|register) (?:to|for) (?:our|the) .{0,80}\b(?:newsletters?|e-?mails?|briefings?)\b.{0,120}$`, takes: 'boilerplate', where: 'anywhere'},
      {name: 'newsletter-free', pattern: String.raw`^get (?:our|the) (?:free )?.{0,80}\b(?:newsletters?|e-?mails?|briefings?)\b.{0,120}$`, takes: 'boilerplate', where: 'anywhere'},
      {name: 'photo-credit', pattern: String.raw`\((?:AP|AFP|Reuters|Getty Images|EPA|PA)? ?Photo(?:/| by )[^()]{1,80}\)$`, takes: 'boilerplate', where: 'anywhere'},
      {name: 'contributed', pattern: String.raw`^[^.]{0,160}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.?$`, takes: 'credit', where: 'end'}
    ]
  },
  {
    name: 'AP',
    names: ['AP', 'Associated Press', 'The Associated Press', 'AP Video'],
    rules: [
      {name: 'caption', pattern: String.raw`^in this (?:photo|image|file photo|undated photo|handout photo)\b.{0,500}\((?:[^()]{0,80} via AP|AP Photo[^()]{0,80})\)$`, takes: 'boilerplate', where: 'anywhere'},
      {name: 'writers', pattern: String.raw`^(?:the )?associated press (?:writers?|reporters?|correspondents?) .{1,200}\.?$`, takes: 'credit', where: 'end'}
    ]
  },
  {
    name: 'Reuters',
    names: ['Reuters', 'Thomson Reuters', 'Reuters Videos', 'Reuters Video'],
    rules: [
      {name: 'reporting', pattern: String.raw`^\((?:additional )?(?:reporting|writing|editing|compiled|research)(?: by)? .{1,300}\)$`, takes: 'credit', where: 'end'},
      {name: 'caption', pattern: String.raw`^(?:file photo:|file -).{0,500}\breuters/[^\s].{0,60}$`, takes: 'boilerplate', where: 'anywhere'},
      {name: 'photo-credit', pattern: String.raw`\bREUTERS/[a-zà-öø-ÿ .'-]{2,60}(?:/File Photo)?$`, takes: 'boilerplate', where: 'anywhere'}
    ]
  },
  {
    name: 'Bloomberg',
    names: ['Bloomberg', 'Bloomberg News', 'Bloomberg Businessweek'],
    rules: [
      {name: 'most-read', pattern: String.raw`^most read from bloomberg(?: businessweek)?$`, takes: 'boilerplate', where: 'anywhere', extent: 'list'},
      {name: 'more-stories', pattern: String.raw`^more stories like this are available on bloomberg\.com.{0,80}$`, takes: 'boilerplate', where: 'end'},
      {name: 'assistance', pattern: String.raw`^--\s?with assistance from .{1,300}$`, takes: 'credit', where: 'end'},
      {name: 'contact', pattern: String.raw`^to contact the (?:reporters?|editors?|authors?) .{1,300}$`, takes: 'credit', where: 'end'}
    ]
  },
  {
    name: 'AFP',
    names: ['AFP', 'Agence France-Presse', 'Agence France Presse', 'AFPTV'],
    rules: [
      {name: 'slug', pattern: String.raw`^[a-z]{1,5}(?:/[a-z]{1,5}){1,6}$`, takes: 'boilerplate', where: 'end'}
    ]
  },
  {
    name: 'Financial Times',
    names: ['Financial Times', 'FT', 'The Financial Times'],
    rules: [
      {name: 'copyright', pattern: String.raw`^copyright the financial times limited.{0,80}$`, takes: 'boilerplate', where: 'end'}
    ]
  },
  {
    name: 'The New York Times',
    names: ['The New York Times', 'New York Times', 'NYT'],
    rules: [
      {name: 'copyright', pattern: String.raw`^© ?\d{4} the new york times company\.?$`, takes: 'boilerplate', where: 'end'}
    ]
  },
  {
    name: 'USA TODAY',
    names: ['USA TODAY', 'USA Today'],
    rules: [
      {name: 'originally-appeared', pattern: String.raw`^this article originally appeared on usa today: .{1,300}$`, takes: 'boilerplate', where: 'end'}
    ]
  },
  {
    name: 'CNN',
    names: ['CNN', 'CNN Business', 'CNN Wire'],
    rules: [
      {name: 'account', pattern: String.raw`^for more cnn news and newsletters,? create an account at cnn\.com\.?$`, takes: 'boilerplate', where: 'end'},
      {name: 'wire', pattern: String.raw`^the-cnn-wire$`, takes: 'boilerplate', where: 'end'}
    ]
  },
  {
    name: 'Business Insider',
    names: ['Business Insider', 'Insider'],
    rules: [
      {name: 'read-original', pattern: String.raw`^read the original article on business insider\.?$`, takes: 'boilerplate', where: 'end'}
    ]
  },
  {
    name: 'The Independent',
    names: ['The Independent', 'Independent'],
    rules: [
      // Its own newsletters by name: a rule that names a provider must not fire on another's text.
      {name: 'newsletter', pattern: String.raw`^(?:sign up (?:to|for) our|get our) free (?:[\w’' -]{0,40} )?(?:Independent|Morning Headlines|Inside Washington|IndyBest|Evening Headlines)\b.{0,60}\b(?:email|newsletter)s?\b.{0,120}$`, takes: 'boilerplate', where: 'anywhere'}
    ]
  },
  {
    name: 'The Motley Fool',
    names: ['The Motley Fool', 'Motley Fool'],
    rules: [
      {name: 'should-you-invest', pattern: String.raw`^should you invest \$[\d,]+ in .{1,80} right now\?$`, takes: 'boilerplate', where: 'end', extent: 'rest'},
      {name: 'disclosure', pattern: String.raw`\bthe motley fool has (?:positions in|a disclosure policy)`, takes: 'boilerplate', where: 'end'}
    ]
  },
  {
    name: 'Yahoo Finance',
    names: ['Yahoo Finance', 'Yahoo! Finance'],
    rules: [
      {name: 'app', pattern: String.raw`^download the yahoo finance app\b.{0,120}$`, takes: 'boilerplate', where: 'anywhere'},
      {name: 'follow', pattern: String.raw`^follow yahoo finance on .{1,160}$`, takes: 'boilerplate', where: 'end'},
      {name: 'latest-news', pattern: String.raw`^(?:click here for|read) the latest .{1,120} from yahoo finance\.?$`, takes: 'boilerplate', where: 'anywhere'}
    ]
  }
]

/**
 * The built-in profiles with a site's own from its config: a profile of the same name replaces the
 * built-in one, a new name is added.
 */
export function providerProfiles(own: readonly ProviderProfile[]): ProviderProfile[] {
  const byName = new Map(own.map((profile) => [profile.name, profile]))
  const merged = BUILT_IN_PROVIDERS.map((profile) => byName.get(profile.name) ?? profile)
  return [...merged, ...own.filter((profile) => !BUILT_IN_PROVIDERS.some((built) => built.name === profile.name))]
}
