import type { ResidentItems, ResidentRecord } from '../resident.types';
import { refuse } from '../resident-items.validation';
import type { MovementChange } from './commit-movement';
import { HEAD, type Relationships } from './movement.types';

/** A change to a person already on the register. */
export type ExistingChange = MovementChange & { readonly previous: ResidentRecord };

/** Exactly one 世帯主 among `personIds`, and a 続柄 for each of them (sections 100, 110, 730). */
export function checkRelationships(personIds: readonly string[], relationships: Relationships, field: string): void {
  const missing = personIds.filter((id) => !relationships[id]?.trim());
  if (missing.length > 0) refuse('RELATIONSHIP_REQUIRED', `${field}: a 続柄 is needed for every member`, { field });
  const extra = Object.keys(relationships).filter((id) => !personIds.includes(id));
  if (extra.length > 0) refuse('NOT_A_MEMBER', `${field}: names persons who are not members`, { field });
  const heads = personIds.filter((id) => relationships[id] === HEAD);
  if (heads.length !== 1) {
    refuse('HOUSEHOLD_HEAD', `${field}: a household needs exactly one 世帯主 (found ${heads.length})`, { field });
  }
}

/** Members renumbered head first, with their new 続柄 and household. */
export function reorder(
  members: readonly ResidentRecord[],
  relationships: Relationships,
  householdId: string,
): ExistingChange[] {
  // Head first, then everyone in the order given (household order; for a merge, hosts before guests).
  const position = new Map(members.map((m, i) => [m.personId, i]));
  const rank = (m: ResidentRecord) => (relationships[m.personId] === HEAD ? -1 : (position.get(m.personId) ?? 0));
  const sorted = [...members].sort((a, b) => rank(a) - rank(b));
  return sorted.map((member, i) => ({
    personId: member.personId,
    previous: member,
    items: {
      ...itemsOf(member),
      householdId,
      householdOrder: i + 1,
      relationship: relationships[member.personId] ?? member.relationship,
    },
  }));
}

/**
 * When members leave (転出, 死亡, 転居 of some, 世帯分離), the rest stay a household. If the head
 * left, the 続柄 of those who stay (with a new 世帯主) may be given; otherwise see below.
 */
export function remainingAfter(
  members: readonly ResidentRecord[],
  leavingIds: readonly string[],
  remainingRelationships: Relationships | undefined,
): MovementChange[] {
  const remaining = members.filter((m) => !leavingIds.includes(m.personId));
  const headLeaves = members.some((m) => leavingIds.includes(m.personId) && m.relationship === HEAD);
  if (remaining.length === 0) return [];
  if (!headLeaves) {
    if (remainingRelationships) {
      checkRelationships(
        remaining.map((m) => m.personId),
        remainingRelationships,
        'remainingRelationships',
      );
      return reorder(remaining, remainingRelationships, remaining[0]?.householdId as string);
    }
    return [];
  }
  if (!remainingRelationships) {
    // Section 490: one member left becomes 世帯主 ex officio; two or more are left without a head
    // (世帯主未設定 is allowed, section 100) until a 世帯主変更 is notified — the caller is told so.
    const only = remaining.length === 1 ? remaining[0] : undefined;
    return only ? reorder([only], { [only.personId]: HEAD }, only.householdId) : [];
  }
  checkRelationships(
    remaining.map((m) => m.personId),
    remainingRelationships,
    'remainingRelationships',
  );
  return reorder(remaining, remainingRelationships, remaining[0]?.householdId as string);
}

export function itemsOf(record: ResidentRecord): ResidentItems {
  const { lgCode: _l, personId: _p, version: _v, movement: _m, ...items } = record;
  return items;
}
