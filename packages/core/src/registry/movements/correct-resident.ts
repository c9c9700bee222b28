import type { Database } from '@madoguchi/db';
import type { Actor } from '../../actor';
import { AppError } from '../../errors';
import { todayInJapan } from '../clock';
import type { ResidentItems } from '../resident.types';
import { assertNoProblems, itemProblems, refuse } from '../resident-items.validation';
import { lockCurrent } from '../resident-record.repository';
import { inMovementTransaction, type MovementResult } from './commit-movement';
import { itemsOf } from './household-rules';

/** Items a correction may change; household, status and address have movements of their own. */
export const CORRECTABLE_ITEMS = [
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'kanaCertified',
  'aliasName',
  'formerFamilyName',
  'birthDate',
  'sex',
  'honseki',
  'hittosha',
  'becameResidentOn',
  'postalCode',
  'addressDetail',
  'previousAddress',
  'residentCode',
  'nationality',
  'residenceStatus',
  'residenceExpiry',
  'foreignResidentCategory',
] as const;
export type CorrectableItem = (typeof CORRECTABLE_ITEMS)[number];

/** Items that cannot be emptied by a correction. */
const REQUIRED: ReadonlySet<string> = new Set([
  'familyName',
  'givenName',
  'birthDate',
  'sex',
  'becameResidentOn',
  'kanaCertified',
]);

export type CorrectionKind =
  | 'ex-officio-correction'
  | 'clerical-error-correction'
  | 'minor-correction'
  | 'former-name-entry'
  | 'alias-name-entry';

export interface CorrectResidentInput {
  readonly lgCode: string;
  readonly personId: string;
  /** 職権修正, 誤記修正, 軽微な修正, 旧氏の記載, 通称の記載 (sections 840–860, 70). */
  readonly kind: CorrectionKind;
  readonly changes: Partial<Pick<ResidentItems, CorrectableItem>>;
  /** Why: required, kept with the version (e.g. 戸籍照合により訂正). */
  readonly reason: string;
  readonly notifiedOn?: string | null;
}

/** 修正 / 誤記修正: a new version with the corrected items and the reason; the old one stays as it was. */
export async function correctResident(
  db: Database,
  actor: Actor,
  input: CorrectResidentInput,
): Promise<MovementResult> {
  if (!input.reason.trim()) {
    throw new AppError('VALIDATION_FAILED', '1 field(s) are invalid', {
      problems: [{ field: 'reason', message: 'is required: say why the record is corrected' }],
    });
  }
  const unknown = Object.keys(input.changes).filter((k) => !(CORRECTABLE_ITEMS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', `${unknown.length} field(s) are invalid`, {
      problems: unknown.map((k) => ({
        field: `changes.${k}`,
        message: 'cannot be corrected (use the movement for it)',
      })),
    });
  }
  const mistyped = Object.entries(input.changes).flatMap(([key, value]) => {
    const expected = key === 'kanaCertified' ? 'boolean' : key === 'sex' ? 'number' : 'string';
    const ok = typeof value === expected || (value === null && expected === 'string' && !REQUIRED.has(key));
    return ok
      ? []
      : [{ field: `changes.${key}`, message: `must be a ${expected}${REQUIRED.has(key) ? '' : ' or null'}` }];
  });
  if (mistyped.length > 0) {
    throw new AppError('VALIDATION_FAILED', `${mistyped.length} field(s) are invalid`, { problems: mistyped });
  }
  const today = todayInJapan();
  return inMovementTransaction(db, input.lgCode, async (trx, commit) => {
    const [current] = await lockCurrent(trx, input.lgCode, [input.personId]);
    if (!current)
      throw new AppError('RESIDENT_NOT_FOUND', 'no person with that number is on the register', { field: 'personId' });
    const items: ResidentItems = { ...itemsOf(current), ...input.changes };
    const changed = Object.keys(input.changes).filter(
      (k) => items[k as CorrectableItem] !== current[k as CorrectableItem],
    );
    if (changed.length === 0) refuse('NO_CHANGE', 'the correction changes nothing', { field: 'changes' });
    assertNoProblems(itemProblems(items, 'changes.', today).filter((p) => changed.some((k) => p.field.endsWith(k))));
    return commit(actor, {
      lgCode: input.lgCode,
      reasonCode: input.kind,
      effectiveOn: today,
      notifiedOn: input.notifiedOn ?? null,
      note: input.reason.trim(),
      changes: [{ personId: current.personId, previous: current, items }],
    });
  });
}
