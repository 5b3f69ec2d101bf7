/** The province a filing number's prefix stands for, as reviewers name it. */
export const PROVINCE_NAMES: Readonly<Record<string, string>> = {
  京: 'Beijing',
  津: 'Tianjin',
  冀: 'Hebei',
  晋: 'Shanxi',
  蒙: 'Inner Mongolia',
  辽: 'Liaoning',
  吉: 'Jilin',
  黑: 'Heilongjiang',
  沪: 'Shanghai',
  苏: 'Jiangsu',
  浙: 'Zhejiang',
  皖: 'Anhui',
  闽: 'Fujian',
  赣: 'Jiangxi',
  鲁: 'Shandong',
  豫: 'Henan',
  鄂: 'Hubei',
  湘: 'Hunan',
  粤: 'Guangdong',
  桂: 'Guangxi',
  琼: 'Hainan',
  渝: 'Chongqing',
  蜀: 'Sichuan',
  黔: 'Guizhou',
  滇: 'Yunnan',
  藏: 'Tibet',
  陕: 'Shaanxi',
  陇: 'Gansu',
  青: 'Qinghai',
  宁: 'Ningxia',
  新: 'Xinjiang',
};

const PROVINCE_LABELS = new Map(
  Object.entries(PROVINCE_NAMES).map(([prefix, name]) => [prefix, `${prefix} ${name}`]),
);

/** "浙 Zhejiang", or the prefix alone when it is not an official one. */
export function provinceLabel(prefix: string | null): string {
  if (!prefix) return '';
  return PROVINCE_LABELS.get(prefix) ?? prefix;
}
