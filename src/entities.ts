import { DataExportEntity } from './audit/infrastructure/typeorm/data-export.entity.js';
import { StaffMemberEntity } from './identity/infrastructure/typeorm/staff-member.entity.js';

/** Every TypeORM entity of every context (the schema itself is owned by migrations/). */
export const ENTITIES = [StaffMemberEntity, DataExportEntity];
