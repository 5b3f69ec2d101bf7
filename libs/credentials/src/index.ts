export {
  validateResidentIdNumber,
  residentIdCheckCharacter,
  type ResidentIdNumberResult,
} from './resident-id-number.js';
export {
  validateUnifiedSocialCreditCode,
  unifiedSocialCreditCodeCheckCharacter,
  USCC_ALPHABET,
  type UnifiedSocialCreditCodeResult,
} from './unified-social-credit-code.js';
export {
  validateOrganizationCode,
  organizationCodeCheckCharacter,
  type OrganizationCodeResult,
} from './organization-code.js';
export {
  validateBusinessRegistrationNumber,
  businessRegistrationCheckDigit,
  type BusinessRegistrationNumberResult,
} from './business-registration-number.js';
export { sameOrganization } from './same-organization.js';
export {
  parseIcpFilingNumber,
  ICP_PROVINCE_PREFIXES,
  type IcpFilingNumber,
  type IcpFilingNumberKind,
  type IcpFilingNumberResult,
} from './icp-filing-number.js';
export { normalizeInput } from './normalize.js';
