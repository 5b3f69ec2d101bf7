import type { ArrangementProblem } from '@lib/business-calendar';
import { DomainError } from '../../shared/domain/domain-error.js';
import { msg, type Message } from '../../shared/i18n/message.js';

/** Everything wrong with a year's arrangement, said at once, one sentence each. */
export class InvalidCalendarError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'calendar.invalid';
  constructor(readonly problems: readonly Message[]) {
    super({ problems: oneAfterAnother(problems) });
  }
}

/** A problem the calendar library found (`arrangementProblems`), as a sentence. */
export function arrangementProblem(problem: ArrangementProblem): Message {
  const entry =
    'entry' in problem
      ? msg(`sla.calendar.problem.entry.${problem.entry.kind}`, { name: problem.entry.name })
      : undefined;
  return msg(`sla.calendar.problem.${problem.code}`, {
    ...problem,
    year: String(problem.year),
    entry,
  });
}

/** Sentences one after another: "A. B." · "甲。乙。". */
function oneAfterAnother(sentences: readonly Message[]): Message | undefined {
  return sentences.reduceRight<Message | undefined>(
    (more, problem) => (more ? msg('sla.calendar.problemAndMore', { problem, more }) : problem),
    undefined,
  );
}
