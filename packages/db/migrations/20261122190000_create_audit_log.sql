-- The tamper-evident audit log (docs/adr/0009-audit-log.md). Rows are append-only and
-- hash-chained per municipality: hash = SHA-256(prev_hash || canonical encoding of the row).
-- The app role may only SELECT and INSERT audit rows (grants.sql).

CREATE TABLE audit_log (
  lg_code            text        NOT NULL,
  seq                bigint      NOT NULL,
  occurred_at        timestamptz NOT NULL,
  actor_kind         text        NOT NULL,
  actor_id           text        NOT NULL,
  on_behalf_of       text,
  terminal_id        text,
  zone               text,
  department         text,
  purpose            text        NOT NULL,
  action             text        NOT NULL,
  data_category      text,
  subject_person_ids text[]      NOT NULL DEFAULT '{}',
  result             text        NOT NULL,
  details            jsonb       NOT NULL DEFAULT '{}'::jsonb,
  prev_hash          bytea       NOT NULL,
  hash               bytea       NOT NULL,
  -- No foreign key to tenant here: every append first locks the municipality's row in
  -- audit_chain_head, which has one, and a per-row check would cost a fifth of append speed.
  CONSTRAINT audit_log_pkey PRIMARY KEY (lg_code, seq),
  CONSTRAINT audit_log_seq_positive CHECK (seq > 0),
  CONSTRAINT audit_log_actor_kind CHECK (actor_kind IN ('staff', 'resident', 'system', 'operator')),
  CONSTRAINT audit_log_result CHECK (result IN ('allowed', 'denied', 'failed', 'alert')),
  CONSTRAINT audit_log_hash_length CHECK (octet_length(prev_hash) = 32 AND octet_length(hash) = 32)
);
COMMENT ON TABLE audit_log IS 'Every read and write of personal data, one row each, hash-chained per municipality; append-only.';
COMMENT ON COLUMN audit_log.lg_code IS 'The municipality whose chain the row belongs to.';
COMMENT ON COLUMN audit_log.seq IS 'Position in the municipality''s chain, from 1, without gaps.';
COMMENT ON COLUMN audit_log.occurred_at IS 'When the access happened (millisecond precision, as hashed).';
COMMENT ON COLUMN audit_log.actor_kind IS 'Who acted: staff, resident, system or operator.';
COMMENT ON COLUMN audit_log.actor_id IS 'The acting account or job; never a personal name.';
COMMENT ON COLUMN audit_log.on_behalf_of IS 'The person id the actor acted for (a proxy, or staff at the counter for a resident), if any.';
COMMENT ON COLUMN audit_log.terminal_id IS 'The terminal the request came from, if known.';
COMMENT ON COLUMN audit_log.zone IS 'Network zone of the terminal: individual-number, lgwan or internet.';
COMMENT ON COLUMN audit_log.department IS 'The department the actor acted for (shown to residents in their access log).';
COMMENT ON COLUMN audit_log.purpose IS 'The purpose of the access, from the purpose catalogue.';
COMMENT ON COLUMN audit_log.action IS 'What was done, as module.resource.verb (e.g. registry.person.read).';
COMMENT ON COLUMN audit_log.data_category IS 'The kind of data touched (shown to residents), e.g. basic-resident-record.';
COMMENT ON COLUMN audit_log.subject_person_ids IS 'Person ids (宛名番号) whose data was accessed.';
COMMENT ON COLUMN audit_log.result IS 'allowed, denied, failed, or alert (e.g. an attempt on a support-measure record).';
COMMENT ON COLUMN audit_log.details IS 'Extra facts for investigators; never personal data beyond ids.';
COMMENT ON COLUMN audit_log.prev_hash IS 'hash of the previous row of the chain (a per-municipality genesis value for seq 1).';
COMMENT ON COLUMN audit_log.hash IS 'SHA-256(prev_hash || canonical encoding of this row).';

