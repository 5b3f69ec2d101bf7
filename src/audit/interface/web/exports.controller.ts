import { pipeline } from 'node:stream/promises';
import { Body, Controller, Get, Inject, Param, Post, Render, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CLOCK, type Clock } from '../../../shared/application/clock.js';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { ClientIp, CurrentActor, Roles } from '../../../shared/interface/http/access.decorators.js';
import { UUID_PARAM } from '../../../shared/interface/http/uuid-param.pipe.js';
import { msg } from '../../../shared/i18n/message.js';
import { pageLocale } from '../../../shared/interface/http/request-locale.js';
import { flash } from '../../../shared/interface/web/session.js';
import { DownloadExportCommand } from '../../application/commands/download-export/download-export.command.js';
import { DownloadExportChecksumCommand } from '../../application/commands/download-export-checksum/download-export-checksum.command.js';
import { DownloadExportStatementCommand } from '../../application/commands/download-export-statement/download-export-statement.command.js';
import { RequestExportCommand } from '../../application/commands/request-export/request-export.command.js';
import { ListExportsQuery } from '../../application/queries/list-exports/list-exports.query.js';
import { parseExportRequestForm } from './export-request-form.js';
import { presentExports } from './exports.presenter.js';

/** `attachment` with the file's name, for any browser (RFC 6266 and RFC 5987). */
const attachment = (fileName: string): string =>
  `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** Exports for auditors: ask for one, watch it run, download it. */
@Controller('exports')
@Roles('AUDITOR')
export class ExportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Render('pages/exports/index')
  async list(): Promise<object> {
    const exports = await this.queries.execute(new ListExportsQuery());
    return presentExports(exports, {
      now: this.clock.now(),
      zone: this.config.TZ_BUSINESS,
      retentionDays: this.config.EXPORT_RETENTION_DAYS,
    });
  }

  @Post()
  async create(
    @Body() body: unknown,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    // The file speaks the language the auditor reads the desk in.
    const locale = pageLocale(request, this.config.DEFAULT_LOCALE);
    const form = parseExportRequestForm(body);
    const { id } = await this.commands.execute(new RequestExportCommand(actor, form, locale, ip));
    flash(request, 'success', msg('exports.queued'));
    response.redirect(303, `/exports#export-${id}`);
  }

  @Get(':id/download')
  async download(
    @Param('id', UUID_PARAM) id: string,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.commands.execute(new DownloadExportCommand(actor, id, ip));
    response.status(200);
    response.setHeader('Content-Type', file.mediaType);
    response.setHeader('Content-Length', String(file.sizeBytes));
    response.setHeader('Content-Disposition', attachment(file.fileName));
    response.setHeader(
      'Repr-Digest',
      `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`,
    );
    response.setHeader('Cache-Control', 'no-store');
    await pipeline(file.stream, response);
  }

  /**
   * The file's SHA-256 as `<file name>.sha256` (`<hex>  <file name>`), to run
   * `sha256sum -c` beside the downloaded file; the same refusals as the download.
   */
  @Get(':id/download.sha256')
  async downloadChecksum(
    @Param('id', UUID_PARAM) id: string,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Res() response: Response,
  ): Promise<void> {
    const checksum = await this.commands.execute(new DownloadExportChecksumCommand(actor, id, ip));
    response.status(200);
    response.setHeader('Content-Type', 'text/plain; charset=utf-8');
    response.setHeader('Content-Disposition', attachment(checksum.fileName));
    response.setHeader('Content-Length', String(Buffer.byteLength(checksum.content)));
    response.setHeader('Cache-Control', 'no-store');
    response.end(checksum.content);
  }

  /**
   * The export's signed statement as `<file name>.statement.json`, to check the file with
   * no database (`npm run cli -- audit:verify-export`); the same refusals as the download.
   */
  @Get(':id/download.statement.json')
  async downloadStatement(
    @Param('id', UUID_PARAM) id: string,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Res() response: Response,
  ): Promise<void> {
    const statement = await this.commands.execute(
      new DownloadExportStatementCommand(actor, id, ip),
    );
    response.status(200);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Disposition', attachment(statement.fileName));
    response.setHeader('Content-Length', String(Buffer.byteLength(statement.content)));
    response.setHeader('Cache-Control', 'no-store');
    response.end(statement.content);
  }
}
