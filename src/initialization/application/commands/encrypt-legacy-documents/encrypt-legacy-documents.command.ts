import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';

/** What `documents:encrypt-legacy` did. */
export interface LegacyEncryptionReport {
  encrypted: number;
  /** Files in the clear removed, once no document needed them any more. */
  plaintextRemoved: number;
  /** Documents whose file in the clear was not found (left as they are). */
  missing: string[];
}

/** Encrypts the documents stored in the clear before encryption (`documents:encrypt-legacy`). */
export class EncryptLegacyDocumentsCommand extends Command<LegacyEncryptionReport> {
  constructor(readonly actor: Actor) {
    super();
  }
}
