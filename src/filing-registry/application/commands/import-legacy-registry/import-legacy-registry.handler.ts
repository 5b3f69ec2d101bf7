import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { ID_GENERATOR, type IdGenerator } from '../../../../shared/application/id-generator.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { FilingSubject } from '../../../domain/filing-subject.js';
import {
  columnOf,
  parseLegacyRegistryRow,
  type LegacyRegistryRow,
} from '../../../domain/legacy-registry-row.js';
import type { SubjectDetails } from '../../../domain/subject-details.js';
import {
  FILING_SUBJECT_REPOSITORY,
  type FilingSubjectRepository,
} from '../../ports/filing-subject.repository.js';
import {
  ImportLegacyRegistryCommand,
  type LegacyRegistryImportSummary,
  type LegacyRegistryRejection,
} from './import-legacy-registry.command.js';

const DEFAULT_BATCH_SIZE = 500;

interface AcceptedRow {
  line: number;
  row: LegacyRegistryRow;
}

/**
 * What the file has said so far, to hold it to its word: the first accepted
 * row of each subject, each website, and which subject each account was given
 * to. Keys and a few short strings per subject: far smaller than the file.
 */
interface FileState {
  subjects: Map<string, { line: number; details: SubjectDetails; applied: boolean }>;
  websites: Map<string, { line: number; domain: string }>;
  accounts: Map<string, { line: number; subjectFilingNumber: string }>;
}

