/**
 * The days a year's arrangement may list. A State Council notice for year Y arranges
 * the days of Y, and around New Year it may also move days in late December of Y−1
 * (the 2019 notice made Saturday 2018-12-29 a working day and 2018-12-30 and 12-31 days
 * off; the 2023 notice began the New Year break on 2022-12-31). Late December is the
 * last week of the month: the 25th to the 31st. Any other day belongs to another
 * year's notice.
 */
export interface NoticeReach {
  readonly year: number;
  /** The first day the notice may list: `${year − 1}-12-25`. */
  readonly from: string;
  /** The last: `${year}-12-31`. */
  readonly to: string;
}

/** The first day of late December. */
export const LATE_DECEMBER_FROM = 25;

export function noticeReach(year: number): NoticeReach {
  return { year, from: `${year - 1}-12-${LATE_DECEMBER_FROM}`, to: `${year}-12-31` };
}

/** Whether a calendar day ('YYYY-MM-DD') is one the year's notice may list. */
export function withinReach(reach: NoticeReach, day: string): boolean {
  return day >= reach.from && day <= reach.to;
}

/** Whether a day the notice lists belongs to the year before (late December). */
export function inYearBefore(reach: NoticeReach, day: string): boolean {
  return day < `${reach.year}-01-01`;
}
