import type { DB } from '@madoguchi/db';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../errors';
import { type SchemaNode, schemaAt } from '../procedures/answer-schema';
import type { PrefillSource, ProcedureDefinition } from '../procedures/procedure-definition.types';
import type { ResidentRecord } from '../registry/resident.types';
import { type PrefillRecords, readForPrefill } from '../registry/residents';

/** Answers filled in from the register, and the paths the resident may not change. */
export interface Prefilled {
  readonly answers: Record<string, unknown>;
  readonly locked: string[];
  /** Persons whose register data went into the answers (for the audit row). */
  readonly personIds: string[];
}

const fullName = (r: Partial<ResidentRecord>) => [r.familyName, r.givenName].filter(Boolean).join(' ');
const fullNameKana = (r: Partial<ResidentRecord>) =>
  [r.familyNameKana, r.givenNameKana].filter(Boolean).join(' ') || undefined;

const member = (r: Partial<ResidentRecord>) => ({
  personId: r.personId,
  fullName: fullName(r),
  birthDate: r.birthDate,
  relationship: r.relationship,
});

/**
 * A child for the child allowance (児童手当法第3条): until the first 31 March after the 18th
 * birthday; related to the head as a child or grandchild.
 */
export function isChildOfHousehold(record: Partial<ResidentRecord>, today: string): boolean {
  if (!record.birthDate || !record.relationship || !/子|孫/.test(record.relationship)) return false;
  const [y, m] = record.birthDate.split('-').map(Number) as [number, number];
  // The 18th birthday falls in year y + 18; the first 31 March on or after it ends the entitlement.
  const endYear = m > 3 ? y + 19 : y + 18;
  const lastDay = `${endYear}-03-31`;
  return record.birthDate <= today && today <= lastDay;
}

function sourceValue(source: PrefillSource, records: PrefillRecords, today: string): unknown {
  const a = records.applicant;
  switch (source) {
    case 'applicant.fullName':
      return fullName(a) || undefined;
    case 'applicant.fullNameKana':
      return fullNameKana(a);
    case 'applicant.birthDate':
      return a.birthDate;
    case 'applicant.sex':
      return a.sex === undefined ? undefined : String(a.sex);
    case 'applicant.postalCode':
      return a.postalCode ?? undefined;
    case 'applicant.address':
      return a.address;
    case 'applicant.addressDetail':
      return a.addressDetail ?? undefined;
    case 'household.members':
      return [a, ...records.members].map(member);
    case 'household.children':
      return records.members.filter((m) => isChildOfHousehold(m, today)).map(member);
    default: {
      const unknown: never = source;
      throw new RangeError(`unknown prefill source ${String(unknown)}`);
    }
  }
}

/** Keeps only what the schema has room for: an array item schema may not want every member item. */
function fitToSchema(value: unknown, node: SchemaNode | null): unknown {
  if (!node) return undefined;
  if (Array.isArray(value)) {
    const items = node.items as SchemaNode | undefined;
    return value.map((item) => fitToSchema(item, items ?? null));
  }
  if (value !== null && typeof value === 'object') {
    const properties = (node.properties ?? {}) as Record<string, SchemaNode>;
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key, v]) => key in properties && v !== undefined && v !== null && v !== '')
        .map(([key, v]) => [key, fitToSchema(v, properties[key] ?? null)]),
    );
  }
  return value;
}

export function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1) as string] = value;
}

/** Fills the answers the procedure's prefill rules name, from what the purpose may read. */
export function prefillAnswers(definition: ProcedureDefinition, records: PrefillRecords, today: string): Prefilled {
  const answers: Record<string, unknown> = {};
  const locked: string[] = [];
  const personIds = new Set<string>();
  for (const rule of definition.prefill) {
    const value = fitToSchema(
      sourceValue(rule.source, records, today),
      schemaAt(definition.answers as SchemaNode, rule.answer),
    );
    if (value === undefined || (Array.isArray(value) && value.length === 0 && rule.editable)) continue;
    setAt(answers, rule.answer, value);
    if (!rule.editable) locked.push(rule.answer);
    if (records.applicant.personId) personIds.add(records.applicant.personId);
    if (rule.source.startsWith('household.') && Array.isArray(value)) {
      for (const item of value as { personId?: string }[]) if (item.personId) personIds.add(item.personId);
    }
  }
  return { answers, locked, personIds: [...personIds] };
}

/**
 * Reads the applicant's household as the procedure's purpose may see it (one query) and fills in
 * the answers; an applicant who is not a resident of the municipality is refused
 * (RESIDENT_NOT_FOUND).
 */
export async function prefillFromRegister(
  q: Kysely<DB> | Transaction<DB>,
  lgCode: string,
  applicantPersonId: string,
  definition: ProcedureDefinition,
  today: string,
): Promise<Prefilled> {
  const records = await readForPrefill(q, lgCode, applicantPersonId, definition.prefillPurpose);
  if (!records) {
    throw new AppError('RESIDENT_NOT_FOUND', 'the applicant is not a resident of this municipality', {
      field: 'applicantPersonId',
    });
  }
  return prefillAnswers(definition, records, today);
}
