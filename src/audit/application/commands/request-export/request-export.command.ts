import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';
import type { ExportRequestInput } from '../../../domain/export-filters.js';

/** An auditor asks for a file: what (dataset), which (range and filters), how (CSV or Excel). */
export class RequestExportCommand extends Command<{ id: string }> {
  constructor(
    readonly actor: Actor,
    readonly input: ExportRequestInput,
    readonly ip: string | null = null,
  ) {
    super();
  }
}
