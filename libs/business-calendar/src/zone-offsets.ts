import { IANAZone } from 'luxon';

const MS_PER_DAY = 86_400_000;
/** UTC days remembered before the memory starts over (about fifty years). */
const REMEMBERED_DAYS = 20_000;

/**
 * The zone's UTC offset in minutes at an instant, remembered per UTC day: asking
 * the zone database (Intl) is what makes a page of dates slow. A day in which the
 * offset changes (daylight saving) is never remembered and is asked every time.
 */
export function zoneOffsets(zone: string): (ms: number) => number {
  const iana = IANAZone.create(zone);
  const days = new Map<number, number>();
  return (ms) => {
    const day = Math.floor(ms / MS_PER_DAY);
    const known = days.get(day);
    if (known !== undefined) return known;
    const start = iana.offset(day * MS_PER_DAY);
    if (iana.offset((day + 1) * MS_PER_DAY - 1) !== start) return iana.offset(ms);
    if (days.size >= REMEMBERED_DAYS) days.clear();
    days.set(day, start);
    return start;
  };
}
