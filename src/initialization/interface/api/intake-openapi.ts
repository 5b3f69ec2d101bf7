import { z } from 'zod';
import { DOCUMENT_KINDS, DOCUMENT_LABELS } from '../../domain/document-kind.js';
import { REJECT_REASONS } from '../../domain/reject-reason.js';
import { REQUEST_STATUSES } from '../../domain/request-status.js';
import { RISK_FLAGS } from '../../domain/risk-flag.js';
import { SLA_STATES } from '../../../sla/domain/sla-state.js';
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
      documents: z.array(z.enum(DOCUMENT_KINDS)),
      fields: z.array(z.string()),
      message: z.string(),
      requestedAt: z.iso.datetime({ offset: true }),
      expiresAt: z.iso.datetime({ offset: true }).nullable(),
    })
    .nullable(),
});

export const withdrawalSchema = z.object({ id: z.uuid(), status: z.literal('WITHDRAWN') });

export const resubmissionSchema = z.object({
  id: z.uuid(),
  status: z.enum(REQUEST_STATUSES),
  dueAt: z.iso.datetime({ offset: true }).nullable(),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
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

/** The OpenAPI 3.1 document of the intake API, built from the schemas the API validates with. */
export function intakeOpenApiDocument(): Record<string, unknown> {
  const documentFields = Object.fromEntries(
    DOCUMENT_KINDS.map((kind) => [
      kind,
      {
        type: 'string',
        format: 'binary',
        description: `${DOCUMENT_LABELS[kind]} (JPEG, PNG or PDF)`,
      },
    ]),
  );
  const idParameter = {
    name: 'id',
    in: 'path',
    required: true,
    schema: { type: 'string', format: 'uuid' },
  };
  const common = {
    '401': problem('Missing or invalid bearer token; nothing is stored.'),
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'beian-desk intake API',
      version: '1.0.0',
      description:
        'How the public filing system hands ICP Filing Account Email Initialization requests to the review desk. Authenticate with `Authorization: Bearer <token>`.',
    },
    servers: [{ url: '/' }],
    security: [{ intakeToken: [] }],
    paths: {
      '/api/v1/initialization-requests': {
        post: {
          operationId: 'submitInitializationRequest',
          summary: 'Submit a request with its documents',
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
            '400': problem('Invalid input; `errors` lists every invalid field. Nothing is stored.'),
            ...common,
            '413': problem('A file or the whole submission is too large. Nothing is stored.'),
            '415': problem(
              'A document is not a JPEG, PNG or PDF by its content. Nothing is stored.',
            ),
          },
        },
      },
      '/api/v1/initialization-requests/{id}': {
        get: {
          operationId: 'getInitializationRequest',
          summary: 'Status, deadline, decision and reasons',
          parameters: [idParameter],
          responses: {
            '200': {
              description: 'The request.',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/RequestStatus' } },
              },
            },
            '400': problem('The id is not a UUID.'),
            ...common,
            '404': problem('No such request for this client.'),
          },
        },
      },
      '/api/v1/initialization-requests/{id}/withdrawal': {
        post: {
          operationId: 'withdrawInitializationRequest',
          summary: 'Withdraw a request that is not decided yet',
          parameters: [idParameter],
          responses: {
            '200': {
              description: 'Withdrawn.',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/Withdrawal' } },
              },
            },
            '400': problem('The id is not a UUID.'),
            ...common,
            '404': problem('No such request for this client.'),
            '409': problem('The request is already decided.'),
          },
        },
      },
      '/api/v1/initialization-requests/{id}/resubmissions': {
        post: {
          operationId: 'resubmitDocuments',
          summary: 'Answer a request for information with replacement documents',
          description:
            'Send exactly the document kinds the reviewer asked for; the request returns to its reviewer with a new deadline.',
          parameters: [idParameter],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': { schema: { type: 'object', properties: documentFields } },
            },
          },
          responses: {
            '200': {
              description: 'Back in review.',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/Resubmission' } },
              },
            },
            '400': problem('No document, or an invalid one; nothing is stored.'),
            ...common,
            '404': problem('No such request for this client.'),
            '409': problem('The request is not waiting for the applicant.'),
            '413': problem('Too large; nothing is stored.'),
            '415': problem('A document is not a JPEG, PNG or PDF; nothing is stored.'),
            '422': problem('The documents do not match what the reviewer asked for.'),
          },
        },
      },
    },
    components: {
      securitySchemes: { intakeToken: { type: 'http', scheme: 'bearer' } },
      schemas: {
        IntakeRequest: json(intakeRequestSchema),
        RequestSummary: json(requestSummarySchema),
        RequestStatus: json(requestStatusSchema),
        Withdrawal: json(withdrawalSchema),
        Resubmission: json(resubmissionSchema),
        Problem: json(problemSchema),
      },
    },
  };
}
