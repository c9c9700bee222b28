import { Type } from 'typebox';
import { Localized } from './procedures.types';

export const CaseSearchBody = Type.Object(
  {
    department: Type.Optional(Type.String({ maxLength: 40 })),
    procedureId: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 60 })),
    status: Type.Optional(
      Type.Union(
        ['submitted', 'in-review', 'information-requested', 'approved', 'rejected', 'withdrawn'].map((s) =>
          Type.Literal(s),
        ),
      ),
    ),
    open: Type.Optional(Type.Boolean({ description: 'true: not decided or withdrawn yet; false: closed' })),
    overdue: Type.Optional(Type.Boolean({ description: 'Open and past the target date' })),
    assignedToMe: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);

export const CaseSummary = Type.Object({
  applicationId: Type.String(),
  procedureId: Type.String(),
  procedureVersion: Type.Integer(),
  names: Localized,
  department: Type.String(),
  status: Type.String(),
  receiptNo: Type.String(),
  channel: Type.String(),
  submittedAt: Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' }),
  dueOn: Type.String(),
  overdue: Type.Boolean(),
  assignedTo: Type.Union([Type.String(), Type.Null()]),
});

export const CaseList = Type.Object({ cases: Type.Array(CaseSummary), truncated: Type.Boolean() });

export const AssignBody = Type.Object(
  {
    assignee: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()], {
      description: 'A staff id, or null to put the case back in the department pool',
    }),
  },
  { additionalProperties: false },
);
export const Assigned = Type.Object({ status: Type.String(), assignedTo: Type.Union([Type.String(), Type.Null()]) });

/** 続柄 by person: 宛名番号 → relationship, exactly one 世帯主 (checked by the registry). */
const Relationships = (description: string) =>
  Type.Record(Type.String({ pattern: '^[0-9]{10}$' }), Type.String({ minLength: 1, maxLength: 20 }), {
    description,
    additionalProperties: false,
    minProperties: 1,
    maxProperties: 50,
  });

export const DecisionBody = Type.Object(
  {
    decisionId: Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 60 }),
    reason: Type.Optional(Type.String({ maxLength: 4000, description: 'Required when the decision refuses' })),
    notify: Type.Boolean({
      description: 'Also notify the resident now (decision and notice in the portal): decide and notify in one call',
    }),
    householdRelationships: Type.Optional(
      Type.Object(
        {
          newHousehold: Type.Optional(
            Relationships('the members moving without the rest: their 続柄 in the new household'),
          ),
          remaining: Type.Optional(Relationships('the 世帯主 moves and others stay: their 続柄 (one 世帯主)')),
        },
        {
          additionalProperties: false,
          description:
            'For an approval that moves part of a household: the 続柄 the resident told staff, which no form asks (without them the registry refuses with RELATIONSHIP_REQUIRED)',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export const Decided = Type.Object({
  status: Type.String(),
  decisionId: Type.String(),
  notified: Type.Boolean(),
  registry: Type.Union([
    Type.Object({
      operation: Type.String(),
      movementId: Type.String(),
      householdsWithoutHead: Type.Unsafe<readonly string[]>(Type.Array(Type.String())),
    }),
    Type.Null(),
  ]),
});
export const Notified = Type.Object({ status: Type.String(), notified: Type.Boolean() });
