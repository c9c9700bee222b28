import type { LocalizedText } from './procedure-definition';

/**
 * One procedure of `GET /api/v1/tenants/{lgCode}/procedures`, the municipality's catalog: the
 * resident's catalog lists them, the staff inbox filters by them.
 */
export interface ProcedureSummary {
  readonly procedureId: string;
  readonly version: number;
  readonly names: LocalizedText;
  readonly summary: LocalizedText;
  readonly department: string;
  readonly minimumAssurance: number;
  readonly processingDays: number;
  readonly fee: LocalizedText | null;
}
