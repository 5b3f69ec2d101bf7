/**
 * Test-side makers of valid resident ID numbers and credit codes, computed
 * from the standards independently of libs/credentials.
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11643: region (6) + birth date (8) + sequence (3) + check. */
export function residentId(region = '330106', birth = '19900307', sequence = 123): string {
  const body = `${region}${birth}${String(sequence).padStart(3, '0')}`;
  const sum = [...body].reduce(
    (total, digit, index) => total + Number(digit) * ID_WEIGHTS[index]!,
    0,
  );
  return body + '10X98765432'[sum % 11]!;
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100 with an embedded GB 11714 organization code. */
export function creditCode(
  division = '330106',
  organizationBody = '7' + String(Date.now() % 10_000_000).padStart(7, '0'),
): string {
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  const orgSum = [...organizationBody].reduce(
    (total, char, index) => total + parseInt(char, 36) * orgWeights[index]!,
    0,
  );
  const orgCheck = 11 - (orgSum % 11);
  const organizationCode =
    organizationBody + (orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck));
  const body = `91${division}${organizationCode}`;
  const sum = [...body].reduce(
    (total, char, index) => total + USCC_ALPHABET.indexOf(char) * USCC_WEIGHTS[index]!,
    0,
  );
  return body + USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

let counter = 0;
/** A fresh subject filing number, 10 digits (year + 6), so tests never collide. */
export function filingNumber(province = '浙'): string {
  counter += 1;
  const six = String((Date.now() * 7 + counter * 7919) % 1_000_000).padStart(6, '0');
  return `${province}ICP备2026${six}号`;
}
