export { sealedAudit } from './sealed-audit';
export { createTestDatabase, testEngine } from './test-database';
export { createTestTarget, type TestTarget } from './test-target';
