import { beforeEach } from '@jest/globals';
import { InMemoryDomainEventRecorder } from '../../../shared/infrastructure/in-memory/in-memory-domain-event-recorder.js';
import { InMemoryUnitOfWork } from '../../../shared/infrastructure/in-memory/in-memory-unit-of-work.js';
import {
  initializationRequestRepositoryContract,
  type RequestStore,
} from '../../../../test/contracts/initialization-request-repository.contract.js';
import { InMemoryInitializationRequestRepository } from './in-memory-initialization-request.repository.js';

// The same contract runs against the TypeORM repository on PostgreSQL
// (test/e2e/initialization-request-repository.e2e-spec.ts): the fake cannot drift.
let store: RequestStore;
beforeEach(() => {
  const unitOfWork = new InMemoryUnitOfWork();
  const requests = new InMemoryInitializationRequestRepository({ unitOfWork });
  store = {
    requests,
    notes: requests.notes,
    unitOfWork,
    events: new InMemoryDomainEventRecorder(unitOfWork),
  };
});

initializationRequestRepositoryContract('in memory', () => store);
