import { maskIdentifier, maskPhone } from '../../../../shared/domain/personal-data.js';
import { messagesOf, msg, type Message } from '../../../../shared/i18n/message.js';
import type { MessageKey } from '../../../../shared/i18n/messages/index.js';
import { CORRECTABLE_FIELDS, type CorrectableField } from '../../../domain/correctable-field.js';
import type {
  DocumentCheck,
  InitializationRequestProps,
  RequestDocument,
} from '../../../domain/initialization-request.js';
import type {
  CorrectionView,
  DocumentCheckView,
  DocumentVersionView,
  Tone,
} from './request-workspace.query.js';

/** The fields an applicant can correct, in words: "Applicant phone" · "申请人手机号码". */
export const FIELD_LABELS = messagesOf('request.field', CORRECTABLE_FIELDS);

/** Each check, and what its failure is called. */
const CHECK_FAILURES: ['legible' | 'authentic' | 'valid' | 'matchesApplication', MessageKey][] = [
  ['legible', 'workspace.checks.notLegible'],
  ['authentic', 'workspace.checks.notAuthentic'],
  ['valid', 'workspace.checks.notValid'],
  ['matchesApplication', 'workspace.checks.doesNotMatch'],
];

/** A document's checks as the page shows them: a summary, its tone, and the answers. */
export function checksOf(check: DocumentCheck | null): {
  checkSummary: Message;
  checkTone: Tone;
  check: DocumentCheckView | null;
} {
  if (!check)
    return { checkSummary: msg('workspace.checks.notChecked'), checkTone: 'neutral', check: null };
  const failures = CHECK_FAILURES.filter(([key]) => !check[key]).map(([, failure]) => msg(failure));
  return {
    checkSummary:
      failures.length === 0
        ? msg('workspace.checks.passed', { name: check.checkedByName })
        : msg('workspace.checks.failed', {
            // "not legible, not valid" · "不清晰、无效"
            failures: failures.reduce((earlier, next) =>
              msg('workspace.checks.failures', { earlier, next }),
            ),
            name: check.checkedByName,
          }),
    checkTone: failures.length === 0 ? 'ok' : 'bad',
    check: {
      legible: check.legible,
      authentic: check.authentic,
      valid: check.valid,
      matchesApplication: check.matchesApplication,
      note: check.note,
      checkedBy: check.checkedByName,
      checkedAt: check.checkedAt,
    },
  };
}

/**
 * The versions a current document replaced, newest first, each with the checks recorded
 * on it; and what the current one says of the version it replaced. A resubmission keeps
 * every earlier version of a kind, so all superseded documents of its kind are its own.
 */
/** Said where the file was, once the retention job removed it (null: stored). */
export function purgedOn(at: Date | null): Message | null {
  return at ? msg('workspace.documents.purged', { at }) : null;
}

export function versionsOf(
  p: Readonly<InitializationRequestProps>,
  document: RequestDocument,
  sizeOf: (bytes: number) => string,
): { replaces: Message | null; earlierVersions: DocumentVersionView[] } {
  const earlier = p.documents
    .filter((other) => other.kind === document.kind && other.supersededAt !== null)
    .sort(
      (a, b) =>
        b.supersededAt!.getTime() - a.supersededAt!.getTime() ||
        b.uploadedAt.getTime() - a.uploadedAt.getTime(),
    );
  const replaced = earlier.find((other) => other.id === document.replacesDocumentId) ?? earlier[0];
  return {
    replaces: replaced ? msg('workspace.versions.replaces', { at: replaced.uploadedAt }) : null,
    earlierVersions: earlier.map((version) => ({
      id: version.id,
      isImage: version.mediaType.startsWith('image/'),
      mediaType: version.mediaType,
      sizeLabel: sizeOf(version.sizeBytes),
      originalName: version.originalName,
      uploadedAt: version.uploadedAt,
      supersededAt: version.supersededAt!,
      purged: purgedOn(version.purgedAt),
      title: msg('workspace.versions.versionOf', { at: version.uploadedAt }),
      ...checksOf(p.checks.find((check) => check.documentId === version.id) ?? null),
    })),
  };
}

/**
 * A corrected value as the workspace shows it to this viewer: ID, credential and phone
 * numbers masked where the application's are (names, emails and accounts as they are).
 */
function shownValue(field: CorrectableField, value: string, mask: boolean): string {
  if (!mask) return value;
  switch (field) {
    case 'applicant.idNumber':
    case 'credentialNumber':
      return maskIdentifier(value);
    case 'applicant.phone':
      return maskPhone(value);
    default:
      return value;
  }
}

/** What each resubmission changed, newest first. */
export function correctionsOf(
  p: Readonly<InitializationRequestProps>,
  mask: boolean,
): CorrectionView[] {
  return [...p.corrections].reverse().map((correction, index) => {
    const changed = new Set(correction.changes.map((change) => change.field));
    return {
      at: correction.at,
      latest: index === 0,
      changes: correction.changes.map((change) => ({
        label: FIELD_LABELS[change.field],
        was: shownValue(change.field, change.was, mask),
        now: shownValue(change.field, change.now, mask),
      })),
      unchanged: correction.fields
        .filter((field) => !changed.has(field))
        .map((field) => FIELD_LABELS[field]),
      documents: correction.documents.map((kind) => msg(`request.document.${kind}`)),
      flagsRaised: correction.flagsRaised.map((flag) => msg(`request.riskFlag.${flag}`)),
      flagsCleared: correction.flagsCleared.map((flag) => msg(`request.riskFlag.${flag}`)),
    };
  });
}
