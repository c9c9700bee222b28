import type { QuestionDefinition } from '../procedures/procedure-definition';

/** A household member as the register fills them in; the item is kept whole when ticked. */
export type MemberItem = Readonly<Record<string, unknown>>;

export interface LocationDraft {
  readonly latitude: string;
  readonly longitude: string;
  readonly description: string;
}

/** What a control holds while the resident edits: text as typed, the ticked choices or members. */
export type DraftValue = string | readonly string[] | LocationDraft | readonly MemberItem[];

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export function toDraft(question: QuestionDefinition, value: unknown): DraftValue {
  switch (question.input) {
    case 'checkboxes':
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    case 'household-members':
      return Array.isArray(value) ? value.filter((v): v is MemberItem => typeof v === 'object' && v !== null) : [];
    case 'location': {
      const place = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
      return { latitude: text(place.latitude), longitude: text(place.longitude), description: text(place.description) };
    }
    default:
      return text(value);
  }
}

/**
 * A typed number, as JSON: full-width digits (０-９, common with Japanese keyboards) read as digits.
 * What is not a number is sent as typed, so the server's WRONG_TYPE names the field.
 */
export function numberFromText(typed: string): number | string | undefined {
  const halfWidth = typed
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[−ー－]/g, '-');
  if (halfWidth === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(halfWidth) ? Number(halfWidth) : halfWidth;
}

function locationFromDraft(draft: LocationDraft): Record<string, unknown> | undefined {
  const place = {
    latitude: numberFromText(draft.latitude),
    longitude: numberFromText(draft.longitude),
    description: draft.description.trim() || undefined,
  };
  const given = Object.entries(place).filter(([, v]) => v !== undefined);
  return given.length === 0 ? undefined : Object.fromEntries(given);
}

/**
 * The answer to send for what a control holds; undefined leaves it out. Empty text is left out
 * rather than sent as "", so a required answer is reported as missing (REQUIRED), not as malformed.
 */
export function fromDraft(question: QuestionDefinition, draft: DraftValue | undefined): unknown {
  if (draft === undefined) return undefined;
  switch (question.input) {
    case 'checkboxes':
    case 'household-members':
      return Array.isArray(draft) && draft.length > 0 ? draft : undefined;
    case 'location':
      return locationFromDraft(draft as LocationDraft);
    case 'number':
      return numberFromText(draft as string);
    default: {
      const typed = (draft as string).trim();
      return typed === '' ? undefined : typed;
    }
  }
}
