import { Type } from 'typebox';
import { Localized } from './procedures.types';

// Use cases return Date objects; the serializer writes them as ISO 8601 strings.
const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const Answers = Type.Record(Type.String(), Type.Unknown(), {
  description: "Answers, as the procedure version's answer schema defines them",
});

export const ApplicationParams = Type.Object({
  applicationId: Type.String({ format: 'uuid', description: 'Random id; carries no personal data' }),
});
export const DocumentParams = Type.Object({
  applicationId: Type.String({ format: 'uuid' }),
  document: Type.String({
    pattern: '^(submission-copy|decision-notice|[0-9a-f-]{36})$',
    description: 'submission-copy, decision-notice, or the id of an attachment',
  }),
});
export const AttachmentParams = Type.Object({
  applicationId: Type.String({ format: 'uuid' }),
  attachmentId: Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 60 }),
});

export const AttachedFileParams = Type.Object({
  applicationId: Type.String({ format: 'uuid' }),
  documentId: Type.String({ format: 'uuid', description: 'The id the upload answered with' }),
});

export const StartBody = Type.Object(
  { procedureId: Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 60 }) },
  { additionalProperties: false },
);
export const AnswersBody = Type.Object(
  {
    answers: Type.Record(Type.String(), Type.Unknown(), { description: 'Top-level answers to set; null removes one' }),
  },
  { additionalProperties: false },
);
export const SubmitBody = Type.Object(
  { declaration: Type.Boolean({ description: 'The applicant confirms the declaration' }) },
  { additionalProperties: false },
);
export const SubmitNewBody = Type.Object(
  {
    procedureId: Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 60 }),
    answers: Answers,
    declaration: Type.Boolean(),
  },
  { additionalProperties: false },
);
export const MessageBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);

export const Application = Type.Object({
  applicationId: Type.String(),
  procedureId: Type.String(),
  procedureVersion: Type.Integer(),
  department: Type.String(),
  channel: Type.String(),
  status: Type.String({
    description: 'draft, submitted, in-review, information-requested, approved, rejected, withdrawn',
  }),
  answers: Answers,
  lockedAnswers: Type.Unsafe<readonly string[]>(
    Type.Array(Type.String(), { description: 'Answers from the register the applicant cannot change' }),
  ),
  receiptNo: Type.Union([Type.String(), Type.Null()]),
  assignedTo: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  createdAt: DateTime,
  updatedAt: DateTime,
  submittedAt: NullableDateTime,
  dueOn: Type.Union([Type.String(), Type.Null()]),
  decidedAt: NullableDateTime,
  decisionId: Type.Union([Type.String(), Type.Null()]),
  notifiedAt: Type.Optional(NullableDateTime),
});

export const ApplicationEvent = Type.Object({
  seq: Type.Integer(),
  kind: Type.String(),
  statusAfter: Type.String(),
  actorKind: Type.String(),
  visibleToResident: Type.Boolean(),
  body: Type.Union([Type.String(), Type.Null()]),
  data: Type.Record(Type.String(), Type.Unknown()),
  occurredAt: DateTime,
});

export const ApplicationDocument = Type.Object({
  documentId: Type.String(),
  kind: Type.String(),
  attachmentId: Type.Union([Type.String(), Type.Null()]),
  fileName: Type.String(),
  mediaType: Type.String(),
  byteSize: Type.Integer(),
  createdAt: DateTime,
});

export const ApplicationDetail = Type.Object({
  application: Application,
  definition: Type.Record(Type.String(), Type.Unknown(), { description: 'The procedure version applied on' }),
  events: Type.Array(ApplicationEvent),
  documents: Type.Array(ApplicationDocument),
});

export const ApplicationSummary = Type.Object({
  applicationId: Type.String(),
  procedureId: Type.String(),
  procedureVersion: Type.Integer(),
  names: Localized,
  status: Type.String(),
  receiptNo: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  submittedAt: NullableDateTime,
  decidedAt: NullableDateTime,
  dueOn: Type.Union([Type.String(), Type.Null()]),
});
export const ApplicationList = Type.Object({ items: Type.Array(ApplicationSummary) });

export const Submitted = Type.Object({
  applicationId: Type.String(),
  receiptNo: Type.String({ description: '受付番号' }),
  submittedAt: DateTime,
  dueOn: Type.String({ description: 'Target date for a decision' }),
});
export const SavedAnswers = Type.Object({ answers: Answers });
export const StatusResult = Type.Object({ status: Type.String() });
export const AttachmentRemoved = Type.Object({ removed: Type.String() });
export const AttachmentAdded = Type.Object({ documentId: Type.String(), fileName: Type.String() });
export const FileBody = Type.String({ contentEncoding: 'binary', description: 'The file (PDF, JPEG or PNG)' });
