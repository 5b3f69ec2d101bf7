export {
  arrangementProblems,
  daysOfBlock,
  describeArrangementProblem,
  InvalidArrangementError,
  validateArrangements,
  type ArrangementEntry,
  type ArrangementProblem,
  type HolidayBlock,
  type MakeUpWorkday,
  type YearArrangement,
} from './arrangement.js';
export {
  BusinessCalendar,
  chinaOfficialCalendar,
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_BUSINESS_ZONE,
  type BusinessCalendarOptions,
  type BusinessHours,
  type Coverage,
  type DueAtWithCoverage,
} from './business-calendar.js';
export { CHINA_OFFICIAL_ARRANGEMENTS } from './data/china-official-2024-2026.js';
export { zoneOffsets } from './zone-offsets.js';
