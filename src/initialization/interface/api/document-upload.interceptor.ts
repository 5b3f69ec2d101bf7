import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
} from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { msg } from '../../../shared/i18n/message.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { ApiProblem, type FieldProblem } from '../../../shared/interface/http/problem-details.js';
import { DOCUMENT_KINDS } from '../../domain/document-kind.js';
import { fieldProblem } from './intake-problem-codes.js';
import { safeOriginalName } from './intake-submission.parser.js';

const MulterDocumentFields = FileFieldsInterceptor(
  DOCUMENT_KINDS.map((name) => ({ name, maxCount: 1 })),
);

/** The one form field that is not a file: the `request` JSON. */
const TEXT_FIELDS: readonly string[] = ['request'];

const TOO_MANY_PARTS = new Set(['LIMIT_PART_COUNT', 'LIMIT_FILE_COUNT', 'LIMIT_FIELD_COUNT']);
const FIELD_TOO_LONG = new Set(['LIMIT_FIELD_KEY', 'LIMIT_FIELD_VALUE']);

/**
 * Reads the multipart body (one file per document kind, within the multer limits of
 * InitializationModule), and answers what multer refuses as the API's coded problems:
 * a document over MAX_FILE_BYTES is 413 `file.too-large` naming its field and file, a
 * body that is not multipart/form-data 415 `request.unsupported-content-type`, anything
 * else 400, e.g. a file in a field that is no document kind. A text field other than
 * `request` is refused too (400 `field.unknown`), rather than silently dropped.
 */
@Injectable()
export class DocumentUploadInterceptor extends MulterDocumentFields {
  @Inject(APP_CONFIG) private readonly config!: AppConfig;

  override async intercept(
    context: ExecutionContext,
    next: CallHandler,
  ): Promise<Observable<unknown>> {
    let handled: Observable<unknown>;
    try {
      handled = await super.intercept(context, next);
    } catch (error) {
      throw error instanceof HttpException ? this.problemOf(error) : error;
    }
    const request = context.switchToHttp().getRequest<Request>();
    const unknown = textFieldProblems(request.body as unknown);
    if (unknown.length > 0) throw ApiProblem.invalid(unknown);
    return handled;
  }

  private problemOf(error: HttpException): Error {
    const cause = (error.cause ?? {}) as { code?: unknown; field?: unknown; filename?: unknown };
    const field = typeof cause.field === 'string' && cause.field ? cause.field : null;
    switch (error.getStatus() as HttpStatus) {
      case HttpStatus.PAYLOAD_TOO_LARGE: {
        const max = String(this.config.MAX_FILE_BYTES);
        const filename =
          typeof cause.filename === 'string' && cause.filename
            ? safeOriginalName(cause.filename)
            : null;
        return new ApiProblem(
          HttpStatus.PAYLOAD_TOO_LARGE,
          'too-large',
          'file.too-large',
          msg('api.problem.fileTooLarge.title'),
          msg('api.problem.fileTooLarge.detail', { max }),
          field
            ? [
                fieldProblem(
                  field,
                  'file.too-large',
                  filename
                    ? msg('api.file.tooLargeNamed', { field, filename, max })
                    : msg('api.file.tooLarge', { field, max }),
                ),
              ]
            : undefined,
        );
      }
      case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
        return new ApiProblem(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          'unsupported-media-type',
          'request.unsupported-content-type',
          msg('api.problem.unsupportedContentType.title'),
          msg('api.problem.unsupportedContentType.detail'),
        );
      case HttpStatus.BAD_REQUEST:
        return ApiProblem.invalid([multipartProblem(cause.code, field ?? 'multipart')]);
      default:
        return error;
    }
  }
}

/**
 * The text fields besides `request`: a document kind sent as text instead of a file
 * (`field.invalid-type`), or a field the submission does not have (`field.unknown`).
 */
function textFieldProblems(body: unknown): FieldProblem[] {
  if (body === null || typeof body !== 'object') return [];
  return Object.keys(body)
    .filter((field) => !TEXT_FIELDS.includes(field))
    .map((field) =>
      (DOCUMENT_KINDS as readonly string[]).includes(field)
        ? fieldProblem(
            field,
            'field.invalid-type',
            msg('api.field.invalidType', { field, expected: 'file' }),
          )
        : fieldProblem(field, 'field.unknown', msg('api.field.unknown', { field })),
    );
}

/** What multer (by its error code) or busboy refused in the multipart body. */
function multipartProblem(multerCode: unknown, field: string): FieldProblem {
  const code = typeof multerCode === 'string' ? multerCode : '';
  if (code === 'LIMIT_UNEXPECTED_FILE')
    return fieldProblem(
      field,
      'file.unexpected-field',
      msg('api.file.unexpectedField', { field, kinds: DOCUMENT_KINDS.join(', ') }),
    );
  if (TOO_MANY_PARTS.has(code))
    return fieldProblem(field, 'multipart.too-many-parts', msg('api.multipart.tooManyParts'));
  if (FIELD_TOO_LONG.has(code))
    return fieldProblem(
      field,
      'multipart.field-too-long',
      msg('api.multipart.fieldTooLong', { field }),
    );
  return fieldProblem(field, 'multipart.malformed', msg('api.multipart.malformed'));
}
