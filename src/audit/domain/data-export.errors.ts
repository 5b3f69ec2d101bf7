import { DomainError } from '../../shared/domain/domain-error.js';

export class InvalidExportRequestError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'export.invalid-request';
  constructor(readonly problems: string[]) {
    super(`The export cannot be started: ${problems.join('; ')}.`);
  }
}

export class ExportNotFoundError extends DomainError {
  readonly category = 'not-found';
  readonly code = 'export.not-found';
  constructor(id: string) {
    super(`There is no export ${id}.`);
  }
}

export class ExportNotReadyError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'export.not-ready';
  constructor(status: string) {
    super(
      status === 'FAILED'
        ? 'This export failed, so there is no file to download. Start a new export.'
        : 'This export is not finished yet; download it once it is complete.',
    );
  }
}

export class ExportRemovedError extends DomainError {
  readonly category = 'not-found';
  readonly code = 'export.removed';
  constructor() {
    super("This export's file was removed after the retention period. Start a new export.");
  }
}

export class InvalidExportTransitionError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'export.invalid-transition';
  constructor(status: string, verb: string) {
    super(`An export that is ${status.toLowerCase()} cannot be ${verb}.`);
  }
}

export class ExportFileMissingError extends DomainError {
  readonly category = 'not-found';
  readonly code = 'export.file-missing';
  constructor() {
    super("This export's file is no longer in the export folder. Start a new export.");
  }
}
