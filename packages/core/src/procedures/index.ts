export { CATALOG_DIR, readCatalogFiles } from './catalog-files';
export { checkProcedureDefinition, type DefinitionProblem } from './check-procedure-definition';
export { conditionHolds } from './conditions';
export type { StoredProcedureVersion } from './procedure.repository';
export { getProcedure, listProcedures, type ProcedureSummary, syncProcedureCatalog } from './procedure-catalog';
export type * from './procedure-definition.types';
export { DEPARTMENTS, PROCEDURE_LOCALES } from './procedure-definition.types';
export { definitionDigest, type PublishResult, publishProcedure, retireProcedure } from './publish-procedure';
