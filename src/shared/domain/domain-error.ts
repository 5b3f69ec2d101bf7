/**
 * Errors the business can name. Each carries a sentence a reviewer understands;
 * the interface layer maps the category to an HTTP status and a page message in
 * one place (`shared/interface/http/domain-error.mapping.ts`).
 */
export type DomainErrorCategory =
  | 'not-found' // the thing asked for does not exist (404)
  | 'not-allowed' // this person may not do this (403)
  | 'conflict' // the state moved on, or somebody else acted first (409)
  | 'rule-violated'; // the request is well-formed but a business rule refuses it (422)

export abstract class DomainError extends Error {
  abstract readonly category: DomainErrorCategory;
  /** Stable machine-readable code, e.g. `request.not-assignee`. */
  abstract readonly code: string;

  constructor(message: string) {
    // A refusal in words, not a fault: no stack trace is taken (a workspace page asks the
    // aggregate about every action, and each refusal is one of these).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = new.target.name;
  }
}
