/**
 * NFKC folds full-width digits, letters and hyphens (`１２３`, `－`) to ASCII;
 * then every kind of space goes, and the remaining dash look-alikes become `-`.
 */
export function normalizeInput(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/[\u2010-\u2015\u2212\u30fc\uff70]/g, '-');
}
