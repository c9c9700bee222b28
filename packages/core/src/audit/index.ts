export { type AccessLogEntry, holdAccessLogEntry, listMyAccessLog } from './access-log';
export { appendAudit, auditRowsCte } from './append-audit';
export { findAuditRecords } from './audit.repository';
export type { AuditEvent, AuditRecord, AuditResult } from './audit.types';
export { ACTIONS_SHOWN_TO_RESIDENTS, AUDIT_ACTIONS, type AuditAction } from './audit-actions';
export { type Checkpoint, createCheckpoint, findCheckpoints } from './audit-checkpoint';
export { canonicalRecord, chainHash, ENCODING_VERSION, genesisHash, type HashableRecord } from './audit-hash';
export {
  auditKeyFile,
  createAuditKeyFile,
  keyIdOf,
  loadAuditPrivateKey,
  loadPublicKeyFile,
  registerAuditKey,
} from './audit-keys';
export type { AuditProblem, BadPosition } from './audit-problems';
export { type AuditSealerLog, sealAuditLog, startAuditSealer } from './seal-audit-log';
export { type AuditVerification, type VerifyOptions, verifyAuditChain } from './verify-audit-chain';
