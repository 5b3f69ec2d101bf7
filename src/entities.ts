import { StaffMemberEntity } from './identity/infrastructure/typeorm/staff-member.entity.js';
import {
  DocumentCheckEntity,
  InitializationRequestEntity,
  RequestDocumentEntity,
} from './initialization/infrastructure/typeorm/initialization-request.entity.js';

/** Every TypeORM entity of every context (the schema itself is owned by migrations/). */
export const ENTITIES = [StaffMemberEntity, InitializationRequestEntity, RequestDocumentEntity, DocumentCheckEntity];
