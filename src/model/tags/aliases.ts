// Built-in spellings of the places and organisations that news mentions most, so that one
// thing has one tag. Keys are compared through foldKey, so `U.S.`/`US`/`u.s` are one entry.
// `America` alone means the United States in news copy; `Latin America`, `Bank of America`
// are different whole phrases and never reach this entry.

export type EntityKind = 'person' | 'place' | 'org'

export interface Canonical {
  name: string
  kind: EntityKind
}

const PLACES: Record<string, string[]> = {
  'United States': ['US', 'U.S.', 'USA', 'U.S.A.', 'United States of America', 'America'],
  'United Kingdom': ['UK', 'U.K.', 'Britain', 'Great Britain'],
  'North Korea': ['N. Korea', 'N.Korea', 'DPRK', "Democratic People's Republic of Korea"],
  'South Korea': ['S. Korea', 'S.Korea', 'Republic of Korea', 'ROK'],
  'United Arab Emirates': ['UAE', 'U.A.E.'],
  Russia: ['Russian Federation'],
  China: ["People's Republic of China", 'PRC', 'Mainland China'],
  Taiwan: [],
  Ukraine: ['the Ukraine'],
  Iran: ['Islamic Republic of Iran'],
  'Czech Republic': ['Czechia'],
  Netherlands: ['Holland', 'The Netherlands'],
  'Democratic Republic of the Congo': ['DR Congo', 'DRC'],
  'European Union': ['EU', 'E.U.'],
  'Hong Kong': [],
  'New Zealand': [],
  'Saudi Arabia': [],
  'South Africa': [],
  Europe: [],
  'Middle East': []
}

const ORGS: Record<string, string[]> = {
  'United Nations': ['UN', 'U.N.'],
  'UN Security Council': ['U.N. Security Council', 'United Nations Security Council', 'Security Council'],
  NATO: ['Nato', 'N.A.T.O.', 'North Atlantic Treaty Organization'],
  'World Trade Organization': ['WTO', 'World Trade Organisation'],
  'International Monetary Fund': ['IMF'],
  'World Bank': [],
  'World Health Organization': ['WHO', 'World Health Organisation'],
  'European Commission': [],
  'European Central Bank': ['ECB'],
  // The Board of Governors is the Reserve's own board: the same body, the same tag.
  'Federal Reserve': ['Fed', 'US Federal Reserve', 'Federal Reserve Board', 'Fed Board', 'Federal Reserve System'],
  'Bank of England': [],
  'Securities and Exchange Commission': ['SEC', 'Securities Exchange Commission'],
  'Office for National Statistics': ['ONS', 'Office of National Statistics'],
  'Department for Environment, Food and Rural Affairs': ['Defra', 'DEFRA'],
  OPEC: ['Opec'],
  'White House': [],
  Pentagon: ['the Pentagon'],
  Kremlin: ['the Kremlin'],
  Congress: ['US Congress'],
  'Downing Street': ['No 10', 'Number 10', 'Downing St', 'Downing St.'],
  'House of Commons': ['Commons'],
  'House of Lords': ['Lords'],
  'Labour Party': ['Labour'],
  'Conservative Party': ['Conservatives', 'Conservative', 'Tories', 'Tory Party', 'Tory'],
  'Liberal Democrats': ['Lib Dems', 'Lib Dem', 'Liberal Democrat'],
  UKIP: ['Ukip', 'UK Independence Party'],
  SNP: ['Scottish National Party'],
  'Plaid Cymru': ['Plaid'],
  'Sinn Fein': ['Sinn Féin'],
  'Democratic Unionist Party': ['DUP'],
  'British National Party': ['BNP'],
  'Republican Party': ['Republicans', 'GOP'],
  'Democratic Party': ['Democrats'],
  G7: ['Group of Seven', 'G-7'],
  G8: ['Group of Eight', 'G-8'],
  G20: ['Group of 20', 'G-20'],
  FBI: [],
  CIA: [],
  BBC: [],
  Google: [],
  'Manchester United': ['Man Utd', 'Man United'],
  Microsoft: [],
  Apple: [],
  Twitter: []
}

/**
 * Demonyms: `French ministers`, `the Japanese economy` are about the country. Only the word alone
 * counts: a longer name that starts with one (`British Airways`, `Dawn French`) is read whole first.
 */
