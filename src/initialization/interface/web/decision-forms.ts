import type { DocumentCheckInput } from '../../domain/initialization-request.js';

/** An urlencoded form as Express parses it (extended syntax: `checks[<id>][legible]=yes`). */
export type DecisionForm = Record<string, unknown>;

export function readText(form: DecisionForm, field: string): string {
  const value = form[field];
  return typeof value === 'string' ? value : '';
}

/** A checkbox group: absent, one value, or several. */
export function readList(form: DecisionForm, field: string): string[] {
  const value = form[field];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' && value ? [value] : [];
}

/** The version of the request the form was rendered with, if it says. */
export function readVersion(form: DecisionForm): number | undefined {
  const version = Number(readText(form, 'version'));
  return Number.isInteger(version) && version > 0 ? version : undefined;
}

const yes = (value: unknown): boolean => value === 'yes' || value === 'true' || value === 'on';

/** Every document's four answers and note; a missing answer counts as no. */
export function readChecks(form: DecisionForm): DocumentCheckInput[] {
  const checks = form.checks;
  if (!checks || typeof checks !== 'object') return [];
  // A document whose answers are not a set of fields (a hand-made body) is no check at all.
  return Object.entries(checks as Record<string, unknown>)
    .filter(
      (entry): entry is [string, Record<string, unknown>] =>
        Boolean(entry[1]) && typeof entry[1] === 'object',
    )
    .map(([documentId, answers]) => ({
      documentId,
      legible: yes(answers.legible),
      authentic: yes(answers.authentic),
      valid: yes(answers.valid),
      matchesApplication: yes(answers.matchesApplication),
      note: typeof answers.note === 'string' ? answers.note : '',
    }));
}
