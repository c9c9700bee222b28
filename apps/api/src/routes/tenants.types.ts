import { Type } from 'typebox';

export const TenantSummary = Type.Object(
  {
    lgCode: Type.String({ pattern: '^[0-9]{6}$', description: '地方公共団体コード (6 digits with check digit)' }),
    name: Type.String({ description: 'Name in Japanese, e.g. デモ市' }),
  },
  { additionalProperties: false },
);

export const TenantList = Type.Object({ items: Type.Array(TenantSummary) }, { additionalProperties: false });

export const TenantParams = Type.Object({
  lgCode: Type.String({ description: '地方公共団体コード (6 digits with check digit)', minLength: 1, maxLength: 16 }),
});
