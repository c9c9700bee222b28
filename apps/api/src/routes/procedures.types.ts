import { Type } from 'typebox';

export const Localized = Type.Object(
  { ja: Type.String(), en: Type.String(), 'easy-ja': Type.String() },
  { description: 'The same text in Japanese, English and やさしい日本語' },
);

const ProcedureId = Type.String({ pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 60 });

export const CatalogParams = Type.Object({
  lgCode: Type.String({ pattern: '^[0-9]{6}$', description: '地方公共団体コード' }),
});
export const ProcedureParams = Type.Object({
  lgCode: Type.String({ pattern: '^[0-9]{6}$', description: '地方公共団体コード' }),
  procedureId: ProcedureId,
});
export const ProcedureVersionQuery = Type.Object({
  // Query strings are text (types are not coerced): digits, read as a number by the route.
  version: Type.Optional(
    Type.String({ pattern: '^[1-9][0-9]{0,5}$', description: 'A version; the one offered now when absent' }),
  ),
});
export const AdminProcedureParams = Type.Object({ procedureId: ProcedureId });

export const ProcedureSummary = Type.Object({
  procedureId: Type.String(),
  version: Type.Integer(),
  names: Localized,
  summary: Localized,
  department: Type.String(),
  minimumAssurance: Type.Integer({ description: 'Weakest login that may apply: 1 e-mail code, 2 passkey, 3 card' }),
  processingDays: Type.Integer({ description: 'Target for a decision, calendar days' }),
  fee: Type.Union([Localized, Type.Null()]),
});

export const ProcedureList = Type.Object({ items: Type.Array(ProcedureSummary) });

export const ProcedureDefinitionView = Type.Object({
  procedureId: Type.String(),
  version: Type.Integer(),
  status: Type.String({ description: 'published or retired' }),
  definition: Type.Record(Type.String(), Type.Unknown(), {
    description: 'The whole definition (docs/adr/0012): answer schema, pages, prefill, attachments, decisions',
  }),
});

export const PublishBody = Type.Object(
  {
    definition: Type.Record(Type.String(), Type.Unknown(), {
      description: 'A procedure definition; its version number is ignored (versions are numbered on publishing)',
    }),
  },
  { additionalProperties: false },
);

export const PublishResult = Type.Object({
  procedureId: Type.String(),
  version: Type.Integer(),
  published: Type.Boolean({ description: 'false: the latest version had this content; nothing was written' }),
});

export const SyncResult = Type.Object({ items: Type.Array(PublishResult) });
