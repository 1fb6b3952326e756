// Calendar days as written. Dates stay `YYYY-MM-DD` strings all the way through, so no time zone
// of the build machine can move a story to another day.

const MIN_YEAR = 1900
const MAX_YEAR = 2200

export type DateCheck = {ok: true; date: string} | {ok: false; reason: string}

/** `2022-11-08` or `2022/11/08` → `2022-11-08`, or why it is not a real day. */
export function checkDate(text: string): DateCheck {
  const match = /^(\d{4})[-/](\d{2})[-/](\d{2})$/.exec(text)
  if (!match) return {ok: false, reason: `"${text}" is not a date in the form YYYY-MM-DD`}
  return checkDay(Number(match[1]), Number(match[2]), Number(match[3]), text)
}

export function checkDay(year: number, month: number, day: number, written: string): DateCheck {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return {ok: false, reason: `impossible date "${written}": the year must be between ${MIN_YEAR} and ${MAX_YEAR}`}
  }
  if (month < 1 || month > 12) return {ok: false, reason: `impossible date "${written}": there is no month ${month}`}
  const last = daysInMonth(year, month)
  if (day < 1 || day > last) {
    return {ok: false, reason: `impossible date "${written}": month ${month} of ${year} has ${last} days`}
  }
  return {ok: true, date: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`}
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

/** A `YYYY-MM-DD` or `YYYY/MM/DD` anywhere in a path (`2022/11/08/story.txt`), if it is a real day. */
export function dateFromPath(source: string): string | null {
  const path = source.replace(/\\/g, '/')
  const pattern = /(?:^|[^0-9])(\d{4})[-/](\d{2})[-/](\d{2})(?![0-9])/g
  for (const match of path.matchAll(pattern)) {
    const check = checkDay(Number(match[1]), Number(match[2]), Number(match[3]), match[0])
    if (check.ok) return check.date
  }
  return null
}
