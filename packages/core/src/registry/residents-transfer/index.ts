export { type ExportResidentsInput, type ExportResidentsResult, exportResidents } from './export-residents';
export {
  type ImportProgress,
  type ImportResidentsInput,
  type ImportResidentsResult,
  importResidents,
} from './import-residents';
