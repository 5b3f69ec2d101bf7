import { normalizeInput } from './normalize.js';
import { validateOrganizationCode } from './organization-code.js';
import { validateUnifiedSocialCreditCode } from './unified-social-credit-code.js';

function compact(value: string): string {
  return normalizeInput(value).toUpperCase().replaceAll('-', '');
}

/**
 * Whether what an applicant typed and what the registry holds name the same
 * organization: the same credential once normalised, or a valid unified social
 * credit code whose positions 9–17 are the other's older organization code (the
 * HiChina-era registry may still hold `60003734-1` for `91110000600037341L`).
 */
export function sameOrganization(typed: string, registered: string): boolean {
  const a = compact(typed);
  const b = compact(registered);
  if (a.length === 0 || b.length === 0) return false;
  if (a === b) return true;
  return embedsOrganizationCode(a, b) || embedsOrganizationCode(b, a);
}

function embedsOrganizationCode(uscc: string, organizationCode: string): boolean {
  const credit = validateUnifiedSocialCreditCode(uscc);
  const code = validateOrganizationCode(organizationCode);
  return credit.valid && code.valid && credit.organizationCode === code.normalized;
}
