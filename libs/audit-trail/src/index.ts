export {
  AuditChain,
  GENESIS_HASH,
  hashAuditEvent,
  type AuditEventInput,
  type ChainedAuditEvent,
  type ChainHead,
  type SqlExecutor,
} from './audit-chain.js';
export { verifyAuditChain, type VerificationReport, type ChainBreak } from './verify-chain.js';
