// Terms that look like names to a capitalisation scan but are never what a story is about.
import {foldKey} from './fold.ts'

/** News agencies and wire services: they say who wrote a story, not what it is about. */
const AGENCIES = [
  'AP', 'Associated Press', 'Reuters', 'AFP', 'Agence France-Presse', 'Agence France Presse',
  'Bloomberg', 'Bloomberg News', 'PA', 'Press Association', 'PA Media', 'UPI', 'United Press International',
  'Xinhua', 'Yonhap', 'Kyodo', 'Kyodo News', 'Tass', 'Interfax', 'RIA Novosti', 'EFE', 'dpa', 'ANSA',
  'ANI', 'PTI', 'Press Trust of India', 'KCNA', 'Korean Central News Agency', 'CNA', 'AAP', 'CP', 'Canadian Press',
  // Programmes and desks quoted as sources (`told BBC Radio 4's Today programme`).
  'BBC News', 'BBC News website', 'BBC News Online', 'BBC Radio', 'BBC Radio 4', 'BBC Radio Five Live',
  'BBC World Service', 'BBC Breakfast', 'Today', 'Newsnight', 'GMTV', 'Breakfast with Frost',
  'WAM', 'Emirates News Agency', 'SPA', 'Saudi Press Agency', 'MENA', 'IRNA', 'Anadolu', 'Antara', 'Bernama', 'APS'
]

/** Time phrases and calendar words that the lexicon does not know as such. */
const TIME = [
  'Last week', 'Next week', 'This week', 'Last month', 'Next month', 'Last year', 'Next year', 'This year',
  'Earlier this year', 'Earlier', 'Later', 'Today', 'Tonight', 'Yesterday', 'Tomorrow', 'Weekend',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'Christmas', 'Easter', 'New Year', "New Year's Day", 'Boxing Day', 'Halloween',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun', 'GMT', 'BST', 'UTC', 'EST', 'PST'
]

/** Capitalised abbreviations that name a thing or a job, not an organisation. */
const ACRONYMS = [
  'CEO', 'CFO', 'COO', 'CTO', 'MP', 'MPs', 'MEP', 'MEPs', 'MSP', 'AM', 'PM', 'GDP', 'GNP', 'VAT', 'TV', 'PC',
  'PCs', 'CD', 'CDs', 'DVD', 'DVDs', 'IT', 'AI', 'ID', 'PIN', 'OK', 'UFO', 'ICBM', 'HIV', 'AIDS', 'DNA', 'SMS',
  'MP3', 'PDA', 'PDAs', 'PS2', 'GPS', 'USB', 'HD', 'IPO', 'M&A', 'PR', 'QC', 'RAM', 'CPU', 'ISP', 'ISPs',
  'SUV', 'LCD', 'VoIP', 'WiFi', 'Wi-Fi', 'FAQ', 'NB', 'PS', 'TXT', 'URL', 'WWW', 'HTML', 'IQ', 'ASAP',
  'RSS', 'GPRS', 'ADSL', 'DSL', 'IP', 'DRM', 'GSM', '3G', 'XML', 'P2P', 'PDF', 'MMS', 'HDTV', 'UMTS', 'CDMA',
  'ISDN', 'CCTV', 'API', 'OS', 'XP', 'RFID', 'LAN', 'WAN', 'VR', 'FM', 'UHF', 'VHF', 'IVF', 'MRI',
  // Table filler and measures in market reports: `N.A.` (not available), `PSBR`, `P/E`.
  'NA', 'N/A', 'PSBR', 'PE', 'EPS', 'YTD', 'YOY', 'QOQ', 'CPI', 'RPI', 'PPI', 'NAV', 'EBITDA', 'Q1', 'Q2', 'Q3', 'Q4', 'AAA', 'AA', 'BBB', 'BB', 'CCC', 'YES', 'NO', 'STORY', 'UPDATE', 'EXCLUSIVE', 'BREAKING', 'CAPTION'
]

/** Faiths and broad groups: capitalised, but a story about people, not about a place or a body. */
const GROUPS = [
  'Muslim', 'Muslims', 'Christian', 'Christians', 'Jewish', 'Jew', 'Jews', 'Catholic', 'Catholics', 'Protestant',
  'Protestants', 'Islamic', 'Hindu', 'Hindus', 'Sikh', 'Sikhs', 'Buddhist', 'Arab', 'Arabs', 'Western', 'Westerners',
  'Eastern', 'Northern', 'Southern', 'Latino', 'Latinos', 'Black', 'White', 'Asians', 'Africans', 'Europeans'
]

