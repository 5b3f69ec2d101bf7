/**
 * The request's vocabulary in English: states, subject types, applicant roles, documents,
 * reject reasons, risk flags and provinces (codes as in the contract), and the refusals of
 * the review (`error.request.*`).
 */
export const request = {
  'request.status.PENDING_REVIEW': 'Pending review',
  'request.status.IN_REVIEW': 'In review',
  'request.status.AWAITING_SECOND_APPROVAL': 'Awaiting second approval',
  'request.status.AWAITING_APPLICANT': 'Awaiting applicant',
  'request.status.APPROVED': 'Approved',
  'request.status.REJECTED': 'Rejected',
  'request.status.EXPIRED': 'Expired',
  'request.status.WITHDRAWN': 'Withdrawn',
  'request.status.PENDING_REVIEW.inSentence': 'pending review',
  'request.status.IN_REVIEW.inSentence': 'in review',
  'request.status.AWAITING_SECOND_APPROVAL.inSentence': 'awaiting second approval',
  'request.status.AWAITING_APPLICANT.inSentence': 'awaiting applicant',
  'request.status.APPROVED.inSentence': 'approved',
  'request.status.REJECTED.inSentence': 'rejected',
  'request.status.EXPIRED.inSentence': 'expired',
  'request.status.WITHDRAWN.inSentence': 'withdrawn',
  'request.subjectType.INDIVIDUAL': 'Individual',
  'request.subjectType.ORGANIZATION': 'Organization',
  'request.applicantRole.SUBJECT_ADMIN': 'Subject administrator',
  'request.applicantRole.WEBSITE_ADMIN': 'Website administrator',
  'request.applicantRole.OTHER': 'Someone else (authorized by letter)',
  'request.document.ID_FRONT': 'ID card, front',
  'request.document.ID_BACK': 'ID card, back',
  'request.document.HALF_LENGTH_PHOTO': 'Half-length photo holding the credential',
  'request.document.AUTHORIZATION_LETTER': 'Authorization letter with company seal',
  'request.rejectReason.DOCUMENT_UNCLEAR': 'A document is not clear enough to read',
  'request.rejectReason.DOCUMENT_MISSING': 'A required document is missing',
  'request.rejectReason.DOCUMENT_INVALID': 'A document is expired or not authentic',
  'request.rejectReason.INFO_MISMATCH': 'The information does not match the filing record',
  'request.rejectReason.AUTHORIZATION_LETTER_INVALID':
    'The authorization letter is invalid or not stamped',
  'request.rejectReason.ACCOUNT_HOLDS_OTHER_SUBJECT':
    'The Alibaba Cloud account already holds another filing subject',
  'request.rejectReason.SUSPECTED_FRAUD': 'Suspected fraud',
  'request.rejectReason.OTHER': 'Other',
  'request.riskFlag.SUBJECT_NOT_FOUND': 'Subject not found',
  'request.riskFlag.SUBJECT_NOT_FOUND.explanation':
    'No filing subject with this ICP filing number is in the registry.',
  'request.riskFlag.SUBJECT_MISMATCH': 'Subject mismatch',
  'request.riskFlag.SUBJECT_MISMATCH.explanation':
    "The subject's name or credential number differs from the registry record.",
  'request.riskFlag.ACCOUNT_HOLDS_OTHER_SUBJECT': 'Account holds other subject',
  'request.riskFlag.ACCOUNT_HOLDS_OTHER_SUBJECT.explanation':
    'The Alibaba Cloud account already holds another filing subject; one account may hold only one, so this request cannot be approved.',
  'request.riskFlag.INVALID_ID_CHECKSUM': 'Invalid ID checksum',
  'request.riskFlag.INVALID_ID_CHECKSUM.explanation':
    "The subject's resident ID number fails its GB 11643 checksum.",
  'request.riskFlag.INVALID_USCC_CHECKSUM': 'Invalid USCC checksum',
  'request.riskFlag.INVALID_USCC_CHECKSUM.explanation':
    "The subject's unified social credit code fails its GB 32100 checksum.",
  'request.riskFlag.DUPLICATE_OPEN_REQUEST': 'Duplicate open request',
  'request.riskFlag.DUPLICATE_OPEN_REQUEST.explanation':
    'Another open initialization request exists for the same filing subject.',
  'request.riskFlag.DOCUMENT_REUSED': 'Document reused',
  'request.riskFlag.DOCUMENT_REUSED.explanation':
    'An uploaded file is identical to one sent with a request for a different subject.',
  'request.riskFlag.RECENT_EMAIL_CHANGE': 'Recent email change',
  'request.riskFlag.RECENT_EMAIL_CHANGE.explanation':
    "The subject's filing account email changed within the last 30 days.",
  'request.province.京': '京 Beijing',
  'request.province.津': '津 Tianjin',
  'request.province.冀': '冀 Hebei',
  'request.province.晋': '晋 Shanxi',
  'request.province.蒙': '蒙 Inner Mongolia',
  'request.province.辽': '辽 Liaoning',
  'request.province.吉': '吉 Jilin',
  'request.province.黑': '黑 Heilongjiang',
  'request.province.沪': '沪 Shanghai',
  'request.province.苏': '苏 Jiangsu',
  'request.province.浙': '浙 Zhejiang',
  'request.province.皖': '皖 Anhui',
  'request.province.闽': '闽 Fujian',
  'request.province.赣': '赣 Jiangxi',
  'request.province.鲁': '鲁 Shandong',
  'request.province.豫': '豫 Henan',
  'request.province.鄂': '鄂 Hubei',
  'request.province.湘': '湘 Hunan',
  'request.province.粤': '粤 Guangdong',
  'request.province.桂': '桂 Guangxi',
  'request.province.琼': '琼 Hainan',
  'request.province.渝': '渝 Chongqing',
  'request.province.蜀': '蜀 Sichuan',
  'request.province.黔': '黔 Guizhou',
  'request.province.滇': '滇 Yunnan',
  'request.province.藏': '藏 Tibet',
  'request.province.陕': '陕 Shaanxi',
  'request.province.陇': '陇 Gansu',
  'request.province.青': '青 Qinghai',
  'request.province.宁': '宁 Ningxia',
  'request.province.新': '新 Xinjiang',
  'request.province.other': '{prefix}',
  'request.anotherReviewer': 'Another reviewer',
  // What stands between the assignee and approval (beside the Approve button).
  'request.approval.notInReview': 'The request is not in review.',
  'request.approval.notHolder': 'Only the reviewer holding this request can approve it.',
  'request.checkProblem.missing': '{document} is missing',
  'request.checkProblem.unchecked': '{document} is not checked',
  'request.checkProblem.failed': '{document} failed a check',
  'request.checkProblems': '{problem}{others, plural, =0 {} other {; {more}}}',
  // What a decision's form lacks (IncompleteDecisionError).
  'request.decisionProblem.noDocumentCheck': 'Record at least one document check.',
  'request.decisionProblem.noReturnNote':
    'Write a note saying what the reviewer should look at again.',
  'request.decisionProblem.noReason': 'Choose at least one reason.',
  'request.decisionProblem.unknownReasons': 'Unknown reason: {reasons}.',
  'request.decisionProblem.noApplicantMessage': 'Write a message to the applicant.',
  'request.decisionProblem.nothingAsked':
    'Say which documents or fields the applicant must send again.',
  'request.decisionProblem.notADocumentKind':
    'One of the documents asked for is not a document kind.',
  'request.decisionProblem.noMessageWhy': 'Write a message saying why.',
  // What a decision did (the flash after the form).
  'request.done.claimed': 'You now hold this request.',
  'request.done.released': 'The request is back in the queue.',
  'request.done.reassigned': 'The request was reassigned.',
  'request.done.checksRecorded': 'The checks were recorded.',
  'request.done.approved': 'Approved. The account email was replaced.',
  'request.done.approvedAwaitingSecondApproval':
    'Approved; it now needs a second approval by another senior reviewer.',
  'request.done.secondApprovalGiven': 'Second approval given. The account email was replaced.',
  'request.done.returned': 'Returned to the reviewer with your note.',
  'request.done.rejected': 'Rejected. The applicant will be told why.',
  'request.done.informationRequested':
    'The applicant was asked for more information; the request waits for them.',
  // The refusals of the review (DomainError codes `request.*`).
  'error.request.not-found': 'There is no initialization request {reference}.',
  'error.request.not-a-reviewer':
    'Only reviewers and senior reviewers can {action, select, claim {claim requests} hold {hold requests} holdActive {hold requests; choose an active reviewer} release {release requests} check {check requests} approve {approve requests} reject {reject requests} requestInformation {request information for requests} other {review requests}}.',
  'error.request.senior-only':
    'Only a senior reviewer can {action, select, reassign {reassign a request} secondApproval {give the second approval} return {return a request awaiting second approval} reject {reject a request awaiting second approval} other {do this}}.',
  'error.request.already-claimed':
    '{byYou, select, yes {You already hold this request.} other {{holder} claimed this request a moment ago.}}',
  'error.request.not-assignee':
    'Only the reviewer holding this request can {action, select, release {release} check {check} approve {approve} reject {reject} requestInformation {request information for} other {change}} it; {held, select, yes {{holder} holds it.} other {claim it first.}}',
  'error.request.invalid-transition':
    'This request is {status}, so it cannot be {action, select, claim {claimed} release {released} reassign {reassigned} check {checked} approve {approved} secondApproval {given a second approval} return {returned for review} reject {rejected} requestInformation {sent back to the applicant} withdraw {withdrawn} expire {expired} expireYet {expired yet} other {changed}}.',
  'error.request.checks-incomplete':
    'Every required document must be present and checked with all answers yes before approval: {problems}.',
  'error.request.approval-blocked':
    'The Alibaba Cloud account already holds another filing subject (one account, one subject), so this request cannot be approved.',
  'error.request.same-reviewer-second-approval':
    'This request was approved by you; a different senior reviewer must {action, select, secondApproval {give the second approval} return {return it} reject {reject it} other {decide}}.',
  'error.request.incomplete-decision': '{problem}{others, plural, =0 {} other { {more}}}',
  'error.request.unknown-document':
    "Document {document} is not one of this request's current documents.",
  'error.request.stale':
    'This request changed since you opened it; the page now shows its current state.',
  'error.request.resubmission-not-expected':
    'This request is {status}; it is not waiting for an answer from the applicant.',
  'error.request.subject-not-registered':
    'No filing subject {filingNumber} is in the registry, so there is no account email to replace; reject the request or import the subject first.',
  'error.request.resubmission-mismatch':
    'The resubmission does not answer the request for information: {missingCount, plural, =0 {} one {the reviewer asked for {missing}, which is missing} other {the reviewer asked for {missing}, which are missing}}{missingCount, plural, =0 {} other {{unaskedCount, plural, =0 {} other {; }}}}{unaskedCount, plural, =0 {} one {{unasked} was not asked for} other {{unasked} were not asked for}}.',
  'error.request.document-not-found': 'This request has no such document.',
  'error.request.document-not-allowed':
    'Only reviewers, senior reviewers and auditors can view the documents of a request.',
  // Issue 15 (A1): fields a reviewer may ask the applicant to correct.
  'request.decisionProblem.notACorrectableField':
    "{count, plural, one {{fields} is not a field the applicant can correct} other {{fields} are not fields the applicant can correct}}; choose among the applicant's name, ID number and phone, the new account email, the Alibaba Cloud account ID, the subject name and the credential number.",

  // Issue 15 (A2): the fields an applicant can correct (named in the intake JSON by these codes), in words.
  'request.field.applicant.name': 'Applicant name',
  'request.field.applicant.idNumber': 'Applicant ID number',
  'request.field.applicant.phone': 'Applicant phone',
  'request.field.newAccountEmail': 'New account email',
  'request.field.aliyunAccountId': 'Alibaba Cloud account ID',
  'request.field.subjectName': 'Subject name',
  'request.field.credentialNumber': 'Credential number',

  // Issue 19 (forms): a decision form's field the page never sends so (a hand-made body), in words.
  'request.formProblem.version':
    'The form does not say which version of the request it was filled in on; reload the page and try again.',
  'request.formProblem.assignee': 'Choose one reviewer to hand the request to.',
  'request.formProblem.checks':
    "Each document's checks must be its four answers and a note; reload the page and record them again.",
  'request.formProblem.note': 'Write the note as one text.',
  'request.formProblem.reasons': 'Choose the reasons from the list.',
  'request.formProblem.message': 'Write the message as one text.',
  'request.formProblem.fields': 'Choose the fields from the list.',
  // Issue 17 (H-C): retention of documents.
  'error.request.document-purged':
    'This file was purged on {at, date, medium}: its retention period after the request ended was over. Only its record and its SHA-256 fingerprint are kept.',
};
