export { CsvEncodingError, type CsvTextEncoding, decodeCsvBytes } from './decode-csv-bytes';
export { type FormatResidentsV1Options, formatResidentsV1 } from './format-residents-v1';
export {
  type ParseResidentsV1Options,
  type ParseResidentsV1Result,
  PROGRESS_EVERY,
  parseResidentsV1,
} from './parse-residents-v1';
export * from './residents-v1.types';
export {
  MAX_LISTED_PROBLEMS,
  RESIDENTS_V1_PROBLEM_CODES,
  type ResidentsV1ProblemCode,
} from './residents-v1-problems';
