import type { ResidentRecord } from './resident.types';

/**
 * The version in force on `date` (standard section 200: any past state can be reproduced):
 * the latest version effective on or before the date, leaving out versions whose movement was
 * cancelled (異動の取消し) and the cancelling versions themselves, which only restore what the
 * cancelled movement replaced. Null when the person was not yet on the register.
 */
export function recordAsOf(history: readonly ResidentRecord[], date: string): ResidentRecord | null {
  const cancelled = new Set(history.map((v) => v.movement.cancelsMovementId).filter((id) => id !== null));
  let best: ResidentRecord | null = null;
  for (const version of history) {
    if (version.movement.cancelsMovementId !== null || cancelled.has(version.movement.movementId)) continue;
    if (version.movement.effectiveOn > date) continue;
    if (
      best === null ||
      version.movement.effectiveOn > best.movement.effectiveOn ||
      (version.movement.effectiveOn === best.movement.effectiveOn && version.version > best.version)
    ) {
      best = version;
    }
  }
  return best;
}
