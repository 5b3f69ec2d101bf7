import { HttpStatus } from '@nestjs/common';

/** One invalid field of an API request. */
export interface FieldProblem {
  /** JSON-pointer-like path: `request.applicant.idNumber`, `ID_FRONT`. */
  field: string;
  message: string;
}

/** RFC 9457 problem details, with the invalid fields listed under `errors`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: FieldProblem[];
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
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldProblem[],
  ) {
    super(detail ?? title);
    this.name = 'ApiProblem';
  }

  static invalid(errors: FieldProblem[]): ApiProblem {
    return new ApiProblem(
      HttpStatus.BAD_REQUEST,
      'validation',
      'The request is not valid',
      `${errors.length} field${errors.length === 1 ? ' is' : 's are'} invalid.`,
      errors,
    );
  }
}
