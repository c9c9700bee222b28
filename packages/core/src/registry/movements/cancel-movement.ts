import type { Database } from '@madoguchi/db';
import type { Actor } from '../../actor';
import { AppError } from '../../errors';
import { todayInJapan } from '../clock';
import { movementReason } from '../movement-reasons';
import type { ResidentItems } from '../resident.types';
import { findHistory, findMovementVersions, lockCurrent } from '../resident-record.repository';
import { inMovementTransaction, type MovementChange, type MovementResult } from './commit-movement';
import { itemsOf } from './household-rules';

export interface CancelMovementInput {
  readonly lgCode: string;
  readonly movementId: string;
  readonly reason: string;
}

/**
 * 異動の取消し (section 210): restores, for every person of the movement, the version before it.
 * Only the latest movement of each person can be cancelled (later ones would rest on it), and a
 * movement only once. Cancelling an entry removes the person again (記載の取消し).
 */
export async function cancelMovement(db: Database, actor: Actor, input: CancelMovementInput): Promise<MovementResult> {
  if (!input.reason.trim()) {
    throw new AppError('VALIDATION_FAILED', '1 field(s) are invalid', {
      problems: [{ field: 'reason', message: 'is required: say why the movement is cancelled' }],
    });
  }
  return inMovementTransaction(db, input.lgCode, async (trx, commit) => {
    const versions = await findMovementVersions(trx, input.lgCode, input.movementId);
    const first = versions[0];
    if (!first) throw new AppError('MOVEMENT_NOT_FOUND', 'no movement with that id', { field: 'movementId' });
    if (first.movement.cancelsMovementId !== null) {
      throw new AppError('MOVEMENT_REFUSED', 'a cancellation cannot itself be cancelled; record the change again', {
        rule: 'CANCEL_OF_CANCEL',
      });
    }
    const current = await lockCurrent(
      trx,
      input.lgCode,
      versions.map((v) => v.personId),
    );
    const changes: MovementChange[] = [];
    for (const version of versions) {
      const now = current.find((c) => c.personId === version.personId);
      const history = await findHistory(trx, input.lgCode, version.personId);
      // Cancellations and what they cancelled are out of the story; the movement must be the last in it.
      const cancelled = new Set(history.map((h) => h.movement.cancelsMovementId).filter((id) => id !== null));
      const live = history.filter(
        (h) => h.movement.cancelsMovementId === null && !cancelled.has(h.movement.movementId),
      );
      if (!now || live.at(-1)?.version !== version.version) {
        throw new AppError(
          'MOVEMENT_SUPERSEDED',
          'a later movement changed a person of this movement (or it was cancelled already): cancel the later one first',
          { field: 'movementId' },
        );
      }
      const before = live.at(-2);
      const items: ResidentItems = before
        ? itemsOf(before)
        : {
            ...itemsOf(version),
            status: 'removed',
            removalReason: '記載の取消し',
            removedOn: version.movement.effectiveOn,
          };
      changes.push({ personId: version.personId, previous: now, items });
    }
    const effect = movementReason(first.movement.reasonCode).effect;
    return commit(actor, {
      lgCode: input.lgCode,
      reasonCode: effect === 'entry' ? 'cancel-removal' : effect === 'removal' ? 'cancel-entry' : 'cancel-change',
      effectiveOn: todayInJapan(),
      notifiedOn: null,
      note: input.reason.trim(),
      cancelsMovementId: input.movementId,
      changes,
    });
  });
}
