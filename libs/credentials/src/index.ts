export {
  validateResidentIdNumber,
  residentIdCheckCharacter,
  PROVINCE_CODES,
  type ResidentIdNumberRefusal,
  type ResidentIdNumberResult,
} from './resident-id-number.js';
export {
  validateUnifiedSocialCreditCode,
  unifiedSocialCreditCodeCheckCharacter,
  USCC_ALPHABET,
  USCC_ENTITY_CATEGORIES,
  type UnifiedSocialCreditCodeRefusal,
  type UnifiedSocialCreditCodeResult,
} from './unified-social-credit-code.js';
export {
  validateOrganizationCode,
  organizationCodeCheckCharacter,
  type OrganizationCodeRefusal,
  type OrganizationCodeResult,
} from './organization-code.js';
export {
  validateBusinessRegistrationNumber,
  businessRegistrationCheckDigit,
  type BusinessRegistrationNumberRefusal,
  type BusinessRegistrationNumberResult,
} from './business-registration-number.js';
export { sameOrganization } from './same-organization.js';
export {
  parseIcpFilingNumber,
  ICP_PROVINCE_PREFIXES,
  type IcpFilingNumber,
  type IcpFilingNumberKind,
  type IcpFilingNumberRefusal,
  type IcpFilingNumberResult,
} from './icp-filing-number.js';
export { normalizeInput } from './normalize.js';
