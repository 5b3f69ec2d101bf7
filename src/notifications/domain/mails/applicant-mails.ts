import {
  DOCUMENT_LABELS,
  type DocumentKind,
} from '../../../initialization/domain/document-kind.js';
import {
  REJECT_REASON_LABELS,
  type RejectReason,
} from '../../../initialization/domain/reject-reason.js';
import type { ComposedMail } from '../outbox-message.js';
import { localTime, renderLetter, type MailStyle } from './letter.js';

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

const REJECT_REASON_LABELS_ZH: Record<RejectReason, string> = {
  DOCUMENT_UNCLEAR: '证件或材料不清晰，无法辨认',
  DOCUMENT_MISSING: '缺少必需的材料',
  DOCUMENT_INVALID: '证件已过期或非真实有效',
  INFO_MISMATCH: '填写的信息与备案信息不一致',
  AUTHORIZATION_LETTER_INVALID: '授权书无效或未加盖公章',
  ACCOUNT_HOLDS_OTHER_SUBJECT: '该阿里云账号已关联其他备案主体',
  SUSPECTED_FRAUD: '疑似冒用他人身份',
  OTHER: '其他原因',
};

const DOCUMENT_LABELS_ZH: Record<DocumentKind, string> = {
  ID_FRONT: '身份证人像面',
  ID_BACK: '身份证国徽面',
  HALF_LENGTH_PHOTO: '手持证件的半身照',
  AUTHORIZATION_LETTER: '加盖公章的授权书',
};

const greeting = (name: string) => ({
  zh: name.trim() ? `${name.trim()}，您好：` : '您好：',
  en: name.trim() ? `Dear ${name.trim()},` : 'Hello,',
});

/**
 * Approval tells the new address it can now sign in, and the address it
 * replaced that it was replaced (and whom to call if that was not them).
 */
export function approvalMails(notice: ApprovalNotice, style: MailStyle): ComposedMail[] {
  const { reference: ref, newAccountEmail: next, previousAccountEmail: previous } = notice;
  const mails = [
    renderLetter({
      kind: 'request.approved',
      to: next,
      subject: `${ref} 备案账号邮箱已更新 / Your ICP Filing account email was initialized`,
      zh: [
        '您好：',
        `您的 ICP 备案账号邮箱初始化申请（编号 ${ref}）已审核通过。备案账号邮箱已更新为 ${next}，现在可以使用该邮箱登录 ICP 备案系统。`,
        `关联的阿里云账号：${notice.aliyunAccountId}`,
      ],
      en: [
        'Hello,',
        `Your ICP Filing account email initialization request ${ref} was approved. The ICP Filing account email is now ${next}: you can now sign in to the ICP Filing system with it.`,
        `Alibaba Cloud account: ${notice.aliyunAccountId}`,
      ],
    }),
  ];
  if (previous && previous.trim().toLowerCase() !== next.trim().toLowerCase()) {
    mails.push(
      renderLetter({
        kind: 'request.approved.previous_address',
        to: previous,
        subject: `${ref} 您的备案账号邮箱已被更换 / Your ICP Filing account email was replaced`,
        zh: [
          '您好：',
          `根据申请 ${ref}，您的 ICP 备案账号邮箱已由 ${previous} 更换为 ${next}，此邮箱今后不再用于该备案账号。`,
          `如果这不是您本人的申请，请立即联系阿里云备案客服（${style.supportContact}）。`,
        ],
        en: [
          'Hello,',
          `Your ICP Filing account email was replaced by ${next} on request ${ref}; this address (${previous}) is no longer used for the filing account.`,
          `If this was not you, contact Alibaba Cloud ICP Filing support (${style.supportContact}) at once.`,
        ],
      }),
    );
  }
  return mails;
}

/** Rejection gives every reason, in words, and the reviewer's message as written. */
export function rejectionMail(notice: RejectionNotice): ComposedMail {
  const { reference: ref } = notice;
  const hello = greeting(notice.applicantName);
  return renderLetter({
    kind: 'request.rejected',
    to: notice.applicantEmail,
    subject: `${ref} 账号邮箱初始化申请未通过 / Your account email initialization request was rejected`,
    zh: [
      hello.zh,
      `很抱歉，您的 ICP 备案账号邮箱初始化申请（编号 ${ref}）未通过审核，原因如下：`,
      { list: notice.reasons.map((reason) => REJECT_REASON_LABELS_ZH[reason]) },
      '审核人员的说明：',
      { quote: notice.message },
      '您可以在 ICP 备案系统中重新提交申请。',
    ],
    en: [
      hello.en,
      `We are sorry: your ICP Filing account email initialization request ${ref} was rejected, for these reasons:`,
      { list: notice.reasons.map((reason) => REJECT_REASON_LABELS[reason]) },
      "The reviewer's message:",
      { quote: notice.message },
      'You may submit a new request in the ICP Filing system.',
    ],
  });
}

/** A request for information lists what is needed, why, and the date it is needed by. */
export function informationRequestMail(
  notice: InformationRequestNotice,
  style: MailStyle,
): ComposedMail {
  const { reference: ref } = notice;
  const hello = greeting(notice.applicantName);
  const by = localTime(notice.expiresAt, style.zone);
  return renderLetter({
    kind: 'request.information_requested',
    to: notice.applicantEmail,
    subject: `${ref} 请补充申请材料 / More information is needed for your request`,
    zh: [
      hello.zh,
      `您的 ICP 备案账号邮箱初始化申请（编号 ${ref}）需要补充以下内容后才能继续审核：`,
      {
        list: [
          ...notice.documents.map((kind) => `重新上传：${DOCUMENT_LABELS_ZH[kind]}`),
          ...notice.fields.map((field) => `更正信息：${field}`),
        ],
      },
      '审核人员的说明：',
      { quote: notice.message },
      `请于 ${by.zh} 前在 ICP 备案系统中补充提交；逾期未补充，申请将自动关闭。`,
    ],
    en: [
      hello.en,
      `Your ICP Filing account email initialization request ${ref} needs the following before its review can continue:`,
      {
        list: [
          ...notice.documents.map((kind) => `Upload again: ${DOCUMENT_LABELS[kind]}`),
          ...notice.fields.map((field) => `Correct: ${field}`),
        ],
      },
      "The reviewer's message:",
      { quote: notice.message },
      `Please provide them in the ICP Filing system by ${by.en}; after that the request expires.`,
    ],
  });
}

/** An unanswered request for information closed the request. */
export function expiryMail(notice: ExpiryNotice): ComposedMail {
  const { reference: ref } = notice;
  const hello = greeting(notice.applicantName);
  return renderLetter({
    kind: 'request.expired',
    to: notice.applicantEmail,
    subject: `${ref} 申请已过期关闭 / Your request expired`,
    zh: [
      hello.zh,
      `您的 ICP 备案账号邮箱初始化申请（编号 ${ref}）因未在期限内补充材料，已过期关闭。`,
      '如仍需初始化账号邮箱，请在 ICP 备案系统中重新提交申请。',
    ],
    en: [
      hello.en,
      `Your ICP Filing account email initialization request ${ref} expired because the information asked for was not provided in time.`,
      'If you still need the account email initialized, please submit a new request in the ICP Filing system.',
    ],
  });
}
