import { isMessageKey, type MessageKey } from '../../../shared/i18n/messages/index.js';
import type { DocumentKind, RejectReason } from '../../../initialization/contracts/vocabulary.js';
import type { ComposedMail } from '../outbox-message.js';
import { greeting, localTime, renderLetter, type Bilingual, type MailStyle } from './letter.js';

/** What the applicant and the account's addresses are told about a decision. */
export interface ApprovalNotice {
  reference: string;
  newAccountEmail: string;
  previousAccountEmail: string | null;
  aliyunAccountId: string;
}

export interface RejectionNotice {
  reference: string;
  applicantEmail: string;
  applicantName: string;
  reasons: readonly RejectReason[];
  message: string;
}

export interface InformationRequestNotice {
  reference: string;
  applicantEmail: string;
  applicantName: string;
  documents: readonly DocumentKind[];
  fields: readonly string[];
  message: string;
  expiresAt: Date;
}

export interface ExpiryNotice {
  reference: string;
  applicantEmail: string;
  applicantName: string;
}

/**
 * Approval tells the new address it can now sign in, and the address it
 * replaced that it was replaced (and whom to call if that was not them).
 */
export function approvalMails(
  notice: ApprovalNotice,
  style: MailStyle,
  words: Bilingual,
): ComposedMail[] {
  const { reference, newAccountEmail: email, previousAccountEmail: previous } = notice;
  const mails = [
    renderLetter(
      {
        kind: 'request.approved',
        to: email,
        reference,
        subject: 'notifications.approved.subject',
        body: (w) => [
          w.t('notifications.letter.hello'),
          w.t('notifications.approved.body', { reference, email }),
          w.t('notifications.approved.aliyunAccount', { account: notice.aliyunAccountId }),
        ],
      },
      words,
    ),
  ];
  if (previous && previous.trim().toLowerCase() !== email.trim().toLowerCase()) {
    mails.push(
      renderLetter(
        {
          kind: 'request.approved.previous_address',
          to: previous,
          reference,
          subject: 'notifications.replaced.subject',
          body: (w) => [
            w.t('notifications.letter.hello'),
            w.t('notifications.replaced.body', { reference, email, previous }),
            w.t('notifications.replaced.notYou', { contact: style.supportContact }),
          ],
        },
        words,
      ),
    );
  }
  return mails;
}

/** Rejection gives every reason, in words, and the reviewer's message as written. */
export function rejectionMail(notice: RejectionNotice, words: Bilingual): ComposedMail {
  const { reference } = notice;
  return renderLetter(
    {
      kind: 'request.rejected',
      to: notice.applicantEmail,
      reference,
      subject: 'notifications.rejected.subject',
      body: (w) => [
        greeting(w, notice.applicantName),
        w.t('notifications.rejected.body', { reference }),
        { list: notice.reasons.map((reason) => w.t(`request.rejectReason.${reason}`)) },
        w.t('notifications.letter.reviewerMessage'),
        { quote: notice.message },
        w.t('notifications.rejected.newRequest'),
      ],
    },
    words,
  );
}

/** A request for information lists what is needed, why, and the date it is needed by. */
export function informationRequestMail(
  notice: InformationRequestNotice,
  style: MailStyle,
  words: Bilingual,
): ComposedMail {
  const { reference } = notice;
  return renderLetter(
    {
      kind: 'request.information_requested',
      to: notice.applicantEmail,
      reference,
      subject: 'notifications.informationRequested.subject',
      body: (w) => [
        greeting(w, notice.applicantName),
        w.t('notifications.informationRequested.body', { reference }),
        {
          list: [
            ...notice.documents.map((kind) =>
              w.t('notifications.informationRequested.uploadAgain', {
                document: w.t(`request.document.${kind}`),
              }),
            ),
            ...notice.fields.map((field) =>
              w.t('notifications.informationRequested.correct', {
                // A correctable field in words (its code beside, as the applicant's form names it).
                field: isMessageKey(`request.field.${field}`)
                  ? w.t('notifications.informationRequested.fieldNamed', {
                      label: w.t(`request.field.${field}` as MessageKey),
                      code: field,
                    })
                  : field,
              }),
            ),
          ],
        },
        w.t('notifications.letter.reviewerMessage'),
        { quote: notice.message },
        w.t('notifications.informationRequested.deadline', {
          by: localTime(notice.expiresAt, style.zone, w),
        }),
      ],
    },
    words,
  );
}

/** An unanswered request for information closed the request. */
export function expiryMail(notice: ExpiryNotice, words: Bilingual): ComposedMail {
  const { reference } = notice;
  return renderLetter(
    {
      kind: 'request.expired',
      to: notice.applicantEmail,
      reference,
      subject: 'notifications.expired.subject',
      body: (w) => [
        greeting(w, notice.applicantName),
        w.t('notifications.expired.body', { reference }),
        w.t('notifications.expired.newRequest'),
      ],
    },
    words,
  );
}
