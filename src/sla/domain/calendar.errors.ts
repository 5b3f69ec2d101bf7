import type { ArrangementEntry, ArrangementProblem } from '@lib/business-calendar';
import { DomainError } from '../../shared/domain/domain-error.js';
import { msg, type Message } from '../../shared/i18n/message.js';
import type { NoticeReach } from './notice-reach.js';

/** Everything wrong with a year's arrangement, said at once, one sentence each. */
export class InvalidCalendarError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'calendar.invalid';
  constructor(readonly problems: readonly Message[]) {
    super({ problems: oneAfterAnother(problems) });
  }
}

/**
 * The calendar moved on while an administrator looked at the changes an edit would make
 * (somebody else saved an arrangement): they look again before it is saved.
 */
export class CalendarChangedMeanwhileError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'calendar.changed-meanwhile';
  constructor() {
    super({});
  }
}

/** A problem the calendar library found (`arrangementProblems`), as a sentence. */
export function arrangementProblem(problem: ArrangementProblem): Message {
  const entry = 'entry' in problem ? entryOf(problem.entry) : undefined;
  return msg(`sla.calendar.problem.${problem.code}`, {
    ...problem,
    year: String(problem.year),
    entry,
  });
}

/** A day the year's notice may not list: outside the year and late December before it. */
export function outsideReachProblem(
  entry: ArrangementEntry,
  day: string,
  reach: NoticeReach,
): Message {
  return msg('sla.calendar.problem.outsideReach', {
    year: String(reach.year),
    entry: entryOf(entry),
    day,
    from: reach.from,
    to: reach.to,
  });
}

const entryOf = (entry: ArrangementEntry): Message =>
  msg(`sla.calendar.problem.entry.${entry.kind}`, { name: entry.name });

/** Sentences one after another: "A. B." · "甲。乙。". */
function oneAfterAnother(sentences: readonly Message[]): Message | undefined {
  return sentences.reduceRight<Message | undefined>(
    (more, problem) => (more ? msg('sla.calendar.problemAndMore', { problem, more }) : problem),
    undefined,
  );
}
