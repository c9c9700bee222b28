export { createTestDatabase, testEngine } from './test-database';
