import { publicLink } from '../../../shared/application/public-link.js';
import type { Translator, Words } from '../../../shared/i18n/translator.js';
import type { Bilingual, MailStyle } from '../../domain/mails/letter.js';
import type { StaffContact } from '../ports/staff-contacts.js';

/** Letters to applicants are written in Chinese first, then in English. */
export function applicantWords(translator: Translator): Bilingual {
  return { zh: translator.words('zh-CN'), en: translator.words('en') };
}

/** A staff notice speaks its recipient's language; the deployment's default to one who chose none. */
export function staffWords(
  translator: Translator,
  recipient: StaffContact,
  style: MailStyle,
): Words {
  return translator.words(recipient.locale ?? style.defaultLocale);
}

/** An absolute link into the desk for a mail: PUBLIC_BASE_URL and the path. */
export function deskLink(style: MailStyle, path: string): string {
  return publicLink(style.publicBaseUrl, path);
}

/** The request's page in the desk, as a mail links to it. */
export function requestLink(style: MailStyle, requestId: string | null): string {
  return deskLink(style, requestId ? `/requests/${requestId}` : '/queue');
}
