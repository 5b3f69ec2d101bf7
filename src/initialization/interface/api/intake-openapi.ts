import { z } from 'zod';
import type { Words } from '../../../shared/i18n/translator.js';
import { CORRECTABLE_FIELDS } from '../../domain/correctable-field.js';
import { DOCUMENT_KINDS } from '../../domain/document-kind.js';
import { REJECT_REASONS } from '../../domain/reject-reason.js';
import { REQUEST_STATUSES } from '../../domain/request-status.js';
import { RISK_FLAGS } from '../../domain/risk-flag.js';
import { SUBJECT_TYPES } from '../../domain/subject-type.js';
import { SLA_STATES } from '../../contracts/sla-state.js';
import { correctionRequestSchema } from './correction-request.schema.js';
import { FIELD_PROBLEM_CODES, PROBLEM_CODES } from './intake-problem-codes.js';
import { intakeRequestSchema } from './intake-request.schema.js';

/** Response shapes, as zod schemas so the document and the tests share one definition. */
export const requestSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string().regex(/^INIT-\d{4}-\d{6,}$/),
  status: z.enum(REQUEST_STATUSES),
  receivedAt: z.iso.datetime({ offset: true }),
  dueAt: z.iso.datetime({ offset: true }).nullable(),
  riskFlags: z.array(z.enum(RISK_FLAGS)),
});

export const requestStatusSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  externalId: z.string(),
  subjectType: z.enum(SUBJECT_TYPES),
  status: z.enum(REQUEST_STATUSES),
  receivedAt: z.iso.datetime({ offset: true }),
  dueAt: z.iso.datetime({ offset: true }).nullable(),
  slaState: z.enum(SLA_STATES).nullable(),
  businessMinutesRemaining: z.number().int().nullable(),
  decision: z
    .object({
      outcome: z.enum(['APPROVED', 'REJECTED', 'EXPIRED', 'WITHDRAWN']),
      decidedAt: z.iso.datetime({ offset: true }),
      reasons: z.array(z.enum(REJECT_REASONS)),
      message: z.string().nullable(),
    })
    .nullable(),
  informationRequest: z
    .object({
      documents: z
        .array(z.enum(DOCUMENT_KINDS))
        .describe('The document kinds to send again, each as a new version.'),
      fields: z
        .array(z.enum(CORRECTABLE_FIELDS))
        .describe(
          "The fields to correct, named as the intake JSON names them; send each corrected value in the resubmission's `request`.",
        ),
      message: z.string().describe("The reviewer's reason, for the applicant."),
      requestedAt: z.iso.datetime({ offset: true }),
      expiresAt: z.iso
        .datetime({ offset: true })
        .nullable()
        .describe(
          'The reply deadline: unanswered by then, the request expires. Null once answered.',
        ),
    })
    .nullable()
    .describe(
      'The last request for information (null if none): while `status` is AWAITING_APPLICANT, what the resubmission must answer.',
    ),
});

export const withdrawalSchema = z.object({ id: z.uuid(), status: z.literal('WITHDRAWN') });

export const resubmissionSchema = z.object({
  id: z.uuid(),
  status: z.enum(REQUEST_STATUSES),
  dueAt: z.iso.datetime({ offset: true }).nullable(),
});

const CODE = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

export const problemSchema = z.object({
  type: z.string(),
  title: z.string().describe('In the language of `Accept-Language` (English by default).'),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z
    .string()
    .regex(CODE)
    .describe('Stable machine-readable code of the problem, the same in every language.'),
  errors: z
    .array(
      z.object({
        field: z.string().describe('The field, as a path: `applicant.idNumber`, `ID_FRONT`.'),
        code: z
          .string()
          .regex(CODE)
          .describe('Stable machine-readable code of the rule the field breaks.'),
        message: z.string().describe('In the language of `Accept-Language`.'),
      }),
    )
    .optional(),
});

