import type { Database } from '@madoguchi/db';
import type { StaffPrincipal } from '../access/access.types';
import type { Actor } from '../actor';
import type { AssuranceLevel } from '../identity/session/session.types';
import { syncProcedureCatalog } from '../procedures';
import { addDays, todayInJapan } from '../registry/clock';
import { recordMoveIn } from '../registry/movements';
import { clerk, DEMO_ADDRESS, LG, person, registryTestDatabase } from '../registry/test-fixtures';
import type { Viewer } from './application-access';
import { submitNewApplication } from './submit-new-application';

/** A municipality with the standard catalog and one household: a parent and two children. */
export async function applicationsTestDatabase(): Promise<{
  db: Database;
  parent: string;
  children: [string, string];
}> {
  const db = await registryTestDatabase();
  await syncProcedureCatalog(db, { kind: 'operator', id: 'test' }, LG);
  const today = todayInJapan();
  const moved = await recordMoveIn(db, clerk, {
    lgCode: LG,
    effectiveOn: addDays(today, -30),
    notifiedOn: addDays(today, -30),
    previousAddress: 'デモ県サンプル町1番',
    destination: DEMO_ADDRESS,
    persons: [
      person({ givenName: '花子', sex: 2, birthDate: '1988-05-05' }),
      person({ relationship: '子', givenName: '一郎', birthDate: addDays(today, -365 * 6) }),
      person({ relationship: '子', givenName: '𠮷子', sex: 2, birthDate: addDays(today, -365 * 2) }),
    ],
  });
  const [parent, first, second] = moved.personIds as [string, string, string];
  return { db, parent, children: [first, second] };
}

export function residentOf(
  personId: string,
  assuranceLevel: AssuranceLevel = 3,
): {
  actor: Actor;
  viewer: Viewer & { readonly kind: 'resident' };
} {
  return {
    actor: { kind: 'resident', id: personId, purpose: 'online-services' },
    viewer: { kind: 'resident', personId, assuranceLevel },
  };
}

export function caseWorker(
  departments: string[] = ['child-support'],
  roles = ['case-worker'],
  zone: NonNullable<StaffPrincipal['zone']> = 'lgwan',
) {
  const principal: StaffPrincipal = { staffId: 'staff-cw-01', roles, departments, zone };
  const actor: Actor = { kind: 'staff', id: principal.staffId, zone, department: departments[0] };
  return { principal, actor, viewer: { kind: 'staff', principal } as Viewer };
}

/** A bank account for the tests' answers (obviously fictitious). */
export const BANK = {
  bankName: 'デモ銀行',
  branchName: '本店',
  accountType: 'ordinary',
  accountNumber: '1234567',
  accountHolderKana: 'デモ ハナコ',
};

/** The child allowance's answers that the register cannot fill in, but the children's. */
export const CHILD_ALLOWANCE_ANSWERS = {
  phone: '090-1234-5678',
  pension: 'employees-pension',
  hasSpouse: 'no',
  bank: BANK,
};

/** The resident's one-call online submission of the child allowance, naming one child. */
export function submitChildAllowance(
  db: Database,
  applicant: string,
  child: { readonly fullName: string; readonly birthDate: string },
  answers: Record<string, unknown> = {
    ...CHILD_ALLOWANCE_ANSWERS,
    children: [{ ...child, livesWithApplicant: 'yes' }],
  },
) {
  return submitNewApplication(db, residentOf(applicant).actor, {
    lgCode: LG,
    procedureId: 'child-allowance',
    applicantPersonId: applicant,
    channel: 'online',
    assuranceLevel: 3,
    declaration: true,
    answers,
  });
}

export { LG };