const DEMONYMS: Record<string, string[]> = {
  'United Kingdom': ['British', 'Briton', 'Britons'],
  'United States': ['American'],
  France: ['French'],
  Germany: ['German'],
  'West Germany': ['West German'],
  Japan: ['Japanese'],
  China: ['Chinese'],
  Russia: ['Russian'],
  Italy: ['Italian'],
  Spain: ['Spanish'],
  India: ['Indian'],
  Australia: ['Australian'],
  Canada: ['Canadian'],
  Ireland: ['Irish'],
  Scotland: ['Scottish'],
  Wales: ['Welsh'],
  Netherlands: ['Dutch'],
  Switzerland: ['Swiss'],
  Brazil: ['Brazilian'],
  Philippines: ['Filipino', 'Philippine'],
  Turkey: ['Turkish'],
  Iraq: ['Iraqi'],
  Iran: ['Iranian'],
  Israel: ['Israeli'],
  Ukraine: ['Ukrainian'],
  Europe: ['European'],
  Asia: ['Asian'],
  Africa: ['African'],
  Pakistan: ['Pakistani'],
  Afghanistan: ['Afghan'],
  Mexico: ['Mexican'],
  Poland: ['Polish'],
  Sweden: ['Swedish'],
  Norway: ['Norwegian'],
  Denmark: ['Danish'],
  Greece: ['Greek'],
  Portugal: ['Portuguese'],
  Argentina: ['Argentine', 'Argentinian'],
  'South Korea': ['South Korean'],
  'North Korea': ['North Korean'],
  Egypt: ['Egyptian'],
  Syria: ['Syrian'],
  Indonesia: ['Indonesian'],
  Thailand: ['Thai'],
  Vietnam: ['Vietnamese'],
  Nigeria: ['Nigerian'],
  Kenya: ['Kenyan'],
  Palestine: ['Palestinian'],
  'Saudi Arabia': ['Saudi'],
  Belgium: ['Belgian'],
  Austria: ['Austrian'],
  Hungary: ['Hungarian'],
  Romania: ['Romanian'],
  'New Zealand': ['New Zealander']
}

/**
 * Capitals that stand for their country's government when they act (`Washington said`, `Moscow
 * denied`, `Bonn's position`): the country is named too (tags/cues.ts decides when they act).
 */
export const CAPITALS: Readonly<Record<string, string>> = {
  Washington: 'United States', Moscow: 'Russia', Beijing: 'China', Peking: 'China', Tokyo: 'Japan',
  Pyongyang: 'North Korea', Seoul: 'South Korea', London: 'United Kingdom', Paris: 'France', Berlin: 'Germany',
  Bonn: 'West Germany', Manila: 'Philippines', Tehran: 'Iran', Kiev: 'Ukraine', Kyiv: 'Ukraine', Baghdad: 'Iraq',
  Damascus: 'Syria', 'New Delhi': 'India', Delhi: 'India', Islamabad: 'Pakistan', Kabul: 'Afghanistan',
  Ottawa: 'Canada', Canberra: 'Australia', Rome: 'Italy', Madrid: 'Spain', Ankara: 'Turkey', Cairo: 'Egypt',
  Riyadh: 'Saudi Arabia', Taipei: 'Taiwan', Havana: 'Cuba', Caracas: 'Venezuela', Brasilia: 'Brazil',
  Jakarta: 'Indonesia', Bangkok: 'Thailand', Hanoi: 'Vietnam', Tripoli: 'Libya', Khartoum: 'Sudan',
  Nairobi: 'Kenya', Pretoria: 'South Africa', Warsaw: 'Poland', Athens: 'Greece', Dublin: 'Ireland',
  'The Hague': 'Netherlands', Stockholm: 'Sweden', Oslo: 'Norway', Copenhagen: 'Denmark', Lisbon: 'Portugal',
  Vienna: 'Austria', Budapest: 'Hungary', Prague: 'Czech Republic', Bucharest: 'Romania'
}

export const BUILT_IN: ReadonlyArray<readonly [spelling: string, canonical: Canonical]> = [
  ...entries(PLACES, 'place'),
  ...entries(DEMONYMS, 'place'),
  ...entries(ORGS, 'org')
]

function entries(group: Record<string, string[]>, kind: EntityKind): Array<[string, Canonical]> {
  return Object.entries(group).flatMap(([name, spellings]) =>
    [name, ...spellings].map((spelling): [string, Canonical] => [spelling, {name, kind}])
  )
}
