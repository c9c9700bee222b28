import { createHash } from 'node:crypto';
import type { Database } from '@madoguchi/db';
import type { Actor } from '../../actor';
import { appendAudit } from '../../audit';
import { AppError } from '../../errors';
import { getTenant } from '../../tenants';
import { todayInJapan } from '../clock';
import type { IndividualNumberCipher } from '../individual-number';
import type { ResidentRecord } from '../resident.types';
import { findCurrent, findHouseholdMembers, reserveSerials } from '../resident-record.repository';
import { type Channel, guardSupportMeasures, type Requester } from '../support-measures';
import type { CertificateKind, CertificateOptionalItems } from './certificate-render.types';
import { renderCertificatePdf } from './render-certificate-pdf';

export interface IssueCertificateInput {
  readonly lgCode: string;
  readonly kind: CertificateKind;
  readonly personId: string;
  /** 住民票の写し of the whole household (世帯全員) instead of the person alone. */
  readonly household?: boolean;
  readonly requester: Requester;
  /** The person asking, when known (online: the logged-in resident; counter: the card read). */
  readonly requesterPersonId?: string;
  readonly channel: Channel;
  readonly include?: Partial<CertificateOptionalItems>;
  /** 記載事項証明書: the items certified. */
  readonly items?: readonly string[];
  readonly cipher?: IndividualNumberCipher;
}

export interface IssuedCertificate {
  readonly issueNo: number;
  readonly pdf: Uint8Array;
  readonly personIds: readonly string[];
}

const NONE: CertificateOptionalItems = {
  honseki: false,
  relationship: false,
  residentCode: false,
  individualNumber: false,
};

/**
 * Issues a certificate (sections 1000–1070): checks who may ask for what (住民基本台帳法第12条,
 * 第12条の3), passes the support-measure gate, numbers it, renders the PDF and records the issue
 * (交付履歴, section 300) with its audit row. Issue numbers are taken before rendering, so a render
 * that fails leaves a gap in the numbers, never a number used twice.
 */
export async function issueCertificate(
  db: Database,
  actor: Actor,
  input: IssueCertificateInput,
): Promise<IssuedCertificate> {
  const tenant = await getTenant(db, actor, input.lgCode);
  const include = { ...NONE, ...input.include };
  const person = await findCurrent(db.kysely, input.lgCode, input.personId);
  if (!person) throw new AppError('RESIDENT_NOT_FOUND', 'no record of that person', { field: 'personId' });
  const wantRemoved = input.kind === 'removed-copy';
  if (wantRemoved !== (person.status === 'removed')) {
    throw new AppError(
      'MOVEMENT_REFUSED',
      wantRemoved ? 'the person is on the register: issue a 住民票の写し' : 'the person is removed: issue a 除票の写し',
      { rule: 'CERTIFICATE_KIND', field: 'kind' },
    );
  }
  const records: ResidentRecord[] =
    input.household && !wantRemoved
      ? await findHouseholdMembers(db.kysely, input.lgCode, person.householdId)
      : [person];
  checkRequester(input, include, records);
  if (input.requester === 'household-member' && input.requesterPersonId !== undefined) {
    const requester = await findCurrent(db.kysely, input.lgCode, input.requesterPersonId);
    if (requester?.status !== 'resident' || requester.householdId !== person.householdId) {
      throw new AppError('ACCESS_DENIED', 'the requester is not a member of the household', { field: 'personId' });
    }
  }
  await guardSupportMeasures(db, actor, {
    lgCode: input.lgCode,
    personIds: records.map((r) => r.personId),
    requester: input.requester,
    requesterPersonId: input.requesterPersonId,
    channel: input.channel,
    action: 'registry.certificate.issue',
  });
  const individualNumbers = include.individualNumber ? await readNumbers(db, input, records) : undefined;
  const issueNo = await db.kysely.transaction().execute((trx) => reserveSerials(trx, input.lgCode, 'certificate', 1));
  const issuedOn = todayInJapan();
  const pdf = await renderCertificatePdf({
    kind: input.kind,
    municipalityName: tenant.name,
    mayorTitle: `${tenant.name}長`,
    issueNo,
    issuedOn,
    records,
    include,
    ...(individualNumbers ? { individualNumbers } : {}),
    ...(input.items ? { items: input.items } : {}),
  });
  const items = [
    ...Object.entries(include)
      .filter(([, on]) => on)
      .map(([item]) => item),
    ...(input.items ?? []),
  ];
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('certificate_issuance')
      .values({
        lg_code: input.lgCode,
        issue_no: issueNo,
        kind: input.kind,
        person_ids: records.map((r) => r.personId),
        requester_kind: input.requester,
        items,
        channel: input.channel,
        operator_id: actor.id,
        pdf_sha256: createHash('sha256').update(pdf).digest(),
      })
      .execute();
    await appendAudit(trx, actor, [
      {
        lgCode: input.lgCode,
        action: 'registry.certificate.issue',
        purpose: actor.purpose ?? 'certificate-issuance',
        result: 'allowed',
        dataCategory: include.individualNumber ? 'individual-number' : 'basic-resident-record',
        subjectPersonIds: records.map((r) => r.personId),
        details: { issueNo, kind: input.kind, requester: input.requester, channel: input.channel, items },
      },
    ]);
  });
  return { issueNo, pdf, personIds: records.map((r) => r.personId) };
}

/** 第三者 and 公用 requests never show 本籍・筆頭者, 住民票コード or 個人番号 (法第12条の2, 第12条の3). */
function checkRequester(
  input: IssueCertificateInput,
  include: CertificateOptionalItems,
  records: readonly ResidentRecord[],
): void {
  const outsider = input.requester === 'third-party' || input.requester === 'official';
  if (
    outsider &&
    (include.individualNumber || include.residentCode || (include.honseki && input.requester === 'third-party'))
  ) {
    throw new AppError(
      'ACCESS_DENIED',
      'a third-party request cannot include the 個人番号, 住民票コード or 本籍 (住民基本台帳法第12条の3)',
      {
        field: 'include',
      },
    );
  }
  if (input.requester === 'self' && input.requesterPersonId !== undefined) {
    if (!records.some((r) => r.personId === input.requesterPersonId)) {
      throw new AppError('ACCESS_DENIED', 'a request as "self" must include the requester’s own record', {
        field: 'personId',
      });
    }
  }
}

async function readNumbers(
  db: Database,
  input: IssueCertificateInput,
  records: readonly ResidentRecord[],
): Promise<Map<string, string>> {
  if (!input.cipher) {
    throw new AppError('INDIVIDUAL_NUMBER_KEY_MISSING', 'showing the individual number needs the key', {
      option: '--individual-number-key',
    });
  }
  const cipher = input.cipher;
  const rows = await db.kysely
    .selectFrom('individual_number')
    .select(['person_id', 'ciphertext'])
    .where('lg_code', '=', input.lgCode)
    .where(
      'person_id',
      'in',
      records.map((r) => r.personId),
    )
    .execute();
  const numbers = new Map(rows.map((r) => [r.person_id, cipher.decrypt(r.person_id, r.ciphertext)]));
  if (numbers.size !== records.length) {
    throw new AppError('MOVEMENT_REFUSED', 'a person shown has no individual number recorded', {
      rule: 'NO_INDIVIDUAL_NUMBER',
    });
  }
  return numbers;
}
