import { StaffMemberEntity } from './identity/infrastructure/typeorm/staff-member.entity.js';
import { MailSinkEntity } from './notifications/infrastructure/typeorm/mail-sink.entity.js';
import { OutboxMessageEntity } from './notifications/infrastructure/typeorm/outbox-message.entity.js';

/** Every TypeORM entity of every context (the schema itself is owned by migrations/). */
export const ENTITIES = [StaffMemberEntity, OutboxMessageEntity, MailSinkEntity];
