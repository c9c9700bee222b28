export { EXIT, type ExitCode } from './exit-codes';
export type { Io } from './io';
export { run } from './run';
