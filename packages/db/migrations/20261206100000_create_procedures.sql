-- Online procedures (どこでも市役所): the procedure catalog as immutable versions per municipality,
-- applications with their history, documents, and the outbox of events with webhook deliveries
-- (docs/adr/0012-procedures-and-applications.md, docs/adr/0013-outbox-and-webhooks.md).

CREATE TABLE procedure_version (
  lg_code      text        NOT NULL,
  procedure_id text        NOT NULL,
  version      integer     NOT NULL,
  department   text        NOT NULL,
  definition   jsonb       NOT NULL,
  digest       text        NOT NULL,
  status       text        NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text        NOT NULL,
  CONSTRAINT procedure_version_pkey PRIMARY KEY (lg_code, procedure_id, version),
  CONSTRAINT procedure_version_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code),
  CONSTRAINT procedure_version_id CHECK (procedure_id ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
  CONSTRAINT procedure_version_version CHECK (version >= 1),
  CONSTRAINT procedure_version_status CHECK (status IN ('published', 'retired'))
);
COMMENT ON TABLE procedure_version IS 'Each version of each procedure a municipality offers; a version never changes once published, and an application keeps the version it was started on.';
COMMENT ON COLUMN procedure_version.lg_code IS 'The municipality.';
COMMENT ON COLUMN procedure_version.procedure_id IS 'Stable id of the procedure (kebab-case), e.g. child-allowance.';
COMMENT ON COLUMN procedure_version.version IS 'Version number, 1 for the first; the highest is the one offered.';
COMMENT ON COLUMN procedure_version.department IS 'Department (課) that handles applications of this version.';
COMMENT ON COLUMN procedure_version.definition IS 'The whole definition (ProcedureDefinition): names, answer schema, pages, prefill, attachments, decisions.';
COMMENT ON COLUMN procedure_version.digest IS 'SHA-256 of the definition as published, so publishing the same definition twice adds no version.';
COMMENT ON COLUMN procedure_version.status IS 'published, or retired (the procedure is no longer offered; applications already started go on).';
COMMENT ON COLUMN procedure_version.published_at IS 'When the version was published.';
COMMENT ON COLUMN procedure_version.published_by IS 'Staff account or operator that published it.';

-- Receipt numbers come from one sequence: no row lock for concurrent submissions to queue on (a
-- counter row per municipality held its lock until commit). A failed submission leaves a gap, which a
-- 受付番号 (it only identifies an application) may have.
CREATE SEQUENCE application_receipt_seq;
COMMENT ON SEQUENCE application_receipt_seq IS 'Serials of 受付番号 (YYYY-NNNNNN), shared by all municipalities; gaps are allowed.';

