import { afterAll, beforeAll } from '@jest/globals';
import { INITIALIZATION_REQUEST_REPOSITORY } from '../../src/initialization/application/ports/initialization-request.repository.js';
import { REQUEST_NOTES } from '../../src/initialization/application/ports/request-notes.js';
import { DOMAIN_EVENT_RECORDER } from '../../src/shared/application/domain-events.js';
import { UNIT_OF_WORK } from '../../src/shared/application/unit-of-work.js';
import {
  initializationRequestRepositoryContract,
  type RequestStore,
} from '../contracts/initialization-request-repository.contract.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The contract the in-memory repository of the handler unit tests is held to
// (src/initialization/infrastructure/in-memory/), here against the real adapters.
let t: TestApp;
let store: RequestStore;

beforeAll(async () => {
  t = await startTestApp();
  store = {
    requests: t.app.get(INITIALIZATION_REQUEST_REPOSITORY),
    notes: t.app.get(REQUEST_NOTES),
    unitOfWork: t.app.get(UNIT_OF_WORK),
    events: t.app.get(DOMAIN_EVENT_RECORDER),
  };
});

afterAll(async () => {
  await t?.close();
});

initializationRequestRepositoryContract('TypeORM on PostgreSQL', () => store);
