import type { Locale } from '../locale.js';
import { common as en_common } from './en/common.js';
import { identity as en_identity } from './en/identity.js';
import { request as en_request } from './en/request.js';
import { queue as en_queue } from './en/queue.js';
import { workspace as en_workspace } from './en/workspace.js';
import { sla as en_sla } from './en/sla.js';
import { audit as en_audit } from './en/audit.js';
import { exportFiles as en_exports } from './en/export-files.js';
import { reports as en_reports } from './en/reports.js';
import { notifications as en_notifications } from './en/notifications.js';
import { api as en_api } from './en/api.js';
import { common as zh_common } from './zh-CN/common.js';
import { identity as zh_identity } from './zh-CN/identity.js';
import { request as zh_request } from './zh-CN/request.js';
import { queue as zh_queue } from './zh-CN/queue.js';
import { workspace as zh_workspace } from './zh-CN/workspace.js';
import { sla as zh_sla } from './zh-CN/sla.js';
import { audit as zh_audit } from './zh-CN/audit.js';
import { exportFiles as zh_exports } from './zh-CN/export-files.js';
import { reports as zh_reports } from './zh-CN/reports.js';
import { notifications as zh_notifications } from './zh-CN/notifications.js';
import { api as zh_api } from './zh-CN/api.js';

/**
 * The desk's catalogues, one file per area and locale (`en/queue.ts`, `zh-CN/queue.ts`).
 * English defines the keys; TypeScript refuses a zh-CN area that lacks one or adds one,
 * and `catalogues.spec.ts` checks that both locales' messages take the same arguments.
 */
const en = {
  ...en_common,
  ...en_identity,
  ...en_request,
  ...en_queue,
  ...en_workspace,
  ...en_sla,
  ...en_audit,
  ...en_exports,
  ...en_reports,
  ...en_notifications,
  ...en_api,
};

export type MessageKey = keyof typeof en;

const zhCN: Record<MessageKey, string> = {
  ...zh_common,
  ...zh_identity,
  ...zh_request,
  ...zh_queue,
  ...zh_workspace,
  ...zh_sla,
  ...zh_audit,
  ...zh_exports,
  ...zh_reports,
  ...zh_notifications,
  ...zh_api,
};

export const CATALOGUES: Record<Locale, Readonly<Record<MessageKey, string>>> = {
  'zh-CN': zhCN,
  en,
};

/** Whether a text is one of the catalogue's keys (for codes read back from stored data). */
export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, value);
}