@CommandHandler(ImportLegacyRegistryCommand)
export class ImportLegacyRegistryHandler implements ICommandHandler<ImportLegacyRegistryCommand> {
  constructor(
    @Inject(FILING_SUBJECT_REPOSITORY) private readonly subjects: FilingSubjectRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute(command: ImportLegacyRegistryCommand): Promise<LegacyRegistryImportSummary> {
    const { actor, fileName, sha256, records, onRejected } = command.input;
    const batchSize = command.input.batchSize ?? DEFAULT_BATCH_SIZE;
    const summary: LegacyRegistryImportSummary = {
      rows: 0,
      rowsAccepted: 0,
      rowsRejected: 0,
      subjects: { created: 0, updated: 0, unchanged: 0 },
      websites: { created: 0, updated: 0, unchanged: 0 },
      changed: false,
    };
    const state: FileState = { subjects: new Map(), websites: new Map(), accounts: new Map() };
    // Rejections wait for the batch they fall in, so the report comes out in line order.
    let rejections: LegacyRegistryRejection[] = [];
    const reject = (line: number, problems: Omit<LegacyRegistryRejection, 'line'>[]) => {
      summary.rowsRejected += 1;
      for (const problem of problems) rejections.push({ line, ...problem });
    };
    let batch: AcceptedRow[] = [];
    let rowsInBatch = 0;
    const flush = async () => {
      if (batch.length > 0) await this.writeBatch(batch, state, summary, reject);
      rejections.sort((a, b) => a.line - b.line);
      for (const rejection of rejections) await onRejected(rejection);
      batch = [];
      rejections = [];
      rowsInBatch = 0;
    };

    for await (const record of records) {
      summary.rows += 1;
      rowsInBatch += 1;
      if (record.problem) {
        reject(record.line, [{ field: 'row', reason: record.problem }]);
      } else {
        const parsed = parseLegacyRegistryRow(record.values, this.clock.now());
        if (!parsed.ok) {
          reject(
            record.line,
            parsed.problems.map((problem) => ({ field: problem.column, reason: problem.reason })),
          );
        } else {
          const disagreement = this.holdToItsWord(state, record.line, parsed.row);
          if (disagreement) reject(record.line, [disagreement]);
          else batch.push({ line: record.line, row: parsed.row });
        }
      }
      if (rowsInBatch >= batchSize) await flush();
    }
    await flush();

    summary.changed =
      summary.subjects.created +
        summary.subjects.updated +
        summary.websites.created +
        summary.websites.updated >
      0;
    await this.unitOfWork.run(async () => {
      this.audit.record({
        actor,
        action: 'registry.imported',
        details: {
          fileName,
          sha256,
          rows: summary.rows,
          rowsAccepted: summary.rowsAccepted,
          rowsRejected: summary.rowsRejected,
          subjectsCreated: summary.subjects.created,
          subjectsUpdated: summary.subjects.updated,
          subjectsUnchanged: summary.subjects.unchanged,
          websitesCreated: summary.websites.created,
          websitesUpdated: summary.websites.updated,
          websitesUnchanged: summary.websites.unchanged,
          changed: summary.changed,
        },
      });
    });
    return summary;
  }

  /** A subject repeated across rows must agree with itself; a website and an account appear once. */
  private holdToItsWord(
    state: FileState,
    line: number,
    row: LegacyRegistryRow,
  ): Omit<LegacyRegistryRejection, 'line'> | null {
    const subjectNumber = row.subject.filingNumber;
    const first = state.subjects.get(subjectNumber);
    if (first) {
      const [field] = row.subject.differencesFrom(first.details);
      if (field) {
        return {
          field: columnOf(field),
          reason: `The subject ${subjectNumber} has a different ${columnOf(field)} on line ${first.line}; its rows must agree.`,
        };
      }
    }
    const account = row.subject.aliyunAccountId;
    const claim = account === null ? undefined : state.accounts.get(account);
    if (account !== null && claim && claim.subjectFilingNumber !== subjectNumber) {
      return {
        field: 'aliyun_account_id',
        reason: `The Alibaba Cloud account ${account} is given to ${claim.subjectFilingNumber} on line ${claim.line}; one account holds one subject.`,
      };
    }
    if (row.website) {
      const seen = state.websites.get(row.website.filingNumber);
      if (seen) {
        return {
          field: 'website_filing_number',
          reason:
            seen.domain === row.website.domain
              ? `The website ${row.website.filingNumber} is already on line ${seen.line}.`
              : `The website ${row.website.filingNumber} has the domain ${seen.domain} on line ${seen.line}.`,
        };
      }
      state.websites.set(row.website.filingNumber, { line, domain: row.website.domain });
    }
    if (!first) state.subjects.set(subjectNumber, { line, details: row.subject, applied: false });
    if (account !== null && !claim) {
      state.accounts.set(account, { line, subjectFilingNumber: subjectNumber });
    }
    return null;
  }

  /** One transaction: load the batch's subjects at once, apply each row, write what changed. */
  private async writeBatch(
    batch: AcceptedRow[],
    state: FileState,
    summary: LegacyRegistryImportSummary,
    reject: (line: number, problems: Omit<LegacyRegistryRejection, 'line'>[]) => void,
  ): Promise<void> {
    const rejections: [number, Omit<LegacyRegistryRejection, 'line'>][] = [];
    await this.unitOfWork.run(async () => {
      const now = this.clock.now();
      const numbers = [...new Set(batch.map(({ row }) => row.subject.filingNumber))];
      const known = await this.subjects.findByFilingNumbers(numbers);
      const accounts = [...new Set(batch.flatMap(({ row }) => row.subject.aliyunAccountId ?? []))];
      const holders = await this.subjects.findAccountHolders(accounts);
      const touched = new Map<string, FilingSubject>();

      for (const { line, row } of batch) {
        const number = row.subject.filingNumber;
        const entry = state.subjects.get(number)!;
        let subject = touched.get(number) ?? known.get(number);
        if (!entry.applied) {
          const account = row.subject.aliyunAccountId;
          const binds = subject ? subject.wouldBindFromLegacyRecord(account) : account !== null;
          const holder = account === null ? undefined : holders.get(account);
          if (binds && account !== null && holder !== undefined && holder !== number) {
            rejections.push([
              line,
              {
                field: 'aliyun_account_id',
                reason: `The Alibaba Cloud account ${account} already holds the filing subject ${holder} in the registry; one account holds one subject.`,
              },
            ]);
            continue;
          }
          if (subject) {
            summary.subjects[subject.applyLegacyRecord(row.subject, now)] += 1;
          } else {
            subject = FilingSubject.register({ id: this.ids.newId(), details: row.subject, now });
            summary.subjects.created += 1;
          }
          if (account !== null && binds) holders.set(account, number);
          entry.applied = true;
        }
        if (!subject) throw new Error(`subject ${number} was applied but is not loaded`);
        if (row.website) summary.websites[subject.recordWebsite(row.website, now)] += 1;
        touched.set(number, subject);
        summary.rowsAccepted += 1;
      }
      await this.subjects.saveAll([...touched.values()].filter((s) => s.hasPendingChanges()));
    });
    for (const [line, problem] of rejections) reject(line, [problem]);
  }
}
