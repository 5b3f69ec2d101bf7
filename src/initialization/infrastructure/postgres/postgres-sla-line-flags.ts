import { Injectable } from '@nestjs/common';
import { TypeormUnitOfWork } from '../../../shared/infrastructure/database/typeorm-unit-of-work.js';
import type {
  SlaLine,
  SlaLineCrossing,
} from '../../application/commands/flag-sla-line/flag-sla-line.command.js';
import type { SlaLineFlags } from '../../application/ports/sla-line-flags.js';

const CLOCK_RUNNING = `('PENDING_REVIEW', 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL')`;

type FlagColumn = 'at_risk_flagged_at' | 'breached_flagged_at';
type DueColumn = 'at_risk_at' | 'due_at';

const COLUMNS: Record<SlaLine, { flag: FlagColumn; due: DueColumn }> = {
  AT_RISK: { flag: 'at_risk_flagged_at', due: 'at_risk_at' },
  BREACHED: { flag: 'breached_flagged_at', due: 'due_at' },
};

/**
 * The statement of one batch ($1 now, $2 the batch size); exported so bench:sla
 * explains exactly what the watch runs.
 */
export function flagStatement(flagColumn: FlagColumn, dueColumn: DueColumn): string {
  return `UPDATE initialization_requests AS request SET ${flagColumn} = $1
       FROM (
         SELECT id FROM initialization_requests
         WHERE ${dueColumn} <= $1 AND ${flagColumn} IS NULL AND status IN ${CLOCK_RUNNING}
         ORDER BY ${dueColumn}
         LIMIT $2
         FOR UPDATE SKIP LOCKED
       ) AS due
       WHERE request.id = due.id
       RETURNING request.id, request.reference, request.subject_id, request.assignee_id, request.assignee_name, request.due_at`;
}

interface Row {
  id: string;
  reference: string;
  subject_id: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  due_at: Date;
}

/**
 * One statement per batch: pick due rows through the partial index, skip rows
 * another transaction holds (a reviewer deciding, another instance flagging),
 * flag them, and return them. Run concurrently, every row is flagged once.
 */
@Injectable()
export class PostgresSlaLineFlags implements SlaLineFlags {
  constructor(private readonly unitOfWork: TypeormUnitOfWork) {}

  async flag(line: SlaLine, now: Date, limit: number): Promise<SlaLineCrossing[]> {
    const { flag, due } = COLUMNS[line];
    const result: [Row[], number] = await this.unitOfWork
      .manager()
      .query(flagStatement(flag, due), [now, limit]);
    return result[0].map((row) => ({
      id: row.id,
      reference: row.reference,
      subjectId: row.subject_id,
      assigneeId: row.assignee_id,
      assigneeName: row.assignee_name,
      dueAt: row.due_at,
    }));
  }

  async overdueApplicantReplies(now: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.unitOfWork.manager().query(
      `SELECT id FROM initialization_requests
       WHERE status = 'AWAITING_APPLICANT' AND expires_at <= $1
       ORDER BY expires_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.id);
  }
}