-- The canonical encoding v1 of a row, as hashed. Defined here, in SQL, so that the database can
-- verify a whole chain in one scan; packages/core/src/audit/audit-hash.ts builds the same bytes
-- when appending (a test checks they agree). Each value is <byte length>:<text>, NULL is '-';
-- the subject list and details are taken as PostgreSQL prints them (text[] and jsonb).
-- STABLE, not IMMUTABLE: the planner inlines them only when they declare no less volatility
-- than their body (to_char), and inlined they are several times faster.
CREATE FUNCTION audit_field(value text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce(octet_length(value)::text || ':' || value, '-') $$;
COMMENT ON FUNCTION audit_field(text) IS 'One value of the audit row encoding: <byte length>:<text>, or - for NULL.';

CREATE FUNCTION audit_canonical(r audit_log) RETURNS bytea
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT convert_to(
    audit_field('madoguchi-audit-v1')
    || audit_field(r.lg_code)
    || audit_field(r.seq::text)
    || audit_field(to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    || audit_field(r.actor_kind)
    || audit_field(r.actor_id)
    || audit_field(r.on_behalf_of)
    || audit_field(r.terminal_id)
    || audit_field(r.zone)
    || audit_field(r.department)
    || audit_field(r.purpose)
    || audit_field(r.action)
    || audit_field(r.data_category)
    || audit_field(r.subject_person_ids::text)
    || audit_field(r.result)
    || audit_field(r.details::text),
    'UTF8')
$$;
COMMENT ON FUNCTION audit_canonical(audit_log) IS 'The canonical encoding v1 of an audit row: the bytes its hash covers after prev_hash.';

CREATE TABLE audit_log_subject (
  lg_code   text   NOT NULL,
  person_id text   NOT NULL,
  seq       bigint NOT NULL,
  CONSTRAINT audit_log_subject_pkey PRIMARY KEY (lg_code, person_id, seq)
);
COMMENT ON TABLE audit_log_subject IS 'Index of audit rows by the person whose data was accessed, for the resident''s access log. Derived from audit_log.subject_person_ids after the fact (see audit_subject_watermark), so appends stay cheap.';
COMMENT ON COLUMN audit_log_subject.lg_code IS 'The municipality.';
COMMENT ON COLUMN audit_log_subject.person_id IS 'The person (宛名番号) whose data was accessed.';
COMMENT ON COLUMN audit_log_subject.seq IS 'The audit row.';

CREATE TABLE audit_subject_watermark (
  lg_code        text   NOT NULL,
  indexed_through bigint NOT NULL,
  CONSTRAINT audit_subject_watermark_pkey PRIMARY KEY (lg_code),
  CONSTRAINT audit_subject_watermark_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code)
);
COMMENT ON TABLE audit_subject_watermark IS 'How far audit_log_subject has been filled in from audit_log, per municipality.';
COMMENT ON COLUMN audit_subject_watermark.lg_code IS 'The municipality.';
COMMENT ON COLUMN audit_subject_watermark.indexed_through IS 'Every audit row up to this seq is in audit_log_subject.';

CREATE TABLE audit_chain_head (
  lg_code text   NOT NULL,
  seq     bigint NOT NULL,
  hash    bytea  NOT NULL,
  CONSTRAINT audit_chain_head_pkey PRIMARY KEY (lg_code),
  CONSTRAINT audit_chain_head_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code)
);
COMMENT ON TABLE audit_chain_head IS 'The last position and hash of each municipality''s chain; its row lock orders concurrent appends.';
COMMENT ON COLUMN audit_chain_head.lg_code IS 'The municipality.';
COMMENT ON COLUMN audit_chain_head.seq IS 'seq of the last appended row (0 before the first).';
COMMENT ON COLUMN audit_chain_head.hash IS 'hash of the last appended row (the genesis value before the first).';

CREATE TABLE audit_key (
  lg_code    text        NOT NULL,
  key_id     text        NOT NULL,
  public_key text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT audit_key_pkey PRIMARY KEY (lg_code, key_id),
  CONSTRAINT audit_key_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code)
);
COMMENT ON TABLE audit_key IS 'Public Ed25519 keys that sign a municipality''s audit checkpoints (the private key never enters the database).';
COMMENT ON COLUMN audit_key.lg_code IS 'The municipality.';
COMMENT ON COLUMN audit_key.key_id IS 'SHA-256 fingerprint of the public key, hex, first 16 characters.';
COMMENT ON COLUMN audit_key.public_key IS 'The public key as SPKI PEM.';
COMMENT ON COLUMN audit_key.created_at IS 'When the key was registered.';

CREATE TABLE audit_checkpoint (
  lg_code   text        NOT NULL,
  seq       bigint      NOT NULL,
  hash      bytea       NOT NULL,
  signed_at timestamptz NOT NULL,
  key_id    text        NOT NULL,
  signature bytea       NOT NULL,
  CONSTRAINT audit_checkpoint_pkey PRIMARY KEY (lg_code, seq),
  CONSTRAINT audit_checkpoint_log_fkey FOREIGN KEY (lg_code, seq) REFERENCES audit_log (lg_code, seq),
  CONSTRAINT audit_checkpoint_key_fkey FOREIGN KEY (lg_code, key_id) REFERENCES audit_key (lg_code, key_id)
);
COMMENT ON TABLE audit_checkpoint IS 'Signed statements "the chain of this municipality had this hash at this position".';
COMMENT ON COLUMN audit_checkpoint.lg_code IS 'The municipality.';
COMMENT ON COLUMN audit_checkpoint.seq IS 'The position the checkpoint covers.';
COMMENT ON COLUMN audit_checkpoint.hash IS 'The chain hash at that position.';
COMMENT ON COLUMN audit_checkpoint.signed_at IS 'When the checkpoint was signed.';
COMMENT ON COLUMN audit_checkpoint.key_id IS 'The key that signed it.';
COMMENT ON COLUMN audit_checkpoint.signature IS 'Ed25519 signature over the canonical checkpoint statement.';