const json = (schema: z.ZodType): Record<string, unknown> => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'output',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
};

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const codeList = (codes: Record<string, string>): string =>
  Object.entries(codes)
    .map(([code, description]) => `- \`${code}\`: ${description}`)
    .join('\n');

const PROBLEMS_DESCRIPTION = [
  'Errors are `application/problem+json` (RFC 9457) with a stable `code`; a 400 lists every invalid field under `errors`, each with its `field`, `code` and `message`. Branch on codes, not on words: `title`, `detail` and `message` are in English unless `Accept-Language` asks for Chinese (`zh-CN`, or any `zh*`), the codes are the same in both.',
  '',
  'Problem codes:',
  codeList(PROBLEM_CODES),
  "- A refusal of the review desk (404, 409) carries the desk's own code, e.g. `request.invalid-transition`, `request.resubmission-not-expected`.",
  '- Any other HTTP refusal: `http.<status>`; an unexpected failure: `server.failed` (500).',
  '',
  'Codes of the entries of `errors`:',
  codeList(FIELD_PROBLEM_CODES),
].join('\n');

/**
 * The OpenAPI 3.1 document of the intake API, built from the schemas the API validates
 * with; its descriptions are English (`words`: the English catalogue, for the document labels).
 */
export function intakeOpenApiDocument(words: Words): Record<string, unknown> {
  const documentFields = Object.fromEntries(
    DOCUMENT_KINDS.map((kind) => [
      kind,
      {
        type: 'string',
        format: 'binary',
        description: `${words.t(`request.document.${kind}`)} (JPEG, PNG or PDF)`,
      },
    ]),
  );
  const idParameter = {
    name: 'id',
    in: 'path',
    required: true,
    schema: { type: 'string', format: 'uuid' },
  };
  const languageParameter = {
    name: 'Accept-Language',
    in: 'header',
    required: false,
    description:
      'The language of the words of a problem (`title`, `detail`, `errors[].message`): `zh-CN` (or any `zh*`) for Simplified Chinese, else English. Codes do not change.',
    schema: { type: 'string', examples: ['zh-CN', 'en'] },
  };
  const common = {
    '401': problem(
      'Missing (`token.missing`) or invalid (`token.invalid`) bearer token; nothing is stored.',
    ),
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'beian-desk intake API',
      version: '1.0.0',
      description: `How the public filing system hands ICP Filing Account Email Initialization requests to the review desk. Authenticate with \`Authorization: Bearer <token>\`.\n\n${PROBLEMS_DESCRIPTION}`,
    },
    servers: [{ url: '/' }],
    security: [{ intakeToken: [] }],
    paths: {
      '/api/v1/initialization-requests': {
        post: {
          operationId: 'submitInitializationRequest',
          summary: 'Submit a request with its documents',
          parameters: [languageParameter],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['request'],
                  properties: {
                    request: {
                      type: 'string',
                      contentMediaType: 'application/json',
                      contentSchema: { $ref: '#/components/schemas/IntakeRequest' },
                    },
                    ...documentFields,
                  },
                },
              },
            },
          },
          responses: {
            '201': {
              description: 'Stored.',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/RequestSummary' } },
              },
            },
            '200': {
              description:
                'This externalId was submitted before: the first result, nothing new stored.',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/RequestSummary' } },
              },
            },
            '400': problem(
              '`request.invalid`: `errors` lists every invalid field with its code. Nothing is stored.',
            ),
            ...common,
            '413': problem(
              'A file (`file.too-large`) or the whole submission (`request.too-large`) is too large. Nothing is stored.',
            ),
            '415': problem(
              'A document is not a JPEG, PNG or PDF by its content (`file.unsupported-type`), or the body is not multipart/form-data (`request.unsupported-content-type`). Nothing is stored.',
            ),
          },
        },
      },
      '/api/v1/initialization-requests/{id}': {
        get: {
          operationId: 'getInitializationRequest',
          summary: 'Status, deadline, decision and reasons',
          parameters: [idParameter, languageParameter],
          responses: {
            '200': {
              description: 'The request.',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/RequestStatus' } },
              },
            },
            ...common,
            '404': problem(
              'No such request for this client, or the id is not a UUID (`request.not-found`).',
            ),
          },
        },
      },
      '/api/v1/initialization-requests/{id}/withdrawal': {
        post: {
          operationId: 'withdrawInitializationRequest',
          summary: 'Withdraw a request that is not decided yet',
          parameters: [idParameter, languageParameter],
          responses: {
            '200': {
              description: 'Withdrawn.',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/Withdrawal' } },
              },
            },
            ...common,
            '404': problem(
              'No such request for this client, or the id is not a UUID (`request.not-found`).',
            ),
            '409': problem('The request is already decided.'),
          },
        },
      },
      '/api/v1/initialization-requests/{id}/resubmissions': {
        post: {
          operationId: 'resubmitDocuments',
          summary: 'Answer a request for information: new document versions and corrected fields',
          description: [
            'Answers the request for information shown by `GET /api/v1/initialization-requests/{id}` (`informationRequest`, while `status` is AWAITING_APPLICANT). Send exactly what the reviewer asked for, nothing else:',
            '',
            '- a new version of each document kind in `informationRequest.documents`, as a file in the form field of that kind;',
            '- a corrected value of each field in `informationRequest.fields`, in the form field `request`: JSON shaped like the intake\'s (`{"applicant":{"phone":"13911112222"}}`), each value checked with the intake\'s rules (a `credentialNumber` has the shape of the request\'s `subjectType`). Correctable: ' +
              CORRECTABLE_FIELDS.map((field) => `\`${field}\``).join(', ') +
              '. `subjectType`, `filingNumber` and `applicant.role` cannot be corrected (`field.not-correctable`): they need a new application. `request` may be left out when no field was asked for.',
            '',
            'A document or field not asked for is refused (`document.not-requested`, `field.not-requested`), and so is an answer missing one asked for (`document.required`, `field.required`); one 400 names every one of them. Accepted, the values are stored, the documents become the current versions (earlier versions and their checks are kept), the risk flags are assessed again, and the request returns to its reviewer with a new deadline.',
          ].join('\n'),
          parameters: [idParameter, languageParameter],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: {
                    request: {
                      type: 'string',
                      contentMediaType: 'application/json',
                      contentSchema: { $ref: '#/components/schemas/CorrectionRequest' },
                      description:
                        'The corrected values of the fields asked for (leave out when none were).',
                    },
                    ...documentFields,
                  },
                },
              },
            },
          },
          responses: {
            '200': {
              description: 'Back in review.',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/Resubmission' } },
              },
            },
            '400': problem(
              "`request.invalid`: `errors` names every document or field not asked for (`document.not-requested`, `field.not-requested`, `field.not-correctable`, `field.unknown`), asked for but missing (`document.required`, `field.required`), or invalid (the intake's codes); nothing is stored.",
            ),
            ...common,
            '404': problem(
              'No such request for this client, or the id is not a UUID (`request.not-found`).',
            ),
            '409': problem(
              'The request is not waiting for the applicant (`request.resubmission-not-expected`); nothing is stored.',
            ),
            '413': problem('Too large (`file.too-large`, `request.too-large`); nothing is stored.'),
            '415': problem(
              'A document is not a JPEG, PNG or PDF (`file.unsupported-type`); nothing is stored.',
            ),
          },
        },
      },
    },
    components: {
      securitySchemes: { intakeToken: { type: 'http', scheme: 'bearer' } },
      schemas: {
        IntakeRequest: json(intakeRequestSchema),
        CorrectionRequest: json(correctionRequestSchema),
        RequestSummary: json(requestSummarySchema),
        RequestStatus: json(requestStatusSchema),
        Withdrawal: json(withdrawalSchema),
        Resubmission: json(resubmissionSchema),
        Problem: json(problemSchema),
      },
    },
  };
}
