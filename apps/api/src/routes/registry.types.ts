import { Type } from 'typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Str = (description: string, max = 200) => Type.String({ minLength: 1, maxLength: max, description });
const OptStr = (description: string, max = 200) =>
  Type.Optional(Nullable(Type.String({ maxLength: max, description })));
const IsoDate = (description: string) => Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description });
const PersonId = Type.String({ pattern: '^[0-9]{10}$', description: '宛名番号 (10 digits with check digit)' });
const HouseholdId = Type.String({ pattern: '^[0-9]{10}$', description: '世帯番号 (10 digits with check digit)' });

export const Relationships = Type.Record(
  Type.String({ pattern: '^[0-9]{10}$' }),
  Type.String({ minLength: 1, maxLength: 100 }),
  {
    description: '続柄 of each member by 宛名番号 (exactly one 世帯主)',
  },
);

export const NewPerson = Type.Object(
  {
    residentKind: Type.Union([Type.Literal('japanese'), Type.Literal('foreign')]),
    relationship: Str('続柄 as printed; 世帯主 for the head', 100),
    familyName: Str('氏 (foreign residents: as on the residence card)', 100),
    givenName: Str('名', 100),
    familyNameKana: OptStr('氏の振り仮名 (katakana)', 100),
    givenNameKana: OptStr('名の振り仮名 (katakana)', 100),
    kanaCertified: Type.Optional(Type.Boolean({ description: 'the 振り仮名 is the certified item' })),
    aliasName: OptStr('通称', 100),
    formerFamilyName: OptStr('旧氏', 100),
    birthDate: IsoDate('生年月日'),
    sex: Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2), Type.Literal(9)], { description: 'ISO 5218' }),
    honseki: OptStr('本籍'),
    hittosha: OptStr('筆頭者', 100),
    residentCode: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{11}$', description: '住民票コード' }))),
    nationality: OptStr('国籍・地域', 100),
    residenceStatus: OptStr('在留資格', 100),
    residenceExpiry: Type.Optional(Nullable(IsoDate('在留期間の満了の日'))),
    foreignResidentCategory: OptStr('法第30条の45の区分', 50),
    returningPersonId: Type.Optional(
      Type.String({ pattern: '^[0-9]{10}$', description: '再転入: the 宛名番号 of the removed record, kept' }),
    ),
  },
  { additionalProperties: false },
);

export const Address = Type.Object(
  {
    postalCode: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{3}-[0-9]{4}$' }))),
    address: Str('住所'),
    addressDetail: OptStr('方書'),
  },
  { additionalProperties: false },
);

export const MoveInBody = Type.Object(
  {
    fromAbroad: Type.Optional(Type.Boolean()),
    effectiveOn: IsoDate('異動日'),
    notifiedOn: IsoDate('届出日'),
    previousAddress: Type.Union([Type.String({ maxLength: 200 }), Type.Null()], { description: '転入前住所' }),
    destination: Address,
    joinHouseholdId: Type.Optional(HouseholdId),
    persons: Type.Array(NewPerson, { minItems: 1, maxItems: 30 }),
  },
  { additionalProperties: false },
);

export const RelocationBody = Type.Object(
  {
    householdId: HouseholdId,
    personIds: Type.Optional(Type.Array(PersonId, { minItems: 1, maxItems: 30 })),
    destination: Address,
    effectiveOn: IsoDate('異動日'),
    notifiedOn: IsoDate('届出日'),
    newHouseholdRelationships: Type.Optional(Relationships),
    remainingRelationships: Type.Optional(Relationships),
  },
  { additionalProperties: false },
);

export const MoveOutBody = Type.Object(
  {
    householdId: HouseholdId,
    personIds: Type.Optional(Type.Array(PersonId, { minItems: 1, maxItems: 30 })),
    abroad: Type.Optional(Type.Boolean()),
    plannedDestination: Str('転出予定先'),
    plannedMoveOn: IsoDate('転出予定年月日'),
    notifiedOn: IsoDate('届出日'),
    remainingRelationships: Type.Optional(Relationships),
  },
  { additionalProperties: false },
);

export const BirthBody = Type.Object(
  { householdId: HouseholdId, child: NewPerson, notifiedOn: IsoDate('届出日') },
  { additionalProperties: false },
);

export const DeathBody = Type.Object(
  {
    personId: PersonId,
    diedOn: IsoDate('死亡日'),
    notifiedOn: IsoDate('届出日'),
    remainingRelationships: Type.Optional(Relationships),
  },
  { additionalProperties: false },
);

export const HouseholdChangeBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('split'), Type.Literal('merge'), Type.Literal('head-change')]),
    householdId: HouseholdId,
    personIds: Type.Optional(Type.Array(PersonId, { minItems: 1, maxItems: 30 })),
    intoHouseholdId: Type.Optional(HouseholdId),
    relationships: Relationships,
    remainingRelationships: Type.Optional(Relationships),
    effectiveOn: IsoDate('異動日'),
    notifiedOn: IsoDate('届出日'),
  },
  { additionalProperties: false },
);

export const CorrectionBody = Type.Object(
  {
    personId: PersonId,
    kind: Type.Union([
      Type.Literal('ex-officio-correction'),
      Type.Literal('clerical-error-correction'),
      Type.Literal('minor-correction'),
      Type.Literal('former-name-entry'),
      Type.Literal('alias-name-entry'),
    ]),
    changes: Type.Record(
      Type.String(),
      Type.Union([Type.String({ maxLength: 200 }), Type.Boolean(), Type.Integer(), Type.Null()]),
    ),
    reason: Str('why the record is corrected', 500),
    notifiedOn: Type.Optional(Nullable(IsoDate('届出日'))),
  },
  { additionalProperties: false },
);

