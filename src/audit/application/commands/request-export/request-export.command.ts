import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';
import type { Locale } from '../../../../shared/i18n/locale.js';
import type { ExportRequestInput } from '../../../domain/data-export-request.js';

/**
 * An auditor asks for a file: what (dataset), which (range and filters), how (CSV or
 * Excel), and in which language (the one they read the desk in).
 */
export class RequestExportCommand extends Command<{ id: string }> {
  constructor(
    readonly actor: Actor,
    readonly input: ExportRequestInput,
    readonly locale: Locale,
    readonly ip: string | null = null,
  ) {
    super();
  }
}
