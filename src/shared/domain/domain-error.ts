import { Message, type MessageParams } from '../i18n/message.js';
import type { MessageKey } from '../i18n/messages/index.js';

/**
 * Errors the business can name. Each carries a stable code and the facts its sentence
 * names (a holder's name, a status…); the sentence itself, `error.<code>` in the
 * catalogues, is rendered where it is shown, in the reader's language. The interface
 * layer maps the category to an HTTP status in one place
 * (`shared/interface/http/domain-error.mapping.ts`).
 */
export type DomainErrorCategory =
  | 'not-found' // the thing asked for does not exist (404)
  | 'not-allowed' // this person may not do this (403)
  | 'conflict' // the state moved on, or somebody else acted first (409)
  | 'gone' // it existed and was removed on purpose, for good (410): a purged document
  | 'rule-violated'; // the request is well-formed but a business rule refuses it (422)

/** Every code with a sentence in the catalogues (`error.request.not-assignee` → `request.not-assignee`). */
export type DomainErrorCode = MessageKey extends infer Key
  ? Key extends `error.${infer Code}`
    ? Code
    : never
  : never;

export abstract class DomainError extends Error {
  abstract readonly category: DomainErrorCategory;
  /** Stable machine-readable code, e.g. `request.not-assignee`. */
  abstract readonly code: DomainErrorCode;

  constructor(readonly params: MessageParams = {}) {
    // A refusal in words, not a fault: no stack trace is taken (a workspace page asks the
    // aggregate about every action, and each refusal is one of these).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super();
    Error.stackTraceLimit = stackTraceLimit;
    this.name = new.target.name;
    // Logs and tests see the code: the words depend on who reads them.
    Object.defineProperty(this, 'message', { get: () => this.code, configurable: true });
  }

  /** The refusal as a sentence, to render in the reader's language. */
  get sentence(): Message {
    return new Message(`error.${this.code}`, this.params);
  }
}