CREATE TABLE application (
  lg_code             text        NOT NULL,
  application_id      uuid        NOT NULL,
  procedure_id        text        NOT NULL,
  procedure_version   integer     NOT NULL,
  department          text        NOT NULL,
  applicant_person_id text        NOT NULL,
  channel             text        NOT NULL,
  entered_by          text,
  status              text        NOT NULL,
  answers             jsonb       NOT NULL DEFAULT '{}',
  locked_answers      text[]      NOT NULL DEFAULT '{}',
  receipt_no          text,
  assigned_to         text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  submitted_at        timestamptz,
  due_on              date,
  decided_at          timestamptz,
  decision_id         text,
  notified_at         timestamptz,
  CONSTRAINT application_pkey PRIMARY KEY (lg_code, application_id),
  CONSTRAINT application_receipt_key UNIQUE (lg_code, receipt_no),
  CONSTRAINT application_procedure_fkey FOREIGN KEY (lg_code, procedure_id, procedure_version)
    REFERENCES procedure_version (lg_code, procedure_id, version),
  CONSTRAINT application_channel CHECK (channel IN ('online', 'counter', 'api')),
  CONSTRAINT application_status CHECK (status IN ('draft', 'submitted', 'in-review', 'information-requested', 'approved', 'rejected', 'withdrawn')),
  -- A receipt number exactly when submitted; a draft never is, and only a withdrawn draft is closed unsubmitted.
  CONSTRAINT application_submitted CHECK (
    (submitted_at IS NULL) = (receipt_no IS NULL)
    AND (status <> 'draft' OR submitted_at IS NULL)
    AND (status IN ('draft', 'withdrawn') OR submitted_at IS NOT NULL)
  ),
  CONSTRAINT application_decided CHECK ((status IN ('approved', 'rejected')) = (decided_at IS NOT NULL) AND (notified_at IS NULL OR decided_at IS NOT NULL))
);
COMMENT ON TABLE application IS 'An application (申請・届出) for a procedure: its answers and where it stands (personal data).';
COMMENT ON COLUMN application.lg_code IS 'The municipality.';
COMMENT ON COLUMN application.application_id IS 'Random id; carries no personal data, so it may appear in URLs.';
COMMENT ON COLUMN application.procedure_id IS 'The procedure applied for.';
COMMENT ON COLUMN application.procedure_version IS 'The version of the procedure the application was started on; it stays on it.';
COMMENT ON COLUMN application.department IS 'Department that handles it (from the version), for inboxes and grants.';
COMMENT ON COLUMN application.applicant_person_id IS 'The applicant (宛名番号).';
COMMENT ON COLUMN application.channel IS 'online (the resident), counter (staff on the resident''s behalf), api.';
COMMENT ON COLUMN application.entered_by IS 'Staff account that entered it at the counter, when not the resident.';
COMMENT ON COLUMN application.status IS 'draft, submitted, in-review, information-requested, approved, rejected, withdrawn.';
COMMENT ON COLUMN application.answers IS 'The answers, as the procedure version''s answer schema defines them.';
COMMENT ON COLUMN application.locked_answers IS 'Answers filled in from the resident register that the resident may not change.';
COMMENT ON COLUMN application.receipt_no IS '受付番号, given at submission (YYYY-NNNNNN).';
COMMENT ON COLUMN application.assigned_to IS 'Staff account handling it.';
COMMENT ON COLUMN application.created_at IS 'When it was started.';
COMMENT ON COLUMN application.updated_at IS 'Last change of answers or status.';
COMMENT ON COLUMN application.submitted_at IS 'When it was submitted.';
COMMENT ON COLUMN application.due_on IS 'Target date for a decision (submission + the procedure''s processing days); overdue after.';
COMMENT ON COLUMN application.decided_at IS 'When it was approved or rejected.';
COMMENT ON COLUMN application.decision_id IS 'Which decision of the procedure was taken.';
COMMENT ON COLUMN application.notified_at IS 'When the resident was notified of the decision; until then the portal shows the application in review.';
CREATE INDEX application_inbox_idx ON application (lg_code, department, status, submitted_at) WHERE status <> 'draft';
CREATE INDEX application_applicant_idx ON application (lg_code, applicant_person_id, created_at);

CREATE TABLE application_event (
  lg_code             text        NOT NULL,
  application_id      uuid        NOT NULL,
  seq                 integer     NOT NULL,
  kind                text        NOT NULL,
  status_after        text        NOT NULL,
  actor_kind          text        NOT NULL,
  actor_id            text        NOT NULL,
  visible_to_resident boolean     NOT NULL,
  body                text,
  data                jsonb       NOT NULL DEFAULT '{}',
  occurred_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT application_event_pkey PRIMARY KEY (lg_code, application_id, seq),
  CONSTRAINT application_event_application_fkey FOREIGN KEY (lg_code, application_id)
    REFERENCES application (lg_code, application_id),
  CONSTRAINT application_event_kind CHECK (kind IN ('created', 'submitted', 'assigned', 'information-requested', 'resident-replied', 'message', 'note', 'decided', 'notified', 'withdrawn')),
  CONSTRAINT application_event_actor_kind CHECK (actor_kind IN ('staff', 'resident', 'system', 'operator'))
);
COMMENT ON TABLE application_event IS 'The history of an application: status changes, messages, requests for information, internal notes; append-only.';
COMMENT ON COLUMN application_event.lg_code IS 'The municipality.';
COMMENT ON COLUMN application_event.application_id IS 'The application.';
COMMENT ON COLUMN application_event.seq IS 'Order of the events of the application, from 1.';
COMMENT ON COLUMN application_event.kind IS 'created, submitted, assigned, information-requested, resident-replied, message, note, decided, notified (a decision told to the resident later), withdrawn.';
COMMENT ON COLUMN application_event.status_after IS 'The application''s status after the event.';
COMMENT ON COLUMN application_event.actor_kind IS 'Who: staff, resident, system or operator.';
COMMENT ON COLUMN application_event.actor_id IS 'Their account id (never a name).';
COMMENT ON COLUMN application_event.visible_to_resident IS 'False for internal notes and assignments: the portal never shows them.';
COMMENT ON COLUMN application_event.body IS 'Message text, request, note or reason (may hold personal data).';
COMMENT ON COLUMN application_event.data IS 'Structured details: decision id, documents, registry movement.';
COMMENT ON COLUMN application_event.occurred_at IS 'When.';

