import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';

/**
 * Adds one subject (and its websites) to the registry, e.g. for the demo data
 * or a test. Audited as `registry.subject_registered`. Throws
 * InvalidSubjectDetailsError, FilingNumberTakenError or
 * AccountHoldsOtherSubjectError.
 */
export class RegisterFilingSubjectCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      actor: Actor;
      type: 'INDIVIDUAL' | 'ORGANIZATION';
      name: string;
      credentialNumber: string;
      /** The subject's own number, `浙ICP备12345678号`. */
      filingNumber: string;
      accountEmail: string;
      aliyunAccountId?: string | null;
      websites?: { filingNumber: string; domain: string }[];
      ip?: string | null;
    },
  ) {
    super();
  }
}
