import { messagesOf, msg, type Message } from '../../shared/i18n/message.js';

/**
 * The official one-character prefixes of filing numbers, one per province-level region
 * (`浙ICP备12345678号` was filed in Zhejiang). Their names are in the catalogues
 * (`request.province.浙` → "浙 浙江" · "浙 Zhejiang").
 */
export const PROVINCE_PREFIXES = [
  '京',
  '津',
  '冀',
  '晋',
  '蒙',
  '辽',
  '吉',
  '黑',
  '沪',
  '苏',
  '浙',
  '皖',
  '闽',
  '赣',
  '鲁',
  '豫',
  '鄂',
  '湘',
  '粤',
  '桂',
  '琼',
  '渝',
  '蜀',
  '黔',
  '滇',
  '藏',
  '陕',
  '陇',
  '青',
  '宁',
  '新',
] as const;
export type ProvincePrefix = (typeof PROVINCE_PREFIXES)[number];

export function isProvincePrefix(value: string): value is ProvincePrefix {
  return (PROVINCE_PREFIXES as readonly string[]).includes(value);
}

const PROVINCE_LABELS = messagesOf('request.province', PROVINCE_PREFIXES);

/** "浙 浙江" · "浙 Zhejiang", or the prefix alone when it is not an official one; null for none. */
export function provinceLabel(prefix: string | null): Message | null {
  if (!prefix) return null;
  return isProvincePrefix(prefix)
    ? PROVINCE_LABELS[prefix]
    : msg('request.province.other', { prefix });
}
