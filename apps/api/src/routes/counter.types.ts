import { IDENTITY_DOCUMENTS } from '@madoguchi/core';
import { Type } from 'typebox';

const ProcedureId = Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 60 });
const PersonId = Type.String({ pattern: '^[0-9]{10}$', description: '宛名番号 of the resident at the counter' });
const Answers = Type.Record(Type.String(), Type.Unknown(), {
  description: "Answers, as the procedure version's answer schema defines them; the register's are filled in",
});

export const CounterPreviewBody = Type.Object(
  { procedureId: ProcedureId, personId: PersonId },
  { additionalProperties: false },
);

export const CounterPreview = Type.Object({
  procedureId: Type.String(),
  procedureVersion: Type.Integer(),
  answers: Answers,
  lockedAnswers: Type.Unsafe<readonly string[]>(
    Type.Array(Type.String(), { description: 'Answers from the register that cannot be changed here' }),
  ),
});

export const CounterSubmitBody = Type.Object(
  {
    procedureId: ProcedureId,
    personId: PersonId,
    answers: Answers,
    declaration: Type.Boolean({ description: 'The resident confirmed the answers and the declaration on screen' }),
    identityDocument: Type.Union(
      IDENTITY_DOCUMENTS.map((d) => Type.Literal(d)),
      { description: 'The document staff saw to confirm the applicant is the person (本人確認書類)' },
    ),
  },
  { additionalProperties: false },
);
