/**
 * Every action the desk records in its audit trail, in one registry, grouped as
 * the trail's Action filter groups them. `AUDIT_LOG.record` and the domain events
 * accept only these names, so an action that is not registered here does not
 * compile; the trail's wording (src/audit/application/audit-event-wording.ts)
 * must give each one a sentence, or that does not compile either.
 *
 * Names are dotted verbs in the past tense: `request.approved`, `staff.signed_in`.
 */
export const AUDIT_ACTIONS = {
  requests: [
    'request.submitted',
    'request.claimed',
    'request.released',
    'request.reassigned',
    'request.checks_recorded',
    'request.approved',
    'request.second_approval_given',
    'request.returned_for_review',
    'request.rejected',
    'request.information_requested',
    'request.resubmitted',
    'request.note_added',
    'request.withdrawn',
    'request.expired',
    'request.flagged',
    'request.sla_at_risk',
    'request.sla_breached',
    'request.deadline_rescheduled',
    'request.reply_deadline_rescheduled',
  ],
  documents: [
    'document.viewed',
    'document.purged',
    'document.orphans_removed',
    'document.keys_rewrapped',
    'document.legacy_encrypted',
  ],
  registry: ['registry.subject_registered', 'registry.account_email_replaced', 'registry.imported'],
  staff: [
    'staff.signed_in',
    'staff.signed_out',
    'staff.sign_in_failed',
    'staff.sign_in_throttled',
    'staff.created',
    'staff.deactivated',
    'staff.reactivated',
    'staff.role_changed',
    'staff.password_reset_issued',
    'staff.password_set',
    'staff.password_changed',
    'staff.other_sessions_ended',
    'staff.lockout_cleared',
  ],
  calendar: ['calendar.year_added', 'calendar.year_changed'],
  exports: [
    'export.requested',
    'export.completed',
    'export.failed',
    'export.downloaded',
    'export.checksum_downloaded',
    'export.removed',
    'export.statement_downloaded',
  ],
  mail: ['mail.resent'],
  trail: ['audit.verified', 'audit.keyed_links_started', 'audit.strays_quarantined'],
} as const;

export type AuditActionGroup = keyof typeof AUDIT_ACTIONS;
/** One action the trail can record, e.g. `'request.approved'`. */
export type AuditAction = (typeof AUDIT_ACTIONS)[AuditActionGroup][number];
/** The actions of one group, e.g. `AuditActionOf<'requests'>`. */
export type AuditActionOf<G extends AuditActionGroup> = (typeof AUDIT_ACTIONS)[G][number];

export const AUDIT_ACTION_GROUPS = Object.keys(AUDIT_ACTIONS) as AuditActionGroup[];

/** Every action, in the registry's order. */
export const ALL_AUDIT_ACTIONS: readonly AuditAction[] = AUDIT_ACTION_GROUPS.flatMap(
  (group) => AUDIT_ACTIONS[group] as readonly AuditAction[],
);

const KNOWN = new Set<string>(ALL_AUDIT_ACTIONS);
export const isAuditAction = (value: string): value is AuditAction => KNOWN.has(value);

/** The group an action belongs to. */
export function auditActionGroup(action: AuditAction): AuditActionGroup {
  return AUDIT_ACTION_GROUPS.find((group) =>
    (AUDIT_ACTIONS[group] as readonly string[]).includes(action),
  )!;
}
