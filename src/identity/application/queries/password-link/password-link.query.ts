import { Query } from '@nestjs/cqrs';
import type { UnusableLinkReason } from '../../../domain/password.errors.js';

/** A set-password link as its page shows it: whose it is and until when it works, or why it does not. */
export type PasswordLinkView =
  | { usable: true; email: string; displayName: string; expiresAt: Date }
  | { usable: false; reason: UnusableLinkReason };

export class PasswordLinkQuery extends Query<PasswordLinkView> {
  constructor(readonly token: string) {
    super();
  }
}
