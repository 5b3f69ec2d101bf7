import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { ID_GENERATOR, type IdGenerator } from '../../../../shared/application/id-generator.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { Translator } from '../../../../shared/i18n/translator.js';
import { DataExport } from '../../../domain/data-export.js';
import { InvalidExportRequestError } from '../../../domain/data-export.errors.js';
import { readExportRequest } from '../../../domain/data-export-request.js';
import {
  DATA_EXPORT_REPOSITORY,
  type DataExportRepository,
} from '../../ports/data-export.repository.js';
import { EXPORT_QUEUE, type ExportQueue } from '../../ports/export-queue.js';
import { RequestExportCommand } from './request-export.command.js';

@CommandHandler(RequestExportCommand)
export class RequestExportHandler implements ICommandHandler<RequestExportCommand> {
  private readonly logger = new Logger(RequestExportHandler.name);

  constructor(
    @Inject(DATA_EXPORT_REPOSITORY) private readonly exports: DataExportRepository,
    @Inject(EXPORT_QUEUE) private readonly queue: ExportQueue,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly translator: Translator,
  ) {}

  async execute(command: RequestExportCommand): Promise<{ id: string }> {
    const read = readExportRequest(command.input);
    if (!read.ok) throw new InvalidExportRequestError(read.problems);
    const { actor } = command;
    return this.unitOfWork.run(async () => {
      const dataExport = DataExport.request({
        id: this.ids.newId(),
        ...read.value,
        locale: command.locale,
        requestedById: actor.kind === 'STAFF' ? actor.id : null,
        requestedByName: actor.name,
        now: this.clock.now(),
      });
      await this.exports.save(dataExport);
      this.audit.record({
        actor,
        action: 'export.requested',
        details: {
          exportId: dataExport.id,
          dataset: dataExport.dataset,
          format: dataExport.format,
          filters: dataExport.filters,
          locale: dataExport.locale,
          // As its requester read it (the trail keeps what was asked, in their words).
          description: this.translator.words(dataExport.locale).text(dataExport.describe()),
        },
        ip: command.ip,
      });
      // Queued once the record exists, without making the auditor wait on Redis;
      // a job that could not be queued is queued again by the stalled-export sweep.
      this.unitOfWork.afterCommit(() => {
        void this.queue.enqueue(dataExport.id).catch((error: unknown) => {
          this.logger.warn({ err: error, exportId: dataExport.id }, 'an export was not queued');
        });
      });
      return { id: dataExport.id };
    });
  }
}
