/**
 * The notifications area's words in English (ICU MessageFormat; the zh-CN file mirrors every
 * key): the mails the desk writes (applicant letters, staff notices), the admin's mail pages,
 * the outbox's statuses and notes, and its refusals.
 */
export const notifications = {
  'error.notifications.message-not-found': 'There is no outgoing mail {id}.',

  // Applicant letters: each is written in Chinese first, then in English.
  'notifications.letter.greeting': 'Dear {name},',
  'notifications.letter.hello': 'Hello,',
  'notifications.letter.reviewerMessage': "The reviewer's message:",
  'notifications.letter.sentAutomatically':
    'This message was sent automatically; please do not reply to it.',
  'notifications.letter.signature': 'Alibaba Cloud ICP Filing · Account Email Initialization',
  'notifications.letter.beijingTime': '{date}, {time} (Beijing time)',
  'notifications.letter.zonedTime': '{date}, {time} ({offset})',
  'notifications.approved.subject': 'Your ICP Filing account email was initialized',
  'notifications.approved.body':
    'Your ICP Filing account email initialization request {reference} was approved. The ICP Filing account email is now {email}: you can now sign in to the ICP Filing system with it.',
  'notifications.approved.aliyunAccount': 'Alibaba Cloud account: {account}',
  'notifications.replaced.subject': 'Your ICP Filing account email was replaced',
  'notifications.replaced.body':
    'Your ICP Filing account email was replaced by {email} on request {reference}; this address ({previous}) is no longer used for the filing account.',
  'notifications.replaced.notYou':
    'If this was not you, contact Alibaba Cloud ICP Filing support ({contact}) at once.',
  'notifications.rejected.subject': 'Your account email initialization request was rejected',
  'notifications.rejected.body':
    'We are sorry: your ICP Filing account email initialization request {reference} was rejected, for these reasons:',
  'notifications.rejected.newRequest': 'You may submit a new request in the ICP Filing system.',
  'notifications.informationRequested.subject': 'More information is needed for your request',
  'notifications.informationRequested.body':
    'Your ICP Filing account email initialization request {reference} needs the following before its review can continue:',
  'notifications.informationRequested.uploadAgain': 'Upload again: {document}',
  'notifications.informationRequested.correct': 'Correct: {field}',
  'notifications.informationRequested.deadline':
    'Please provide them in the ICP Filing system by {by}; after that the request expires.',
  'notifications.expired.subject': 'Your request expired',
  'notifications.expired.body':
    'Your ICP Filing account email initialization request {reference} expired because the information asked for was not provided in time.',
  'notifications.expired.newRequest':
    'If you still need the account email initialized, please submit a new request in the ICP Filing system.',

  // Staff notices: in the recipient's own language.
  'notifications.staff.due': '{at} Beijing time',
  'notifications.staff.dueZoned': '{at} ({offset})',
  'notifications.staff.openIt': 'Open it: {url}',
  'notifications.atRisk.subject': '{reference} is at risk: due {due}',
  'notifications.atRisk.body':
    'Initialization request {reference} has four business hours or fewer left before its deadline, {due}.',
  'notifications.atRisk.youHoldIt': 'You hold it.',
  'notifications.atRisk.nobodyHoldsIt': 'Nobody holds it yet: please make sure somebody claims it.',
  'notifications.breached.subject': '{reference} breached its deadline ({due})',
  'notifications.breached.body':
    'Initialization request {reference} was due {due} and is still undecided.',
  'notifications.breached.holder': '{name} holds it.',
  'notifications.breached.nobodyHoldsIt': 'Nobody holds it.',
  'notifications.breached.seniorAsked':
    'As a senior reviewer you are asked to see that it is decided or reassigned.',

  // The outbox: statuses, what the last attempt came to, where mail goes.
  'notifications.status.PENDING': 'Waiting',
  'notifications.status.SENDING': 'Sending',
  'notifications.status.SENT': 'Sent',
  'notifications.status.FAILED': 'Failed',
  'notifications.status.ABANDONED': 'Abandoned',
  'notifications.status.retrying': 'Waiting to retry',
  'notifications.milestone.nextAttempt': 'Next attempt',
  'notifications.milestone.sent': 'Sent',
  'notifications.milestone.lastAttemptStarted': 'Last attempt started',
  'notifications.problem.workerStopped':
    'The worker stopped while sending (still SENDING after {minutes, plural, one {# minute} other {# minutes}}); the mail may or may not have been delivered, so it is not sent again automatically.',
  'notifications.problem.attemptBrokeOff':
    'The attempt broke off and the mail may or may not have been delivered, so it is not sent again automatically:',
  'notifications.transport.smtp': 'the SMTP server {host}',
  'notifications.transport.demoMailbox':
    'the demo mailbox (SMTP_URL is not set, so nothing leaves this machine)',

  // The admin's mail pages.
  'notifications.outbox.title': 'Mail',
  'notifications.outbox.intro':
    'Everything the desk has written to send, newest first. Mail goes to {transport}.',
  'notifications.outbox.caption': 'Outgoing mail',
  'notifications.outbox.written': 'Written',
  'notifications.outbox.kind': 'Kind',
  'notifications.outbox.to': 'To',
  'notifications.outbox.subject': 'Subject',
  'notifications.outbox.status': 'Status',
  'notifications.outbox.attempts': 'Attempts',
  'notifications.outbox.when': 'When',
  'notifications.outbox.lastError': 'Last error',
  'notifications.outbox.empty': 'No mail has been written yet.',
  'notifications.outbox.newest': 'Newest',
  'notifications.outbox.older': 'Older',
  'notifications.message.title': '{subject}',
  'notifications.message.allMail': 'All mail',
  'notifications.message.request': 'Request',
  'notifications.message.goesTo': 'Goes to',
  'notifications.message.receivedByDemoMailbox': 'Received by the demo mailbox',
  'notifications.message.deliveredTo': 'Delivered to {recipient} at {at, date, datetime}.',
  'notifications.message.text': 'Text',
  'notifications.informationRequested.fieldNamed': '{label} ({code})',
  // H5, issue 16: resending an abandoned mail, the status filter.
  'error.notifications.resend-not-abandoned':
    'Only an abandoned mail, whose delivery is unknown, can be resent by hand.',
  'error.notifications.already-resent':
    'This mail was already resent as a new message; follow that one instead.',
  'notifications.outbox.filterLabel': 'Filter the mail',
  'notifications.outbox.filterStatus': 'Status',
  'notifications.outbox.anyStatus': 'Any status',
  'notifications.outbox.filterSubmit': 'Show',
  'notifications.outbox.filterClear': 'Show all mail',
  'notifications.outbox.emptyWithStatus': 'No mail has this status.',
  'notifications.outbox.resentMark': 'resent',
  'notifications.outbox.resendMark': 'a resend',
  'notifications.message.resendOf': 'Resends',
  'notifications.message.theAbandonedMessage': 'the abandoned message',
  'notifications.message.resentAs': 'Resent as',
  'notifications.message.theNewMessage': 'the new message',
  'notifications.message.deliveryUnknown': 'Delivery unknown',
  'notifications.message.resendExplained':
    'The last attempt ended without knowing whether the mail went out, so it is not sent again automatically. If the recipient did not get it, you can resend it once, as a new message.',
  'notifications.message.resend': 'Resend…',
  'notifications.resend.title': 'Resend this mail?',
  'notifications.resend.warning':
    'The mail server may already have delivered this mail, so the recipient may get it twice.',
  'notifications.resend.onceOnly':
    'A mail is resent once: the resend is a new message, listed with the others, that names this one; your resend is recorded in the audit trail.',
  'notifications.resend.confirm': 'Resend it, knowing it may arrive twice',
  'notifications.resend.cancel': 'Cancel',
  'notifications.resend.done': 'Resent as a new message; it is delivered like any other.',
  // The notice to the senior reviewers when a deactivation gives back held requests.
  'notifications.heldWork.subjectReleased':
    '{name} was deactivated: {count, plural, one {# request released} other {# requests released}}',
  'notifications.heldWork.subjectYours':
    '{name} was deactivated: {count, plural, one {# request is now yours} other {# requests are now yours}}',
  'notifications.heldWork.bodyReleased':
    'The account of {name} was deactivated, and {count, plural, one {the request they held was released} other {the # requests they held were released}}: nobody holds them now, and each kept its state. A request in review is back in the Unassigned tab; one awaiting the applicant comes there when the applicant answers.',
  'notifications.heldWork.bodyYours':
    'The account of {name} was deactivated, and {count, plural, one {the request they held was reassigned to you} other {the # requests they held were reassigned to you}}, each in the state it was in.',
  'notifications.heldWork.request': '{reference} ({status}): {url}',
  'notifications.heldWork.seniorAsked':
    'As a senior reviewer you are asked to see that they are claimed or reassigned.',
  'notifications.heldWork.yoursAsked': 'You hold them now: decide them, or reassign them.',
  // Forms the pages would never send (interface/web/resend-form.ts).
  'notifications.formProblem.confirmed':
    'The form does not say whether the resend is confirmed; confirm it again on the resend page.',
};
