// The word source of the generated corpus: names, bodies, places and sentence patterns written
// for Broadsheet, so that tests and the bench make realistic stories on a fresh clone without any
// text that is not ours. The people and companies are invented; the places are real, as a wire
// story's are. A pattern's {slots} are filled by bench/lib/newsroom.ts.

export type Category = 'business' | 'politics' | 'tech'
export const CATEGORIES: readonly Category[] = ['business', 'politics', 'tech']

export const FIRST_NAMES = [
  'Alice', 'Amara', 'Andrew', 'Anika', 'Bruno', 'Carla', 'Celine', 'Daniel', 'Deborah', 'Dmitri',
  'Edith', 'Elena', 'Emeka', 'Farah', 'Felix', 'Gareth', 'Greta', 'Hamid', 'Helen', 'Hugo',
  'Imogen', 'Isaac', 'Jana', 'Jonas', 'Julia', 'Kamal', 'Karin', 'Kenji', 'Laura', 'Leon',
  'Lucia', 'Malik', 'Marta', 'Martin', 'Miriam', 'Nadia', 'Niall', 'Olga', 'Oscar', 'Petra',
  'Priya', 'Rafael', 'Rosa', 'Ruth', 'Samuel', 'Sanjay', 'Selma', 'Simon', 'Sofia', 'Tariq',
  'Teresa', 'Tomas', 'Una', 'Victor', 'Vera', 'Walter', 'Wen', 'Yusuf', 'Zara', 'Zoltan',
  'Zoë', 'José', 'Søren', 'Renée', 'Łucja', 'Aurélie',
]

export const SURNAMES = [
  'Abbott', 'Adeyemi', 'Alvarez', 'Ambler', 'Barnaby', 'Bellweather', 'Brannock', 'Castellan',
  'Delacourt', 'Draycott', 'Eckersley', 'Fairbairn', 'Farrington', 'Galloway', 'Gorecki', 'Halloran',
  'Hargreaves', 'Ibekwe', 'Ingleby', 'Jaramillo', 'Kettering', 'Kowalczyk', 'Lindqvist', 'Loxley',
  'Marchetti', 'Mbatha', 'Montrose', 'Nakamura', 'Netherby', 'Oduya', 'Okonkwo', 'Pemberton',
  'Quarrie', 'Radcliffe', 'Rasmussen', 'Sandoval', 'Selwyn', 'Takahashi', 'Thornbury', 'Underhill',
  'Valcourt', 'Varga', 'Wainwright', 'Whitlock', 'Yardley', 'Zelenko', 'Ashdown', 'Blakemore',
  'Cardew', 'Dunmore', 'Elphick', 'Fenwick', 'Greenhalgh', 'Holbrook', 'Kilbride', 'Mortimer',
  'Müller', 'O’Connell', 'Dvořák', 'Ferreira-Núñez', 'Åberg', 'Ní Bhriain',
]

export const ROLES: Record<Category, string[]> = {
  business: ['chief executive', 'finance director', 'chief economist', 'chairman', 'analyst', 'fund manager', 'retail consultant'],
  politics: ['Home Secretary', 'shadow chancellor', 'party leader', 'junior minister', 'backbench MP', 'committee chair', 'council leader'],
  tech: ['chief technology officer', 'founder', 'security researcher', 'product director', 'games designer', 'industry analyst', 'software engineer'],
}

