import type { MemberItem } from './draft-values';

/**
 * What the form remembers between its pages, in memory only (never in storage: these are names
 * and dates of birth), for as long as the tab keeps the app loaded.
 */
const offeredMembers = new Map<string, MemberItem[]>();
const unsavedItems = new Map<string, unknown[]>();

const keyOf = (applicationId: string, path: string) => `${applicationId}/${path}`;
const memberKey = (member: MemberItem) => String(member.personId ?? member.fullName ?? JSON.stringify(member));

/**
 * The household members to offer: everyone the register filled in, also after some were unticked
 * and saved (the saved answer then lists only the ticked ones).
 */
export function membersToOffer(applicationId: string, path: string, current: readonly MemberItem[]): MemberItem[] {
  const key = keyOf(applicationId, path);
  const known = offeredMembers.get(key) ?? [];
  const seen = new Set(known.map(memberKey));
  const merged = [...known, ...current.filter((member) => !seen.has(memberKey(member)))];
  offeredMembers.set(key, merged);
  return merged;
}

export function sameMember(a: MemberItem, b: MemberItem): boolean {
  return memberKey(a) === memberKey(b);
}

/**
 * The items of a repeating page not yet saved. The server checks the whole array when one item is
 * saved, so an item can only be stored once the others are complete too (say, children filled in
 * from the register still missing an answer); until then the edits wait here.
 */
export function unsavedItemsOf(applicationId: string, field: string): unknown[] | undefined {
  return unsavedItems.get(keyOf(applicationId, field));
}

export function keepUnsavedItems(applicationId: string, field: string, items: unknown[] | undefined): void {
  if (items) unsavedItems.set(keyOf(applicationId, field), items);
  else unsavedItems.delete(keyOf(applicationId, field));
}

/** After submitting (or withdrawing) nothing of the form is needed any more. */
export function forgetApplication(applicationId: string): void {
  for (const map of [offeredMembers, unsavedItems]) {
    for (const key of map.keys()) if (key.startsWith(`${applicationId}/`)) map.delete(key);
  }
}
