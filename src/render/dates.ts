// Calendar days as words. A story's date is a `YYYY-MM-DD` string; every function here reads it
// through UTCDate so that no local time zone can move it to another day.
import {UTCDate} from '@date-fns/utc'
// One module each: the package's index loads all of date-fns, 90 ms of every build's start.
import {format} from 'date-fns/format'
import {getDaysInMonth} from 'date-fns/getDaysInMonth'
import {getISODay} from 'date-fns/getISODay'

function utcDay(date: string): UTCDate {
  const [y, m, d] = date.split('-').map(Number)
  return new UTCDate(y ?? 1970, (m ?? 1) - 1, d ?? 1)
}

/**
 * A site has a few hundred distinct days and formats each thousands of times (every card), so
 * each formatter remembers its answers; the same input always gives the same words.
 */
function remembered(formatter: (value: string) => string): (value: string) => string {
  const answers = new Map<string, string>()
  return (value) => {
    let answer = answers.get(value)
    if (answer === undefined) answers.set(value, (answer = formatter(value)))
    return answer
  }
}

/** `2022-11-08` → `Tuesday, 8 November 2022`. */
export const dateInWords = remembered((date) => format(utcDay(date), 'EEEE, d MMMM yyyy'))

/** `2022-11-08` → `8 Nov 2022`. */
export const shortDate = remembered((date) => format(utcDay(date), 'd MMM yyyy'))

/** `2022-11` → `November`. */
export const monthName = remembered((month) => format(utcDay(`${month}-01`), 'MMMM'))

/** `2022-11` → `November 2022`. */
export const monthInWords = remembered((month) => format(utcDay(`${month}-01`), 'MMMM yyyy'))

/** Midnight UTC of the day, for feeds, which need an instant. */
export function dayInstant(date: string): Date {
  return new Date(utcDay(date).getTime())
}

/** `2022-11-08` → `Tue, 08 Nov 2022 00:00:00 GMT`, the RFC 822 date of RSS. */
export const rfc822Day = remembered((date) => dayInstant(date).toUTCString())

export interface CalendarCell {
  day: number
  /** `YYYY-MM-DD` */
  date: string
  count: number
}

/** Weeks of a month, Monday first; `null` pads the first and last week. */
export function monthWeeks(month: string, counts: ReadonlyMap<string, number>): Array<Array<CalendarCell | null>> {
  const first = utcDay(`${month}-01`)
  const cells: Array<CalendarCell | null> = Array.from({length: getISODay(first) - 1}, () => null)
  for (let day = 1; day <= getDaysInMonth(first); day++) {
    const date = `${month}-${String(day).padStart(2, '0')}`
    cells.push({day, date, count: counts.get(date) ?? 0})
  }
  while (cells.length % 7 !== 0) cells.push(null)
  const weeks: Array<Array<CalendarCell | null>> = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}
