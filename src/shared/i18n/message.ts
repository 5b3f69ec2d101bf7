import type { MessageKey } from './messages/index.js';

/** A value a message may name: text, a number, an instant, or another message (rendered first). */
export type MessageParam = string | number | Date | Message | readonly Message[] | null | undefined;
export type MessageParams = Readonly<Record<string, MessageParam>>;

/**
 * Words to show somebody, not yet in any language: a catalogue key and its parameters.
 * Queries, domain refusals and flashes hand these on; the page, the mail or the export
 * renders them in its reader's locale (`Words.text`).
 */
export class Message {
  constructor(
    readonly key: MessageKey,
    readonly params?: MessageParams,
  ) {}

  /** The key, so a message that slipped past the translator is visible, not "[object Object]". */
  toString(): string {
    return this.key;
  }
}

export function msg(key: MessageKey, params?: MessageParams): Message {
  return new Message(key, params);
}

/**
 * One message per code of a vocabulary, made once: `messagesOf('request.status',
 * REQUEST_STATUSES).IN_REVIEW` is `request.status.IN_REVIEW`. Pages that show a label
 * per row take these instead of building the key again for every row (a key built anew
 * is hashed anew on every lookup).
 */
export function messagesOf<const Prefix extends string, const Code extends string>(
  prefix: Prefix,
  codes: readonly Code[] & (`${Prefix}.${Code}` extends MessageKey ? unknown : never),
): Readonly<Record<Code, Message>> {
  return Object.fromEntries(
    codes.map((code) => [code, new Message(`${prefix}.${code}` as MessageKey)]),
  ) as Record<Code, Message>;
}
