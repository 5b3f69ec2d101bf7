import { HttpStatus } from '@nestjs/common';
import { msg, type Message } from '../../i18n/message.js';

/** One invalid field of an API request, in words still to be rendered in the caller's language. */
export interface FieldProblem {
  /** JSON-pointer-like path: `request.applicant.idNumber`, `ID_FRONT`. */
  field: string;
  /** Stable machine-readable code: `field.required`, `id-number.checksum`… */
  code: string;
  message: Message;
}

/** RFC 9457 problem details, with the invalid fields listed under `errors`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: { field: string; code: string; message: string }[];
}

export const PROBLEM_TYPE_BASE = 'https://beian-desk.invalid/problems/';

/**
 * Thrown by the API's input validation with every problem found, so a caller
 * fixes all of them in one round.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly slug: string,
    /** Stable machine-readable code of the whole problem. */
    readonly code: string,
    readonly title: Message,
    readonly detail?: Message,
    readonly errors?: FieldProblem[],
  ) {
    super(code);
    this.name = 'ApiProblem';
  }

  static invalid(errors: FieldProblem[]): ApiProblem {
    return new ApiProblem(
      HttpStatus.BAD_REQUEST,
      'validation',
      'request.invalid',
      msg('api.problem.invalid.title'),
      msg('api.problem.invalid.detail', { count: errors.length }),
      errors,
    );
  }
}