/** Invented organisations with a short form a story may use after the first mention. */
export const ORGANISATIONS: Record<Category, Array<readonly [name: string, short: string]>> = {
  business: [
    ['Harrowgate Bank', 'Harrowgate'], ['Meridian Steel', 'Meridian'], ['Corvid Airlines', 'Corvid'],
    ['Tallis Retail Group', 'Tallis'], ['Northgate Insurance', 'Northgate'], ['Ostrava Motors', 'Ostrava'],
    ['Pellham Foods', 'Pellham'], ['Brightwater Energy', 'Brightwater'], ['Calloway Shipping', 'Calloway'],
    ['the Federal Reserve', 'the Fed'], ['the European Central Bank', 'the ECB'], ['the International Monetary Fund', 'the IMF'],
    ['the Bank of England', 'the Bank'], ['the World Trade Organization', 'the WTO'], ['Quayside Pharmaceuticals', 'Quayside'],
  ],
  politics: [
    ['the Labour Party', 'Labour'], ['the Conservative Party', 'the Conservatives'], ['the Liberal Democrats', 'the Lib Dems'],
    ['the Home Office', 'the Home Office'], ['the Electoral Commission', 'the commission'], ['the Treasury', 'the Treasury'],
    ['the House of Lords', 'the Lords'], ['the European Commission', 'the Commission'], ['the United Nations', 'the UN'],
    ['the Audit Office', 'the Audit Office'], ['the Police Federation', 'the federation'], ['the Local Government Association', 'the LGA'],
  ],
  tech: [
    ['Lumen Devices', 'Lumen'], ['Quillon Software', 'Quillon'], ['Arcwright Games', 'Arcwright'],
    ['Tessellate Networks', 'Tessellate'], ['Copperfield Mobile', 'Copperfield'], ['Halcyon Robotics', 'Halcyon'],
    ['Orrery Search', 'Orrery'], ['Sparrowhawk Security', 'Sparrowhawk'], ['Vantablue Broadband', 'Vantablue'],
    ['the Open Standards Forum', 'the forum'], ['the Information Commissioner', 'the commissioner'], ['Ofcom', 'Ofcom'],
  ],
}

export const COUNTRIES = [
  'Japan', 'China', 'India', 'Brazil', 'Germany', 'France', 'Italy', 'Spain', 'Canada', 'Mexico',
  'Nigeria', 'Kenya', 'South Africa', 'Australia', 'Sweden', 'Poland', 'Turkey', 'Indonesia', 'Argentina', 'Ireland',
]

export const CITIES = [
  'London', 'Manchester', 'Leeds', 'Glasgow', 'Cardiff', 'Belfast', 'Bristol', 'Birmingham', 'Edinburgh', 'Newcastle',
  'Tokyo', 'Frankfurt', 'Paris', 'Madrid', 'Toronto', 'Sydney', 'Mumbai', 'Lagos', 'Nairobi', 'Seoul',
]

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** What a story is about, by category: a noun phrase that fits "plans for ...", "the ... market". */
export const SUBJECTS: Record<Category, string[]> = {
  business: [
    'interest rates', 'consumer spending', 'the housing market', 'steel exports', 'pension funds', 'fuel prices',
    'airline fares', 'retail sales', 'factory output', 'the jobs market', 'insurance claims', 'grocery prices',
    'corporate bonds', 'shipping costs', 'business investment', 'the economy', 'wage growth', 'the currency',
  ],
  politics: [
    'the council tax', 'police numbers', 'school funding', 'the general election', 'immigration rules', 'hospital waiting lists',
    'the asylum system', 'prison places', 'student fees', 'the voting age', 'identity cards', 'party donations',
    'the smoking ban', 'rural bus services', 'the pensions bill', 'local elections', 'the licence fee', 'anti-terror laws',
  ],
  tech: [
    'broadband speeds', 'mobile phone signals', 'games consoles', 'spam e-mail', 'online music sales', 'digital television',
    'home computers', 'search engines', 'computer viruses', 'wireless networks', 'blogging', 'file-sharing networks',
    'handheld devices', 'internet security', 'online shopping', 'video downloads', 'open source software', 'chip prices',
  ],
}

export const HEADLINES = [
  '{Org} warns over {subject}', '{Surname} pledges review of {subject}', '{Org} profits rise despite {subject}',
  '{Country} moves on {subject}', 'Row grows over {subject}', '{Surname} defends plans for {subject}',
  'New rules for {subject} unveiled', '{Org} cuts {jobs} jobs', 'Fresh doubts over {subject}', '{Org} shares slide after warning',
  '{Surname} under fire on {subject}', 'Call to rethink {subject}', '{Org} backs {subject} shake-up', '{City} leads rise in {subject}',
  'Record year for {subject}', '{Org} chief quits after {n} years', 'Inquiry into {subject} widens', '{Surname} rules out {subject} U-turn',
  'Slowdown hits {subject}', '{Org} and {Org2} in merger talks', 'Watchdog probes {subject}', '{Country} deal lifts {Org}',
  "'No easy answers' on {subject}", '{Surname} sets out {subject} vision', 'Fears grow for {subject}',
]