CREATE TABLE application_document (
  lg_code        text        NOT NULL,
  application_id uuid        NOT NULL,
  document_id    uuid        NOT NULL,
  kind           text        NOT NULL,
  attachment_id  text,
  file_name      text        NOT NULL,
  media_type     text        NOT NULL,
  byte_size      integer     NOT NULL,
  sha256         bytea       NOT NULL,
  content        bytea       NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  created_by     text        NOT NULL,
  CONSTRAINT application_document_pkey PRIMARY KEY (lg_code, application_id, document_id),
  CONSTRAINT application_document_application_fkey FOREIGN KEY (lg_code, application_id)
    REFERENCES application (lg_code, application_id),
  CONSTRAINT application_document_kind CHECK (kind IN ('attachment', 'submission-copy', 'decision-notice')),
  CONSTRAINT application_document_size CHECK (byte_size = octet_length(content))
);
COMMENT ON TABLE application_document IS 'Files of an application: the resident''s attachments, the PDF copy of the submission, decision notices (personal data).';
COMMENT ON COLUMN application_document.lg_code IS 'The municipality.';
COMMENT ON COLUMN application_document.application_id IS 'The application.';
COMMENT ON COLUMN application_document.document_id IS 'Random id.';
COMMENT ON COLUMN application_document.kind IS 'attachment, submission-copy (申請内容の控え) or decision-notice (決定通知書).';
COMMENT ON COLUMN application_document.attachment_id IS 'For an attachment: which attachment of the procedure it is.';
COMMENT ON COLUMN application_document.file_name IS 'Name to download it as (generated; not the uploader''s file name).';
COMMENT ON COLUMN application_document.media_type IS 'application/pdf, image/jpeg or image/png (checked against the content).';
COMMENT ON COLUMN application_document.byte_size IS 'Size in bytes.';
COMMENT ON COLUMN application_document.sha256 IS 'SHA-256 of the content.';
COMMENT ON COLUMN application_document.content IS 'The file.';
COMMENT ON COLUMN application_document.created_at IS 'When it was stored.';
COMMENT ON COLUMN application_document.created_by IS 'Who stored it (account id).';
-- One copy of the submission and one decision notice per application: made once, then served as stored.
CREATE UNIQUE INDEX application_document_generated_key ON application_document (lg_code, application_id, kind)
  WHERE kind <> 'attachment';

CREATE TABLE outbox_event (
  lg_code     text        NOT NULL,
  event_id    uuid        NOT NULL,
  type        text        NOT NULL,
  subject     text        NOT NULL,
  data        jsonb       NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT outbox_event_pkey PRIMARY KEY (lg_code, event_id),
  CONSTRAINT outbox_event_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code)
);
COMMENT ON TABLE outbox_event IS 'Events for other systems, written in the same transaction as the change they report; delivered as CloudEvents (no personal data: ids and states only).';
COMMENT ON COLUMN outbox_event.lg_code IS 'The municipality.';
COMMENT ON COLUMN outbox_event.event_id IS 'CloudEvents id; the idempotency key receivers deduplicate on.';
COMMENT ON COLUMN outbox_event.type IS 'CloudEvents type, e.g. jp.madoguchi.application.submitted.';
COMMENT ON COLUMN outbox_event.subject IS 'What the event is about, e.g. the application id.';
COMMENT ON COLUMN outbox_event.data IS 'The event data (ids, procedure, status).';
COMMENT ON COLUMN outbox_event.occurred_at IS 'When the change happened.';

