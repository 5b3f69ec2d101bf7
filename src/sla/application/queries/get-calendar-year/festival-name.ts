import { msg, type Message } from '../../../../shared/i18n/message.js';
import type { MessageKey } from '../../../../shared/i18n/messages/index.js';

/**
 * The official festivals of the State Council's notices, by the names an arrangement
 * may give them (the shipped arrangements name them in English; an administrator may
 * write Chinese), shown in the reader's language. Any other name is the administrator's
 * own words and is shown as written.
 */
const FESTIVALS: [MessageKey, string[]][] = [
  ['sla.festival.newYear', ["New Year's Day", '元旦']],
  ['sla.festival.springFestival', ['Spring Festival', '春节']],
  ['sla.festival.qingming', ['Qingming Festival', '清明节']],
  ['sla.festival.labourDay', ['Labour Day', '劳动节']],
  ['sla.festival.dragonBoat', ['Dragon Boat Festival', '端午节']],
  ['sla.festival.midAutumn', ['Mid-Autumn Festival', '中秋节']],
  ['sla.festival.nationalDay', ['National Day', '国庆节']],
  [
    'sla.festival.nationalDayAndMidAutumn',
    ['National Day and Mid-Autumn Festival', '国庆节、中秋节'],
  ],
];
const BY_NAME = new Map(FESTIVALS.flatMap(([key, names]) => names.map((name) => [name, key])));

export function festivalName(name: string): Message | string {
  const key = BY_NAME.get(name.trim());
  return key ? msg(key) : name;
}
