import type { Database } from '@madoguchi/db';
import type { Actor } from '../../actor';
import { appendAudit } from '../../audit';
import { AppError } from '../../errors';
import { nameSearchKey } from '../name-key';
import { supportedPersons } from '../support-measures';

/** One line of the 閲覧 list: the four items 住民基本台帳法第11条 allows, nothing else. */
export interface InspectionEntry {
  readonly familyName: string;
  readonly givenName: string;
  readonly address: string;
  readonly birthDate: string;
  readonly sex: number;
}

export interface InspectionListResult {
  readonly entries: readonly InspectionEntry[];
  /** Persons under a support measure left out (always, unless a recorded reason includes them). */
  readonly excludedSupported: number;
}

/**
 * The list shown for 住民基本台帳の一部の写しの閲覧 (法第11条, 第11条の2) of an area: name, address,
 * birth date and sex of the residents on the register whose address starts with the prefix, in
 * address order. Persons under a support measure are left out unless `includeSupported` records why
 * (a decision of the support-measure desk); the list and the reason are audited.
 */
export async function inspectionList(
  db: Database,
  actor: Actor,
  request: { lgCode: string; addressPrefix: string; includeSupported?: { reason: string } },
): Promise<InspectionListResult> {
  const key = nameSearchKey(request.addressPrefix);
  if (key.length < 2) {
    throw new AppError('VALIDATION_FAILED', '1 field(s) are invalid', {
      problems: [{ field: 'addressPrefix', message: 'must name an area (at least two searchable characters)' }],
    });
  }
  if (request.includeSupported && !request.includeSupported.reason.trim()) {
    throw new AppError('VALIDATION_FAILED', '1 field(s) are invalid', {
      problems: [{ field: 'includeSupported.reason', message: 'is required to include supported persons' }],
    });
  }
  return db.kysely.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('resident_record')
      .select(['person_id', 'family_name', 'given_name', 'address', 'birth_date', 'sex'])
      .where('lg_code', '=', request.lgCode)
      .where('is_current', '=', true)
      .where('status', '=', 'resident')
      .where('address_key', '>=', key)
      .where('address_key', '<', `${key}\u{10FFFF}`)
      .orderBy('address_key')
      .orderBy('person_id')
      .execute();
    const supported = await supportedPersons(
      trx,
      request.lgCode,
      rows.map((r) => r.person_id),
    );
    const shown = request.includeSupported ? rows : rows.filter((r) => !supported.has(r.person_id));
    await appendAudit(trx, actor, [
      {
        lgCode: request.lgCode,
        action: 'registry.inspection-list',
        purpose: actor.purpose ?? 'inspection',
        result: 'allowed',
        dataCategory: 'basic-resident-record',
        details: {
          entries: shown.length,
          excludedSupported: rows.length - shown.length,
          includeSupported: request.includeSupported ? { reason: request.includeSupported.reason.trim() } : false,
        },
      },
    ]);
    return {
      entries: shown.map((r) => ({
        familyName: r.family_name,
        givenName: r.given_name,
        address: r.address,
        birthDate: r.birth_date,
        sex: r.sex,
      })),
      excludedSupported: rows.length - shown.length,
    };
  });
}
