import { DomainError } from '../../shared/domain/domain-error.js';
import { msg, type Message } from '../../shared/i18n/message.js';

export class InvalidExportRequestError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'export.invalid-request';
  /** `problems`: what is wrong with the form, each in words (`exports.problem.*`), named one after another. */
  constructor(readonly problems: readonly Message[]) {
    super({
      problems: problems.reduce((before, next) => msg('exports.problem.then', { before, next })),
    });
  }
}

export class ExportNotFoundError extends DomainError {
  readonly category = 'not-found';
  readonly code = 'export.not-found';
  constructor(id: string) {
    super({ id });
  }
}

export class ExportNotReadyError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'export.not-ready';
  /** A failed export has no file to offer; a queued or running one has none yet. */
  constructor(status: string) {
    super({ status });
  }
}

export class ExportRemovedError extends DomainError {
  readonly category = 'not-found';
  readonly code = 'export.removed';
}

export class InvalidExportTransitionError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'export.invalid-transition';
  constructor(status: string, change: 'start' | 'complete' | 'remove') {
    super({ status, change });
  }
}

export class ExportFileMissingError extends DomainError {
  readonly category = 'not-found';
  readonly code = 'export.file-missing';
}

/** An export made before exports were signed (or whose statement was not kept) has no statement. */
export class ExportStatementMissingError extends DomainError {
  readonly category = 'not-found';
  readonly code = 'export.statement-missing';
}