/** The opening sentence: who did what, and when. */
export const LEADS = [
  '{Org} has warned that {subject} could fall by as much as {pct} over the next year, blaming {cause}.',
  '{Person}, the {role}, has promised a full review of {subject} after months of pressure from {Org}.',
  'Plans to overhaul {subject} have been unveiled by {Org}, which says the changes will save {money} a year.',
  'Ministers in {Country} have agreed a package of measures on {subject}, officials said on {weekday}.',
  '{Org} reported a rise of {pct} in profits for the year to {month}, helped by strong demand for {subject}.',
  'Concern about {subject} has grown after figures showed a drop of {pct} in the three months to {month}.',
  '{Person} has defended the handling of {subject}, saying critics had "misread the figures".',
  'A report by {Org} says {subject} will need {money} of new investment if targets are to be met.',
]

/** Sentences for the body, in any order. */
export const SENTENCES = [
  '{Surnamed} said the {noun} had been "{quote}".',
  'The figures were published on {weekday} and cover the period from {month} to {month2}.',
  'Analysts had expected a smaller change, and {Org} shares closed {pct} lower in {City}.',
  '"{Quote}," {Surnamed} told reporters in {City}.',
  'Critics say the plans do not go far enough, and {Org2} has called for an independent inquiry.',
  'About {n},000 people are thought to be affected, most of them in {City} and the surrounding area.',
  '{Person2}, a {role2} at {Org2}, said the decision was "{quote}".',
  'The {noun} comes at a difficult time for {Org}, which has lost ground to rivals in {Country}.',
  'Earlier this year {Org2} said it expected {subject} to recover by the end of {year}.',
  'The cost of the scheme is put at {money}, to be spread over {n} years.',
  'It is the {ordinal} time in {n} months that {Org} has changed its forecast.',
  '{Surnamed} added that talks with {Org2} would continue "for as long as it takes".',
  'Officials in {Country} said they would study the proposals before making any decision.',
  'Sales in {City} rose by {pct}, while the rest of the country saw a fall of {pct2}.',
  'The {noun} will be debated again in {month}, when a final decision is due.',
  'Some economists believe the slowdown in {subject} has further to run.',
  '{Surnamed} said: "{Quote}. We will not be rushed into a decision."',
  'The previous {noun} was abandoned in {year} after a legal challenge by {Org2}.',
  'Consumer groups welcomed the move but warned that {subject} remained a worry for many families.',
  'The changes take effect from {month}, although some will be phased in over {n} years.',
  'A spokesman for {Org2} said it was "disappointed" but would "look carefully at the detail".',
  'Figures from {Org2} suggest that {subject} in {Country} grew by {pct} last year.',
  'Opposition members called the {noun} "{quote}" and demanded a vote.',
  'Demand for {subject} has been rising steadily since {year}, according to {Org2}.',
  'The {noun} was agreed after {n} hours of talks that ran late into {weekday} night.',
  'Investors will be watching closely when {Org} publishes its results in {month}.',
]

export const QUOTES = [
  'a sensible step in the right direction', 'nothing short of a disaster', 'the right decision at the right time',
  'too little, too late', 'a real opportunity for the whole country', 'a matter of fairness', 'not the end of the story',
  'a serious setback for the industry', 'long overdue', 'deeply worrying', 'good news for customers',
  'unworkable in its present form', 'a blow to confidence', 'the most important change in a generation',
]

export const NOUNS = ['plan', 'proposal', 'decision', 'deal', 'review', 'report', 'announcement', 'settlement', 'scheme', 'forecast']

export const CAUSES = [
  'rising costs', 'weak demand at home', 'the strength of the pound', 'higher oil prices', 'a cold winter',
  'fierce competition', 'new regulations', 'a slowdown in Asia', 'delays at ports', 'a shortage of skilled staff',
]

export const ORDINALS = ['second', 'third', 'fourth', 'fifth']
