/**
 * The official business calendar as this context keeps it (edited on the calendar page),
 * for other contexts that count business time.
 */
export { BusinessCalendarSource } from '../application/business-calendar-source.js';
