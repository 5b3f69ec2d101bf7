import { daysOfBlock, type YearArrangement } from '@lib/business-calendar';

/** How an arrangement lists a day (the kinds the calendar stores). */
export type ListedKind = 'DAY_OFF' | 'MAKE_UP_WORKDAY';

export interface ListedDay {
  readonly day: string;
  readonly kind: ListedKind;
  /** The holiday it belongs to, as the arrangement names it. */
  readonly name: string;
}

/** A day listed before and after, differently (another kind, or another holiday's name). */
export interface ChangedDay extends ListedDay {
  readonly previousKind: ListedKind;
  readonly previousName: string;
}

/** What saving an arrangement does to the days it lists, each list in date order. */
export interface DayChanges {
  /** Days the stored arrangement did not list (an ordinary working day or weekend until now). */
  readonly added: readonly ListedDay[];
  /** Days it listed that the new one does not (back to an ordinary working day or weekend). */
  readonly removed: readonly ListedDay[];
  readonly changed: readonly ChangedDay[];
}

/** The days an arrangement lists, by date. */
export function listedDays(arrangement: YearArrangement | null): Map<string, ListedDay> {
  const listed = new Map<string, ListedDay>();
  for (const block of arrangement?.daysOff ?? [])
    for (const day of daysOfBlock(block))
      listed.set(day, { day, kind: 'DAY_OFF', name: block.name });
  for (const { date, name } of arrangement?.makeUpWorkdays ?? [])
    listed.set(date, { day: date, kind: 'MAKE_UP_WORKDAY', name });
  return listed;
}

/** The days that change when `after` replaces `before` (null: the year had no arrangement). */
export function dayChanges(before: YearArrangement | null, after: YearArrangement): DayChanges {
  const old = listedDays(before);
  const now = listedDays(after);
  const added: ListedDay[] = [];
  const removed: ListedDay[] = [];
  const changed: ChangedDay[] = [];
  for (const day of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const was = old.get(day);
    const is = now.get(day);
    if (!was && is) added.push(is);
    else if (was && !is) removed.push(was);
    else if (was && is && (was.kind !== is.kind || was.name !== is.name))
      changed.push({ ...is, previousKind: was.kind, previousName: was.name });
  }
  return { added, removed, changed };
}

/** Every changed day, in date order. */
export function changedDays(changes: DayChanges): string[] {
  return [...changes.added, ...changes.removed, ...changes.changed].map(({ day }) => day).sort();
}
