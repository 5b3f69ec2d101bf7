import { z } from 'zod';
import {
  formText,
  parseForm,
  type FormProblemWords,
} from '../../../shared/interface/http/form-schema.js';
import type { ExportRequestInput } from '../../domain/data-export-request.js';

/**
 * The exports page's form (`POST /exports`), as the input of RequestExportCommand (see
 * shared/interface/http/form-schema.ts). The schema reads the shape the page sends; which
 * datasets, formats, dates and filters are valid stays `readExportRequest`'s to say, every
 * problem in words, as before.
 */
export const EXPORT_REQUEST_FORM = z.object({
  dataset: formText,
  format: formText,
  from: formText,
  to: formText,
  actor: formText,
  action: formText,
  requestReference: formText,
  subject: formText,
  status: formText,
  subjectType: formText,
});

const WORDS: FormProblemWords = {
  dataset: 'exports.formProblem.dataset',
  format: 'exports.formProblem.format',
  from: 'exports.formProblem.range',
  to: 'exports.formProblem.range',
  actor: 'exports.formProblem.filter',
  action: 'exports.formProblem.filter',
  requestReference: 'exports.formProblem.filter',
  subject: 'exports.formProblem.filter',
  status: 'exports.formProblem.filter',
  subjectType: 'exports.formProblem.filter',
};

/** The form as the export's request, or a 400 in words naming every field that is malformed. */
export function parseExportRequestForm(body: unknown): ExportRequestInput {
  return parseForm(EXPORT_REQUEST_FORM, body, WORDS);
}
