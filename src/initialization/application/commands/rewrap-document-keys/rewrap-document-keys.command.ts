import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';

/** Re-wraps every document's data key under the current master key (`documents:rewrap-keys`). */
export class RewrapDocumentKeysCommand extends Command<{ rewrapped: number; keyId: string }> {
  constructor(readonly actor: Actor) {
    super();
  }
}
