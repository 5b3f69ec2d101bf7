import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../../../shared/interface/http/access.decorators.js';
import { intakeOpenApiDocument } from './intake-openapi.js';

const DOCUMENT = intakeOpenApiDocument();

/** The intake API's OpenAPI document (JSON), for the public filing system's developers. */
@Controller('api')
@Public()
export class OpenApiController {
  @Get(['docs', 'openapi.json'])
  @Header('Cache-Control', 'no-cache')
  document(): Record<string, unknown> {
    return DOCUMENT;
  }
}
