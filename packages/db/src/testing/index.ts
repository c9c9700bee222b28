export { sealedAudit } from './sealed-audit';
export { serverErrorQuoting } from './server-error';
export { createTestDatabase, testEngine } from './test-database';
export { createTestTarget, type TestTarget } from './test-target';