CREATE TABLE webhook_subscription (
  lg_code         text        NOT NULL,
  subscription_id uuid        NOT NULL,
  url             text        NOT NULL,
  secret          text        NOT NULL,
  event_types     text[]      NOT NULL,
  active          boolean     NOT NULL DEFAULT true,
  description     text        NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      text        NOT NULL,
  CONSTRAINT webhook_subscription_pkey PRIMARY KEY (lg_code, subscription_id),
  CONSTRAINT webhook_subscription_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code),
  CONSTRAINT webhook_subscription_url CHECK (url ~ '^https?://')
);
COMMENT ON TABLE webhook_subscription IS 'Systems that receive the events of a municipality by HTTP POST.';
COMMENT ON COLUMN webhook_subscription.lg_code IS 'The municipality.';
COMMENT ON COLUMN webhook_subscription.subscription_id IS 'Random id.';
COMMENT ON COLUMN webhook_subscription.url IS 'Where events are posted (https, or http on loopback for development).';
COMMENT ON COLUMN webhook_subscription.secret IS 'HMAC-SHA256 signing key (Standard Webhooks, whsec_ + base64), shown once at creation.';
COMMENT ON COLUMN webhook_subscription.event_types IS 'Event types delivered; * for all.';
COMMENT ON COLUMN webhook_subscription.active IS 'False: no new deliveries are made.';
COMMENT ON COLUMN webhook_subscription.description IS 'What the receiving system is.';
COMMENT ON COLUMN webhook_subscription.created_at IS 'When it was created.';
COMMENT ON COLUMN webhook_subscription.created_by IS 'Who created it.';

CREATE TABLE webhook_delivery (
  lg_code         text        NOT NULL,
  subscription_id uuid        NOT NULL,
  event_id        uuid        NOT NULL,
  status          text        NOT NULL,
  attempts        integer     NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_attempt_at timestamptz,
  last_status     integer,
  last_error      text,
  delivered_at    timestamptz,
  CONSTRAINT webhook_delivery_pkey PRIMARY KEY (lg_code, subscription_id, event_id),
  CONSTRAINT webhook_delivery_subscription_fkey FOREIGN KEY (lg_code, subscription_id)
    REFERENCES webhook_subscription (lg_code, subscription_id),
  CONSTRAINT webhook_delivery_event_fkey FOREIGN KEY (lg_code, event_id) REFERENCES outbox_event (lg_code, event_id),
  CONSTRAINT webhook_delivery_status CHECK (status IN ('pending', 'delivered', 'failed'))
);
COMMENT ON TABLE webhook_delivery IS 'One event to one subscriber: attempts with back-off until delivered, or failed after the last attempt.';
COMMENT ON COLUMN webhook_delivery.lg_code IS 'The municipality.';
COMMENT ON COLUMN webhook_delivery.subscription_id IS 'The subscriber.';
COMMENT ON COLUMN webhook_delivery.event_id IS 'The event.';
COMMENT ON COLUMN webhook_delivery.status IS 'pending (to be tried at next_attempt_at), delivered (a 2xx answer), failed (attempts exhausted or refused).';
COMMENT ON COLUMN webhook_delivery.attempts IS 'Attempts made.';
COMMENT ON COLUMN webhook_delivery.next_attempt_at IS 'When to try next (exponential back-off with jitter).';
COMMENT ON COLUMN webhook_delivery.last_attempt_at IS 'When it was last tried.';
COMMENT ON COLUMN webhook_delivery.last_status IS 'HTTP status of the last attempt (null: no answer).';
COMMENT ON COLUMN webhook_delivery.last_error IS 'Why the last attempt failed (status or network error; never the response body).';
COMMENT ON COLUMN webhook_delivery.delivered_at IS 'When a 2xx answer came.';
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (lg_code, next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_delivery_failed_idx ON webhook_delivery (lg_code, last_attempt_at) WHERE status = 'failed';

-- History is append-only for the service: an application event is never changed or removed.
CREATE FUNCTION application_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'application_event is append-only';
END
$$;
COMMENT ON FUNCTION application_event_append_only() IS 'Refuses changing or deleting an application event.';
CREATE TRIGGER application_event_append_only BEFORE UPDATE OR DELETE ON application_event
  FOR EACH ROW EXECUTE FUNCTION application_event_append_only();
