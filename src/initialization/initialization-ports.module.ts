import { Module } from '@nestjs/common';
import { HELD_WORK } from '../identity/contracts/held-work.js';
import { SUBJECT_REQUESTS } from '../filing-registry/contracts/subject-requests.js';
import { HeldWorkForIdentity } from './infrastructure/identity/held-work-for-identity.js';
import { SubjectRequestsForRegistry } from './infrastructure/registry/subject-requests-for-registry.js';

/**
 * What this context provides to the ports of contexts it depends on (they may not depend
 * on it): identity's `HELD_WORK` and the filing registry's `SUBJECT_REQUESTS`. The adapters
 * use only this context's published commands and queries; the composition root hands this
 * module to `IdentityModule.register` and `FilingRegistryModule.register`.
 */
@Module({
  providers: [
    { provide: HELD_WORK, useClass: HeldWorkForIdentity },
    { provide: SUBJECT_REQUESTS, useClass: SubjectRequestsForRegistry },
  ],
  exports: [HELD_WORK, SUBJECT_REQUESTS],
})
export class InitializationPortsModule {}
