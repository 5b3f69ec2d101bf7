import { Controller, Get, Header } from '@nestjs/common';
import { Translator } from '../../../shared/i18n/translator.js';
import { Public } from '../../../shared/interface/http/access.decorators.js';
import { intakeOpenApiDocument } from './intake-openapi.js';

/** The intake API's OpenAPI document (JSON), for the public filing system's developers. */
@Controller('api')
@Public()
export class OpenApiController {
  private readonly openApi: Record<string, unknown>;

  constructor(translator: Translator) {
    // Built once, in English: the document is for developers, whatever their browser says.
    this.openApi = intakeOpenApiDocument(translator.words('en'));
  }

  @Get(['docs', 'openapi.json'])
  @Header('Cache-Control', 'no-cache')
  document(): Record<string, unknown> {
    return this.openApi;
  }
}
