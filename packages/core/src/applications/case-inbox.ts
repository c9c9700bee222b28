import type { Database } from '@madoguchi/db';
import { sql } from 'kysely';
import type { StaffPrincipal } from '../access/access.types';
import { authorizeStaff } from '../access/authorize';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import type { ProcedureDefinition } from '../procedures/procedure-definition.types';
import { todayInJapan } from '../registry/clock';
import type { ApplicationStatus } from './application.types';

export interface CaseFilters {
  readonly department?: string;
  readonly procedureId?: string;
  readonly status?: ApplicationStatus;
  /** true: not yet decided or withdrawn; false: closed. */
  readonly open?: boolean;
  /** Open and past the target date. */
  readonly overdue?: boolean;
  readonly assignedToMe?: boolean;
  readonly limit?: number;
}

export interface CaseSummary {
  readonly applicationId: string;
  readonly procedureId: string;
  readonly procedureVersion: number;
  readonly names: ProcedureDefinition['names'];
  readonly department: string;
  readonly status: ApplicationStatus;
  readonly receiptNo: string;
  readonly channel: string;
  readonly submittedAt: Date;
  readonly dueOn: string;
  readonly overdue: boolean;
  readonly assignedTo: string | null;
}

const OPEN = ['submitted', 'in-review', 'information-requested'] as const;
const MAX_LIMIT = 200;

/**
 * A department's inbox: submitted applications the staff member may read (their departments, the
 * procedure's sensitivity within their grants), oldest target date first. Lists no personal data but
 * the receipt number; opening a case is its own audited read. The listing is an audit row too.
 */
export async function findCases(
  db: Database,
  actor: Actor,
  input: { readonly lgCode: string; readonly principal: StaffPrincipal; readonly filters: CaseFilters },
): Promise<{ readonly cases: CaseSummary[]; readonly truncated: boolean }> {
  const { filters, principal } = input;
  const limit = filters.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new AppError('VALIDATION_FAILED', '1 field(s) are invalid', {
      problems: [{ field: 'limit', message: `must be an integer from 1 to ${MAX_LIMIT}` }],
    });
  }
  const departments = filters.department ? [filters.department] : [...principal.departments];
  if (departments.length === 0) return { cases: [], truncated: false };
  const today = todayInJapan();
  let query = db.kysely
    .selectFrom('application as a')
    .innerJoin('procedure_version as p', (join) =>
      join
        .onRef('p.lg_code', '=', 'a.lg_code')
        .onRef('p.procedure_id', '=', 'a.procedure_id')
        .onRef('p.version', '=', 'a.procedure_version'),
    )
    .select([
      'a.application_id',
      'a.procedure_id',
      'a.procedure_version',
      'a.department',
      'a.status',
      'a.receipt_no',
      'a.channel',
      'a.submitted_at',
      'a.due_on',
      'a.assigned_to',
      'a.applicant_person_id',
      sql<ProcedureDefinition['names']>`p.definition->'names'`.as('names'),
      sql<string>`p.definition->>'sensitivity'`.as('sensitivity'),
    ])
    .where('a.lg_code', '=', input.lgCode)
    .where('a.department', 'in', departments)
    .where('a.status', '!=', 'draft');
  if (filters.procedureId) query = query.where('a.procedure_id', '=', filters.procedureId);
  if (filters.status) query = query.where('a.status', '=', filters.status);
  if (filters.open === true || filters.overdue) query = query.where('a.status', 'in', OPEN);
  if (filters.open === false) query = query.where('a.status', 'not in', OPEN);
  if (filters.overdue) query = query.where('a.due_on', '<', today);
  if (filters.assignedToMe) query = query.where('a.assigned_to', '=', principal.staffId);
  const rows = await query
    .orderBy('a.due_on')
    .orderBy('a.submitted_at')
    .limit(limit + 1)
    .execute();
  const allowed = rows.filter(
    (r) =>
      authorizeStaff(principal, {
        permission: 'procedure.case.read',
        sensitivity: r.sensitivity as 'personal',
        department: r.department,
      }).allowed,
  );
  const page = allowed.slice(0, limit);
  await db.kysely.transaction().execute((trx) =>
    appendAudit(trx, actor, [
      {
        lgCode: input.lgCode,
        action: 'application.case.list',
        purpose: 'case-handling',
        result: 'allowed',
        subjectPersonIds: page.map((r) => r.applicant_person_id),
        details: {
          filters: Object.keys(filters).filter((k) => filters[k as keyof CaseFilters] !== undefined),
          found: page.length,
        },
      },
    ]),
  );
  return {
    truncated: allowed.length > limit,
    cases: page.map((r) => ({
      applicationId: r.application_id,
      procedureId: r.procedure_id,
      procedureVersion: r.procedure_version,
      names: r.names,
      department: r.department,
      status: r.status,
      receiptNo: r.receipt_no as string,
      channel: r.channel,
      submittedAt: r.submitted_at as Date,
      dueOn: r.due_on as string,
      overdue: (OPEN as readonly string[]).includes(r.status) && (r.due_on as string) < today,
      assignedTo: r.assigned_to,
    })),
  };
}