export const CancelBody = Type.Object(
  { movementId: Type.String({ minLength: 1, maxLength: 64 }), reason: Str('why the movement is cancelled', 500) },
  { additionalProperties: false },
);

export const MovementResult = Type.Object({
  movementId: Type.String(),
  reasonCode: Type.String(),
  personIds: Type.Array(Type.String()),
  householdId: Type.Optional(Type.String()),
  lateNotification: Type.Optional(Type.Boolean()),
  householdsWithoutHead: Type.Optional(
    Type.Array(Type.String(), { description: 'households left without a 世帯主: a 世帯主変更依頼通知書 is due' }),
  ),
  possibleReturning: Type.Optional(
    Type.Array(Type.Object({ personId: Type.String(), removedPersonIds: Type.Array(Type.String()) }), {
      description: 'new persons matching a removed record by name, sex and birth date: returning residents?',
    }),
  ),
  certificate: Type.Optional(
    Type.Array(Type.Record(Type.String(), Type.Unknown()), { description: '転出証明書 data' }),
  ),
});

export const SearchBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 100 })),
    kana: Type.Optional(Type.String({ maxLength: 100 })),
    birthDate: Type.Optional(IsoDate('生年月日')),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    personId: Type.Optional(PersonId),
    householdId: Type.Optional(HouseholdId),
    includeRemoved: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);

const Summary = Type.Object({
  personId: Type.String(),
  householdId: Type.String(),
  residentKind: Type.String(),
  familyName: Type.String(),
  givenName: Type.String(),
  familyNameKana: Type.Union([Type.String(), Type.Null()]),
  givenNameKana: Type.Union([Type.String(), Type.Null()]),
  aliasName: Type.Union([Type.String(), Type.Null()]),
  birthDate: Type.String(),
  sex: Type.Integer(),
  relationship: Type.String(),
  address: Type.String(),
  addressDetail: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  supportMeasure: Type.Boolean({ description: 'under a 支援措置: handle with the support-measure desk' }),
});

export const SearchResult = Type.Object({ residents: Type.Array(Summary), truncated: Type.Boolean() });

export const GetResidentBody = Type.Object(
  {
    personId: PersonId,
    asOf: Type.Optional(IsoDate('the record as it stood on this date')),
  },
  { additionalProperties: false },
);

export const ResidentRecordBody = Type.Record(Type.String(), Type.Unknown(), {
  description: 'The record items the purpose allows (purpose limitation), with the movement that wrote the version',
});

export const ResidentView = Type.Object({
  record: ResidentRecordBody,
  supportMeasure: Type.Union([
    Type.Object({ kind: Type.String(), startsOn: Type.String(), endsOn: Type.String(), expiringSoon: Type.Boolean() }),
    Type.Null(),
  ]),
});

export const History = Type.Object({ versions: Type.Array(ResidentRecordBody) });

export const PersonBody = Type.Object({ personId: PersonId }, { additionalProperties: false });

export const SupportMeasureBody = Type.Object(
  {
    action: Type.Union([Type.Literal('start'), Type.Literal('extend'), Type.Literal('end')]),
    personId: PersonId,
    kind: Type.Optional(Type.Union([Type.Literal('full'), Type.Literal('provisional')])),
    startsOn: Type.Optional(IsoDate('first day')),
    endsOn: Type.Optional(IsoDate('last day')),
    reason: Str('case reference of the decision', 200),
  },
  { additionalProperties: false },
);

export const SupportMeasureState = Type.Object({
  state: Type.Union([
    Type.Object({
      personId: Type.String(),
      kind: Type.String(),
      startsOn: Type.String(),
      endsOn: Type.String(),
      expiringSoon: Type.Boolean(),
    }),
    Type.Null(),
  ]),
});

export const CertificateBody = Type.Object(
  {
    personId: PersonId,
    kind: Type.Optional(
      Type.Union([Type.Literal('resident-copy'), Type.Literal('removed-copy'), Type.Literal('entry-certificate')]),
    ),
    household: Type.Optional(Type.Boolean({ description: '世帯全員' })),
    requester: Type.Union([
      Type.Literal('self'),
      Type.Literal('household-member'),
      Type.Literal('third-party'),
      Type.Literal('official'),
    ]),
    include: Type.Optional(
      Type.Object(
        {
          honseki: Type.Optional(Type.Boolean()),
          relationship: Type.Optional(Type.Boolean()),
          residentCode: Type.Optional(Type.Boolean()),
          individualNumber: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
    items: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const MyCertificateBody = Type.Object(
  {
    personId: Type.Optional(PersonId),
    household: Type.Optional(Type.Boolean({ description: '世帯全員' })),
    include: Type.Optional(
      Type.Object({ relationship: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

export const Pdf = Type.String({ contentEncoding: 'binary', description: 'The certificate (application/pdf)' });

export const ImportJob = Type.Object({
  jobId: Type.String(),
  status: Type.String({ description: 'validating, loading, succeeded or failed' }),
  totalRows: Type.Union([Type.Integer(), Type.Null()]),
  processedRows: Type.Integer(),
  result: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});

export const ImportJobParams = Type.Object({ jobId: Type.String({ pattern: '^[0-9a-f-]{36}$' }) });

export const ExportBody = Type.Object(
  {
    includeSupported: Type.Optional(
      Type.Object(
        { reason: Str('why supported persons are included (audited)', 500) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
