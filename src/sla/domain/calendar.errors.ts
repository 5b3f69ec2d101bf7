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

/**
 * A problem the calendar library found (`validateArrangements`), as it words it.
 * The library speaks English only: its sentences are shown as written until it
 * names its problems by code.
 */
export function arrangementProblem(sentence: string): Message {
  return msg('sla.calendar.problem.asChecked', { sentence });
}

/** Sentences one after another: "A. B." · "甲。乙。". */
function oneAfterAnother(sentences: readonly Message[]): Message | undefined {
  return sentences.reduceRight<Message | undefined>(
    (more, problem) => (more ? msg('sla.calendar.problemAndMore', { problem, more }) : problem),
    undefined,
  );
}