const BUILT_IN = new Set([...AGENCIES, ...TIME, ...ACRONYMS, ...GROUPS].map(foldKey))

export function isBuiltInStop(key: string): boolean {
  return BUILT_IN.has(key)
}

/** Words that make the capitalised name after them a person's (`Prime Minister Tony Blair`). */
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'baroness', 'prof', 'professor',
  'president', 'vice-president', 'minister', 'secretary', 'secretary-general', 'chancellor', 'premier',
  'spokesman', 'spokeswoman', 'spokesperson', 'governor', 'gov', 'senator', 'sen', 'rep', 'representative',
  'congressman', 'congresswoman', 'mayor', 'king', 'queen', 'prince', 'princess', 'pope', 'judge',
  'chairman', 'chairwoman', 'chief', 'director', 'director-general', 'general', 'gen', 'lt', 'col', 'maj',
  'capt', 'sgt', 'adm', 'commander', 'ambassador', 'envoy', 'leader', 'speaker', 'attorney', 'commissioner',
  'boss', 'editor', 'editor-in-chief', 'economist', 'analyst', 'rev', 'archbishop', 'bishop',
  // Members of parliaments: `MP Lembit Opik`, `Labour MP Stephen Pound`, `Brian Monteith MSP`.
  'mp', 'msp', 'mep',
  // The end of `Chancellor of the Exchequer`: after it comes the chancellor's name, never part of one.
  'exchequer'
])

/** Words that belong to a title only when a title word follows (`Home Secretary`, not `Home Office`). */
export const TITLE_QUALIFIERS = new Set([
  'prime', 'deputy', 'vice', 'acting', 'former', 'shadow', 'foreign', 'home', 'junior', 'chief', 'senior',
  'executive', 'general', 'attorney', 'trade', 'industry', 'culture', 'health', 'defence', 'defense',
  'education', 'transport', 'environment', 'interior', 'finance', 'treasury', 'economy', 'energy', 'justice',
  'work', 'pensions', 'culture', 'sports', 'media', 'state', 'first', 'lt', 'lieutenant', 'managing',
  'majority', 'minority', 'opposition', 'party', 'labour', 'tory', 'conservative', 'democratic', 'republican',
  'white', 'house', 'press', 'national', 'security', 'new'
])

/** Lower-case words that may sit inside a name (`Bank of England`, `Ludwig van Beethoven`). */
export const CONNECTORS = new Set(['of', 'for', 'de', 'del', 'da', 'du', 'van', 'von', 'der', 'al', 'bin', 'la', 'le'])

/**
 * Surnames that compromise's lexicon marks as grammar words (`brown` a comparative, `may` a modal,
 * `rich`, `rush`): inside a name, after a first name or a title, they do not break it. Without
 * this, `Gordon Brown`, named in 86 BBC stories, had no tag, and his mentions went to others.
 */
export const SURNAMES_THE_LEXICON_MISREADS = new Set(['brown', 'may', 'rich', 'rush'])

/**
 * Surnames that are also everyday words (`Rice`, `Cook`, `Green`, `Bush`, `Major`): after a
 * capitalised word the lexicon does not know, they end a person's name (`Condoleezza Rice`).
 */
export const WORD_SURNAMES = new Set([
  'rice', 'brown', 'cook', 'green', 'bush', 'major', 'rush', 'may', 'rich', 'straw', 'hague', 'king', 'young',
  'wood', 'black', 'white', 'fox', 'hunt', 'lamb', 'bell', 'balls', 'field', 'hill', 'short', 'little', 'long',
  'price', 'cash', 'gold', 'hall', 'marsh', 'moss', 'stone', 'banks', 'mills', 'sharp', 'rose', 'frost',
  'snow', 'day', 'love', 'wise', 'power', 'page', 'booth', 'gates', 'jobs', 'law', 'hope', 'hart', 'cross',
  'baker', 'smith', 'taylor', 'turner', 'walker', 'carter', 'cooper', 'ward', 'parker', 'mason', 'fisher'
])
