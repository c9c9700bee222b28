import { randomUUID } from 'node:crypto';
import type { Database, DB } from '@madoguchi/db';
import type { Transaction } from 'kysely';
import type { Actor } from '../../actor';
import { appendAudit } from '../../audit';
import type { MovementReasonCode } from '../movement-reasons';
import type { ResidentItems, ResidentRecord } from '../resident.types';
import { refuse } from '../resident-items.validation';
import { appendVersions, headCounts } from '../resident-record.repository';

export interface MovementChange {
  readonly personId: string;
  /** The current version, or null for a person entered by this movement. */
  readonly previous: ResidentRecord | null;
  readonly items: ResidentItems;
}

export interface MovementDraft {
  readonly lgCode: string;
  readonly reasonCode: MovementReasonCode;
  readonly effectiveOn: string;
  readonly notifiedOn: string | null;
  readonly note?: string | null;
  readonly cancelsMovementId?: string | null;
  readonly changes: readonly MovementChange[];
}

export interface MovementResult {
  readonly movementId: string;
  readonly reasonCode: MovementReasonCode;
  readonly records: readonly ResidentRecord[];
  /** Use cases only: households left without a 世帯主 (a 世帯主変更依頼通知書 is due, section 500). */
  readonly householdsWithoutHead?: readonly string[];
  /** Households the movement touched (before and after), for checkHouseholdHeads. */
  readonly households: readonly string[];
}

/**
 * Writes one movement: a new version per person and the audit row, in the caller's transaction
 * (one movement = one transaction = one audit row, standard section 200).
 */
export async function commitMovement(
  trx: Transaction<DB>,
  actor: Actor,
  draft: MovementDraft,
): Promise<MovementResult> {
  const movementId = randomUUID();
  const processedAt = new Date();
  const records: ResidentRecord[] = draft.changes.map((change) => ({
    ...change.items,
    lgCode: draft.lgCode,
    personId: change.personId,
    version: (change.previous?.version ?? 0) + 1,
    movement: {
      movementId,
      reasonCode: draft.reasonCode,
      effectiveOn: draft.effectiveOn,
      notifiedOn: draft.notifiedOn,
      processedAt,
      operatorId: actor.id,
      cancelsMovementId: draft.cancelsMovementId ?? null,
      note: draft.note ?? null,
    },
  }));
  await appendVersions(trx, records);
  await appendAudit(trx, actor, [
    {
      lgCode: draft.lgCode,
      action: 'registry.movement.record',
      purpose: actor.purpose ?? 'resident-registration',
      result: 'allowed',
      dataCategory: 'basic-resident-record',
      subjectPersonIds: records.map((r) => r.personId),
      details: { movementId, reasonCode: draft.reasonCode, persons: records.length },
      occurredAt: processedAt,
    },
  ]);
  const households = [
    ...new Set(draft.changes.flatMap((c) => [c.items.householdId, c.previous?.householdId ?? c.items.householdId])),
  ];
  return { movementId, reasonCode: draft.reasonCode, records, households };
}

/**
 * No household on the register has more than one 世帯主 once the movements of a transaction are
 * written (sections 100, 110), or the whole transaction is refused. Returns the households left
 * without a 世帯主 (allowed, section 100): a 世帯主変更依頼通知書 is due (sections 490, 500).
 */
async function checkHouseholdHeads(
  trx: Transaction<DB>,
  lgCode: string,
  householdIds: readonly string[],
): Promise<string[]> {
  const heads = await headCounts(trx, lgCode, householdIds);
  const several = heads.filter((h) => h.heads > 1).map((h) => h.householdId);
  if (several.length > 0) {
    refuse('HOUSEHOLD_HEAD', 'after this movement a household would have more than one 世帯主', {
      householdIds: several,
    });
  }
  return heads.filter((h) => h.heads === 0).map((h) => h.householdId);
}

type Commit = (actor: Actor, draft: MovementDraft) => Promise<MovementResult>;

/**
 * One transaction for a use case's movements: `commit` writes each movement, and before the
 * transaction commits every household touched is checked to have exactly one 世帯主.
 */
export async function inMovementTransaction<T>(
  scope: MovementScope,
  lgCode: string,
  fn: (trx: Transaction<DB>, commit: Commit) => Promise<T>,
): Promise<T & { householdsWithoutHead: string[] }> {
  const run = async (trx: Transaction<DB>) => {
    const results: MovementResult[] = [];
    const value = await fn(trx, async (actor, draft) => {
      const result = await commitMovement(trx, actor, draft);
      results.push(result);
      return result;
    });
    const households = [...new Set(results.flatMap((r) => r.households))];
    const householdsWithoutHead = await checkHouseholdHeads(trx, lgCode, households);
    return { ...value, householdsWithoutHead };
  };
  return 'kysely' in scope ? scope.kysely.transaction().execute(run) : run(scope);
}

/**
 * Where a movement runs: its own transaction on the database, or a transaction the caller holds,
 * when the movement is part of a larger change (an approved 転居届 records the relocation in the
 * transaction of the decision).
 */
export type MovementScope = Database | Transaction<DB>;
