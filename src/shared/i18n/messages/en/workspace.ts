/** The workspace area's words in English (ICU MessageFormat; the zh-CN file mirrors every key). */
export const workspace = {
  'workspace.pageTitle': '{reference}',

  // The head: facts and the claim.
  'workspace.head.received': 'Received',
  'workspace.head.due': 'Due',
  'workspace.head.heldBy': 'Held by',
  'workspace.head.heldByNobody': 'Held by nobody',
  'workspace.fourEyes':
    'Approval needs a second approval by another senior reviewer ({why, select, organization {an organization} riskFlags {risk flags} both {an organization with risk flags} other {}}).',

  // The buttons (and the headings of their forms).
  'workspace.action.claim': 'Claim',
  'workspace.action.release': 'Release',
  'workspace.action.approve': 'Approve',
  'workspace.action.reject': 'Reject',
  'workspace.action.requestInformation': 'Request information',
  'workspace.action.secondApproval': 'Second approval',
  'workspace.action.return': 'Return',
  'workspace.action.reassign': 'Reassign',
  'workspace.action.recordChecks': 'Record checks',

  // Personal data.
  'workspace.personalData.masked': 'Personal data is masked.',
  'workspace.personalData.maskedDecided':
    'ID and phone numbers are masked: this request is decided.',
  'workspace.personalData.maskedHeld':
    'ID and phone numbers are masked: {holder} holds this request.',
  'workspace.anotherReviewer': 'another reviewer',
  'workspace.anotherReviewerCapitalized': 'Another reviewer',

  // The application beside the registry.
  'workspace.compare.title': 'Application and registry',
  'workspace.compare.differences': '{count, plural, one {# difference} other {# differences}}',
  'workspace.compare.caption':
    'The application side by side with the registry record; differences are highlighted',
  'workspace.compare.field': 'Field',
  'workspace.compare.application': 'Application',
  'workspace.compare.registry': 'Registry',
  'workspace.compare.differs': 'differs',
  'workspace.compare.websites': 'Websites in the registry:',
  'workspace.compare.registryMissing': 'No filing subject {filingNumber} is in the registry.',
  'workspace.compare.subjectName': 'Subject name',
  'workspace.compare.credentialNumber': 'Credential number',
  'workspace.compare.subjectType': 'Subject type',
  'workspace.compare.filingNumber': 'Filing number',
  'workspace.compare.accountEmail': 'Account email',
  'workspace.compare.aliyunAccount': 'Alibaba Cloud account',
  'workspace.compare.newEmail': '(new)',
  'workspace.compare.notBound': 'not bound',
  'workspace.compare.namesDiffer': 'The names differ.',
  'workspace.compare.credentialsDiffer': 'The credential numbers differ.',
  'workspace.compare.oldOrganizationCode':
    'The registry holds the older organization code contained in this credit code: the same organization.',
  'workspace.compare.typesDiffer': 'The subject types differ.',
  'workspace.compare.websiteNumber': 'The application names one of the subject’s websites or apps.',
  'workspace.compare.emailReplaced': 'Approval replaces {from} with {to}.',
  'workspace.compare.emailSet': 'Approval sets the account email to {to}.',
  'workspace.compare.accountHoldsOther':
    'This account already holds another filing subject: {name} ({filingNumber}).',
  'workspace.compare.boundElsewhere':
    'The subject is bound to a different Alibaba Cloud account now; approval binds it to this one.',

  // The applicant.
  'workspace.applicant.title': 'Applicant',
  'workspace.applicant.name': 'Name',
  'workspace.applicant.idNumber': 'ID number',
  'workspace.applicant.role': 'Role',
  'workspace.applicant.phone': 'Phone',
  'workspace.applicant.newAccountEmail': 'New account email',
  'workspace.applicant.aliyunAccount': 'Alibaba Cloud account',
  'workspace.applicant.sentBy': 'Sent by',

  // The documents and their checks.
  'workspace.documents.title': 'Documents',
  'workspace.documents.progress': '{passed} of {required} required documents passed their checks.',
  'workspace.documents.none': 'This request has no documents.',
  'workspace.documents.required': 'Required',
  'workspace.documents.imageAlt': '{kind} of {reference}',
  'workspace.documents.openFullSize': 'Open full size',
  'workspace.documents.orClickToZoom': 'or click the image to zoom',
  'workspace.documents.uploaded': 'uploaded',
  'workspace.documents.uploadedAs': 'as',
  'workspace.documents.pdfLabel': '{kind} (PDF)',
  'workspace.documents.pdfNotShown': 'The PDF cannot be shown here.',
  'workspace.documents.openPdf': 'Open the PDF',
  'workspace.documents.pdfNotShownEnd': '.',
  'workspace.checks.notChecked': 'Not checked yet',
  'workspace.checks.passed': 'Passed all four checks ({name})',
  'workspace.checks.failed': 'Failed: {failures} ({name})',
  'workspace.checks.failures': '{earlier}, {next}',
  'workspace.checks.notLegible': 'not legible',
  'workspace.checks.notAuthentic': 'not authentic',
  'workspace.checks.notValid': 'not valid',
  'workspace.checks.doesNotMatch': 'does not match the application',
  'workspace.checks.legend': 'Checks of the {kind}',
  'workspace.checks.legible': 'Legible',
  'workspace.checks.authentic': 'Authentic',
  'workspace.checks.valid': 'Valid, not expired',
  'workspace.checks.matchesApplication': 'Matches the application',
  'workspace.checks.note': 'Note',
  'workspace.checks.recordOf': 'of the {kind}',
  'workspace.checks.checkedBy': 'Checked by {name}',
  'workspace.checks.none': 'No checks recorded.',
  'workspace.quoted': ': “{text}”',

  // Risk flags.
  'workspace.flags.title': 'Risk flags',
  'workspace.flags.none': 'No risk flags.',

  // The decision panel.
  'workspace.decision.title': 'Decision',
  'workspace.decision.by': 'by {name},',
  'workspace.decision.approvalBy': '{label}: {name},',
  'workspace.decision.firstApproval': 'First approval',
  'workspace.decision.secondApproval': 'Second approval',
  'workspace.decision.sentBackBy': 'Sent back by {name}',
  'workspace.information.askedBy': '{name} asked the applicant',
  'workspace.information.expires': '; the request expires',
  'workspace.information.withoutAnswer': 'without an answer',
  'workspace.information.end': '.',
  'workspace.information.documents': 'Documents:',
  'workspace.information.documentSeparator': ';',
  'workspace.information.fields': 'Fields:',

  // What the viewer can (not) do here.
  'workspace.forms.auditor': 'You are signed in as an auditor: this page is read-only.',
  'workspace.forms.claimFirst': 'Claim the request to record checks and decide.',
  'workspace.forms.heldByOther':
    '{holder} holds this request: only they can record checks and decide.',
  'workspace.forms.heldByOtherReassign':
    '{holder} holds this request: only they can record checks and decide; you can reassign it.',
  'workspace.forms.decided': 'This request is {status}; nothing more can be decided.',
  'workspace.forms.awaitingSecondApproval': 'Waiting for a second approval by a senior reviewer.',
  'workspace.forms.awaitingApplicant':
    'Waiting for the applicant to answer the request for information.',
  'workspace.undecided': 'Not decided yet: {status}.',
  'workspace.statusInSentence.PENDING_REVIEW': 'pending review',
  'workspace.statusInSentence.IN_REVIEW': 'in review',
  'workspace.statusInSentence.AWAITING_SECOND_APPROVAL': 'awaiting second approval',
  'workspace.statusInSentence.AWAITING_APPLICANT': 'awaiting applicant',
  'workspace.statusInSentence.APPROVED': 'approved',
  'workspace.statusInSentence.REJECTED': 'rejected',
  'workspace.statusInSentence.EXPIRED': 'expired',
  'workspace.statusInSentence.WITHDRAWN': 'withdrawn',

  // The forms.
  'workspace.approve.thenSecondApproval':
    'It then waits for a second approval by another senior reviewer.',
  'workspace.approve.final': 'This is final: the account email is replaced at once.',
  'workspace.secondApproval.final': 'Final: the account email is replaced at once.',
  'workspace.return.title': 'Return to the reviewer',
  'workspace.return.note': 'What should the reviewer look at again?',
  'workspace.reject.reasons': 'Reasons',
  'workspace.form.messageToApplicant': 'Message to the applicant',
  'workspace.requestInformation.documents': 'Documents to send again',
  'workspace.requestInformation.fields': 'Fields to correct',
  'workspace.reassign.to': 'Hand the request to',
  'workspace.reassign.candidate': '{name}',

  // The timeline.
  'workspace.timeline.title': 'Timeline',
  'workspace.timeline.details': 'Details',
  'workspace.timeline.olderViews':
    'Older document views are not listed here; every other event is.',
  'workspace.timeline.empty': 'Nothing recorded yet.',
  'workspace.timeline.openInAudit': 'Open in the audit trail',
  'workspace.ago.justNow': 'just now',
  'workspace.ago.inTheFuture': 'in the future',
  'workspace.ago.minutes': '{count, plural, one {# minute ago} other {# minutes ago}}',
  'workspace.ago.hours': '{count, plural, one {# hour ago} other {# hours ago}}',
  'workspace.ago.days': '{count, plural, one {# day ago} other {# days ago}}',
  'workspace.ago.months': '{count, plural, one {# month ago} other {# months ago}}',
  'workspace.ago.years': '{count, plural, one {# year ago} other {# years ago}}',

  // Internal notes: for the staff only, never sent to the applicant.
  'workspace.notes.title': 'Internal notes',
  'workspace.notes.internal':
    'For the staff only: never sent to the applicant, and never changed once added.',
  'workspace.notes.none': 'No notes yet.',
  'workspace.notes.label': 'Add a note',
  'workspace.notes.limit': '(up to {max, number} characters)',
  'workspace.notes.add': 'Add note',
  'workspace.notes.added': 'Note added. Only the staff can read it.',
  'error.request.note-not-allowed':
    'Only reviewers and senior reviewers can add notes; auditors read them.',
  'error.request.note-empty': 'The note is empty: write what the staff should know.',
  'error.request.note-too-long':
    'A note can be at most {max, number} characters; this one has {length, number}.',
  'error.request.note-unreadable':
    'The note contains control characters or broken text that cannot be stored; remove them and try again.',

  // The comparison view (the ID card beside the half-length photo) and the risk flags' links.
  'workspace.compareView.pageTitle': '{reference}: ID card and photo',
  'workspace.compareView.title': 'ID card beside the half-length photo',
  'workspace.compareView.intro':
    'Zoom and rotate each image to compare the faces; only the view changes, never the stored file.',
  'workspace.compareView.keys': 'Keys on a focused image:',
  'workspace.compareView.keys.zoom': 'zoom,',
  'workspace.compareView.keys.rotate': 'rotate,',
  'workspace.compareView.keys.reset': 'reset.',
  'workspace.compareView.backToWorkspace': 'Back to the workspace',
  'workspace.compareView.link': 'Compare the ID card with the photo',
  'workspace.compareView.toolbar': 'View ({kind})',
  'workspace.compareView.zoomOut': 'Zoom out',
  'workspace.compareView.zoomOutOf': 'Zoom out ({kind})',
  'workspace.compareView.zoomIn': 'Zoom in',
  'workspace.compareView.zoomInOf': 'Zoom in ({kind})',
  'workspace.compareView.rotateLeft': 'Rotate left',
  'workspace.compareView.rotateLeftOf': 'Rotate 90° to the left ({kind})',
  'workspace.compareView.rotateRight': 'Rotate right',
  'workspace.compareView.rotateRightOf': 'Rotate 90° to the right ({kind})',
  'workspace.compareView.reset': 'Reset',
  'workspace.compareView.resetOf': 'Reset the view ({kind})',
  'workspace.compareView.zoom': 'Zoom',
  'workspace.compareView.rotation': 'rotated',
  'workspace.compareView.stage': '{kind}: scroll to move around a zoomed image',
  'workspace.compareView.imageAlt': '{kind} of {reference}',
  'workspace.compareView.notAnImage': 'This document is not an image.',
  'workspace.compareView.openFile': 'Open the file',
  'workspace.compareView.uploaded': 'uploaded',
  'workspace.compareView.missing': 'The request holds no {kind}.',
  'workspace.flagLink.DOCUMENT_REUSED': 'The same file is in:',
  'workspace.flagLink.DUPLICATE_OPEN_REQUEST':
    '{count, plural, one {The other open request:} other {The other open requests:}}',
  'workspace.flagLink.DUPLICATE_OPEN_REQUEST.noneOpen':
    'No other request for the subject is open now; its requests:',
  'workspace.flagLink.ACCOUNT_HOLDS_OTHER_SUBJECT': 'The subject the account holds:',
  'workspace.flagLink.SUBJECT_MISMATCH': 'The registry record:',
  'workspace.flagLink.more': 'and more',

  // Corrections that come back, and document versions (issue 15, A2).
  'workspace.requestInformation.fieldsNote':
    'The subject type, the filing number and the applicant’s role cannot be corrected: they need a new application.',
  'workspace.corrections.title': 'Corrected by the applicant',
  'workspace.corrections.answered': 'Answer received',
  'workspace.corrections.caption':
    'The fields the applicant corrected, with the value before and after',
  'workspace.corrections.field': 'Field',
  'workspace.corrections.was': 'Was',
  'workspace.corrections.now': 'Now',
  'workspace.corrections.unchanged': 'Sent again unchanged:',
  'workspace.corrections.documents': 'New versions sent:',
  'workspace.corrections.flagsRaised': 'Risk flags raised:',
  'workspace.corrections.flagsCleared': 'Risk flags cleared:',
  'workspace.corrections.flagsSame':
    'The risk assessment ran again: the risk flags did not change.',
  'workspace.versions.replaces': 'replaces the version of {at, date, medium}',
  'workspace.versions.versionOf': 'Version of {at, date, medium}',
  'workspace.versions.earlier':
    '{count, plural, one {The earlier version} other {The # earlier versions}}',
  'workspace.versions.replacedAt': 'replaced',
  'workspace.versions.open': 'Open this version',
  'workspace.versions.imageAlt': '{kind} of {reference}, version of {at, date, medium}',
  'workspace.versions.checks': 'Checks recorded on this version:',
  'workspace.versions.newNeedsChecks': 'This new version needs its own checks.',
  // Issue 17 (H-C): documents purged after the retention period.
  'workspace.documents.purged': 'Purged on {at, date, medium}',
  'workspace.documents.purgedWhy':
    'The file was removed when its retention period after the request ended was over. Its record, its checks and its SHA-256 fingerprint stay.',
  'workspace.compareView.purged':
    'The {kind} was purged on {at, date, medium}: the file is no longer kept.',
};
