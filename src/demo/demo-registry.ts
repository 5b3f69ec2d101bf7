import {
  organizationCodeCheckCharacter,
  residentIdCheckCharacter,
  unifiedSocialCreditCodeCheckCharacter,
} from '@lib/credentials';

/**
 * A made-up but well-formed filing registry for the demo: people and
 * companies with valid ID numbers and credit codes, filing numbers from many
 * provinces, and a few websites each. Deterministic, so two demo databases
 * look alike.
 */
export interface DemoPerson {
  name: string;
  /** Romanised, for the generated ID card images. */
  latin: string;
  idNumber: string;
}

export interface DemoSubject {
  type: 'INDIVIDUAL' | 'ORGANIZATION';
  name: string;
  credentialNumber: string;
  filingNumber: string;
  province: string;
  accountEmail: string;
  aliyunAccountId: string | null;
  websites: { filingNumber: string; domain: string }[];
  /** The individual themselves, or the organization's legal representative. */
  administrator: DemoPerson;
}

const SURNAMES: [string, string][] = [
  ['王', 'WANG'],
  ['李', 'LI'],
  ['张', 'ZHANG'],
  ['刘', 'LIU'],
  ['陈', 'CHEN'],
  ['杨', 'YANG'],
  ['黄', 'HUANG'],
  ['赵', 'ZHAO'],
  ['吴', 'WU'],
  ['周', 'ZHOU'],
  ['徐', 'XU'],
  ['孙', 'SUN'],
  ['马', 'MA'],
  ['朱', 'ZHU'],
  ['胡', 'HU'],
  ['郭', 'GUO'],
];
const GIVEN: [string, string][] = [
  ['伟', 'WEI'],
  ['芳', 'FANG'],
  ['娜', 'NA'],
  ['敏', 'MIN'],
  ['静', 'JING'],
  ['丽', 'LI'],
  ['强', 'QIANG'],
  ['磊', 'LEI'],
  ['洋', 'YANG'],
  ['艳', 'YAN'],
  ['勇', 'YONG'],
  ['军', 'JUN'],
  ['杰', 'JIE'],
  ['涛', 'TAO'],
  ['明', 'MING'],
  ['超', 'CHAO'],
  ['晓明', 'XIAOMING'],
  ['建国', 'JIANGUO'],
  ['丽华', 'LIHUA'],
  ['志强', 'ZHIQIANG'],
];
const PROVINCES: { prefix: string; region: string; city: string }[] = [
  { prefix: '浙', region: '330106', city: '杭州' },
  { prefix: '京', region: '110105', city: '北京' },
  { prefix: '沪', region: '310115', city: '上海' },
  { prefix: '粤', region: '440305', city: '深圳' },
  { prefix: '苏', region: '320102', city: '南京' },
  { prefix: '蜀', region: '510104', city: '成都' },
  { prefix: '鄂', region: '420106', city: '武汉' },
  { prefix: '闽', region: '350203', city: '厦门' },
  { prefix: '鲁', region: '370102', city: '济南' },
  { prefix: '湘', region: '430104', city: '长沙' },
];
const COMPANY_WORDS = [
  '云帆',
  '星河',
  '青禾',
  '远航',
  '清源',
  '蓝海',
  '智联',
  '恒信',
  '新禾',
  '锦程',
  '卓越',
  '天启',
];
const COMPANY_KINDS = [
  '网络科技有限公司',
  '信息技术有限公司',
  '电子商务有限公司',
  '文化传媒有限公司',
  '软件有限公司',
];
const DOMAIN_WORDS = [
  'shop',
  'blog',
  'cloud',
  'studio',
  'tech',
  'mall',
  'news',
  'edu',
  'travel',
  'food',
];

/** A small deterministic random source (mulberry32), so the demo is the same every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;

export function makePerson(random: () => number, region = '330106'): DemoPerson {
  const [surname, surnameLatin] = pick(random, SURNAMES);
  const [given, givenLatin] = pick(random, GIVEN);
  const year = 1965 + Math.floor(random() * 35);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const body = `${region}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(Math.floor(random() * 999)).padStart(3, '0')}`;
  return {
    name: surname + given,
    latin: `${surnameLatin} ${givenLatin}`,
    idNumber: body + residentIdCheckCharacter(body),
  };
}

function creditCode(random: () => number, region: string): string {
  const orgBody = String(10_000_000 + Math.floor(random() * 89_999_999));
  const organizationCode = orgBody + organizationCodeCheckCharacter(orgBody);
  const body = `91${region}${organizationCode}`;
  return body + unifiedSocialCreditCodeCheckCharacter(body);
}

export function demoRegistry(count: number, random: () => number): DemoSubject[] {
  const subjects: DemoSubject[] = [];
  const usedNumbers = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    const province = pick(random, PROVINCES);
    const organization = random() < 0.45;
    const administrator = makePerson(random, province.region);
    let number: string;
    do {
      number =
        random() < 0.3
          ? String(Math.floor(random() * 89_999_999) + 10_000_000) // HiChina era: 8 digits
          : `${2019 + Math.floor(random() * 7)}${String(Math.floor(random() * 999_999)).padStart(6, '0')}`;
    } while (usedNumbers.has(number));
    usedNumbers.add(number);
    const filingNumber = `${province.prefix}ICP备${number}号`;
    const name = organization
      ? `${province.city}${pick(random, COMPANY_WORDS)}${pick(random, COMPANY_KINDS)}`
      : administrator.name;
    const sites = 1 + Math.floor(random() * 3);
    subjects.push({
      type: organization ? 'ORGANIZATION' : 'INDIVIDUAL',
      name,
      credentialNumber: organization ? creditCode(random, province.region) : administrator.idNumber,
      filingNumber,
      province: province.prefix,
      accountEmail: `icp${index + 1}@old-hichina.example.cn`,
      // About half the subjects were already moved to an Alibaba Cloud account.
      aliyunAccountId: random() < 0.5 ? String(1_000_000_000_000_000 + index * 7919) : null,
      websites: Array.from({ length: sites }, (_, site) => ({
        filingNumber: `${filingNumber}-${site + 1}`,
        domain: `${pick(random, DOMAIN_WORDS)}${index + 1}${site ? `-${site + 1}` : ''}.example.cn`,
      })),
      administrator,
    });
  }
  return subjects;
}
