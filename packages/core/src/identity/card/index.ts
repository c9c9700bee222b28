export { readCardCertificate, signChallenge } from './card-signer';
export {
  assertChallengeUsable,
  CHALLENGE_TTL_MS,
  type ChallengeRecord,
  challengeExpiresAt,
  createChallenge,
} from './challenge';
export { initDevCa } from './dev-ca';
export { refreshDevCrl, revokeCard } from './dev-ca-crl';
export { CARD_FILES, DEV_CA_FILES, DEV_CA_NAME } from './dev-ca-files';
export { type IssueCardOptions, type IssuedCard, issueCard } from './dev-ca-issue';
export {
  loadTrustStore,
  loadTrustStoreFromFiles,
  revocationWarnings,
  type TrustAnchor,
  type TrustedCrl,
  type TrustStore,
  type TrustStoreInput,
} from './trust-store';
export { type CardSignatureInput, type VerifiedCard, verifyCardSignature } from './verify-card-signature';
