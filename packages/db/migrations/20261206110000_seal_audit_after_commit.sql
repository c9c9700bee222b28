-- Audit rows are written in the transaction of the access they record, into audit_log_pending,
-- without a lock; audit_seal() chains committed rows into audit_log soon after (in serve, every few
-- hundred milliseconds; before every read of the log). Before this, every append took the
-- municipality's chain lock and held it to its commit, so every read of personal data in the
-- municipality queued behind every other: one commit at a time (docs/adr/0014).

CREATE TABLE audit_log_pending (
  lg_code            text        NOT NULL,
  pending_id         bigint      GENERATED ALWAYS AS IDENTITY,
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
  CONSTRAINT audit_log_pending_pkey PRIMARY KEY (lg_code, pending_id),
  CONSTRAINT audit_log_pending_actor_kind CHECK (actor_kind IN ('staff', 'resident', 'system', 'operator')),
  CONSTRAINT audit_log_pending_result CHECK (result IN ('allowed', 'denied', 'failed', 'alert')),
  -- No foreign key to tenant: every transaction of a municipality would take a share lock on its one
  -- tenant row. audit_seal() chains only into a head that has one.
  CONSTRAINT audit_log_pending_lg_code CHECK (lg_code ~ '^[0-9]{6}$')
);
COMMENT ON TABLE audit_log_pending IS 'Audit rows committed with their change and not yet chained; audit_seal() moves them into audit_log. The service may only insert here.';
COMMENT ON COLUMN audit_log_pending.lg_code IS 'The municipality.';
COMMENT ON COLUMN audit_log_pending.pending_id IS 'Order of insertion (rows are chained in the order they are sealed, which follows commit order).';
COMMENT ON COLUMN audit_log_pending.occurred_at IS 'When the access happened (millisecond precision, as hashed).';
COMMENT ON COLUMN audit_log_pending.actor_kind IS 'staff, resident, system or operator.';
COMMENT ON COLUMN audit_log_pending.actor_id IS 'Account or job id (never a name).';
COMMENT ON COLUMN audit_log_pending.on_behalf_of IS 'The person acted for, when acting on someone''s behalf.';
COMMENT ON COLUMN audit_log_pending.terminal_id IS 'Staff terminal.';
COMMENT ON COLUMN audit_log_pending.zone IS 'Network zone of the terminal.';
COMMENT ON COLUMN audit_log_pending.department IS 'Department of the actor.';
COMMENT ON COLUMN audit_log_pending.purpose IS 'Purpose of the access.';
COMMENT ON COLUMN audit_log_pending.action IS 'What was done.';
COMMENT ON COLUMN audit_log_pending.data_category IS 'Kind of personal data touched.';
COMMENT ON COLUMN audit_log_pending.subject_person_ids IS 'Persons whose data was touched.';
COMMENT ON COLUMN audit_log_pending.result IS 'allowed, denied, failed or alert.';
COMMENT ON COLUMN audit_log_pending.details IS 'Structured details (no personal data beyond ids).';

-- The canonical encoding v1 (ADR 0009) after the sequence number: what a row's hash covers besides
-- the version tag, the municipality and seq. audit_canonical() is redefined with it (same bytes), and
-- audit_seal() computes it for a batch in one query, so only seq and the hash are left row by row.
CREATE FUNCTION audit_canonical_tail(occurred_at timestamptz, actor_kind text, actor_id text, on_behalf_of text,
  terminal_id text, zone text, department text, purpose text, action text, data_category text,
  subject_person_ids text[], result text, details jsonb) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT audit_field(to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    || audit_field(actor_kind)
    || audit_field(actor_id)
    || audit_field(on_behalf_of)
    || audit_field(terminal_id)
    || audit_field(zone)
    || audit_field(department)
    || audit_field(purpose)
    || audit_field(action)
    || audit_field(data_category)
    || audit_field(subject_person_ids::text)
    || audit_field(result)
    || audit_field(details::text)
$$;
COMMENT ON FUNCTION audit_canonical_tail(timestamptz, text, text, text, text, text, text, text, text, text, text[], text, jsonb) IS 'The canonical encoding v1 of an audit row after its sequence number.';

CREATE OR REPLACE FUNCTION audit_canonical(r audit_log) RETURNS bytea
  LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT convert_to(
    audit_field('madoguchi-audit-v1') || audit_field(r.lg_code) || audit_field(r.seq::text)
    || audit_canonical_tail(r.occurred_at, r.actor_kind, r.actor_id, r.on_behalf_of, r.terminal_id, r.zone,
         r.department, r.purpose, r.action, r.data_category, r.subject_person_ids, r.result, r.details),
    'UTF8')
$$;

CREATE FUNCTION audit_genesis(p_lg_code text) RETURNS bytea
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT sha256(convert_to('madoguchi-audit-v1:genesis:' || p_lg_code, 'UTF8')) $$;
COMMENT ON FUNCTION audit_genesis(text) IS 'The hash before a municipality''s first row (the same as genesisHash() in audit-hash.ts).';

-- Chains the municipality's committed pending rows, oldest first, into audit_log: the same
-- canonical encoding (audit_canonical) and chain hash (SHA-256 of the previous hash and the
-- encoding) as ever, so verification is unchanged. It takes the chain head's row lock, so sealers
-- queue; rows of transactions not yet committed are invisible to it and sealed by a later call.
-- SECURITY DEFINER: the service role may insert pending rows and run this, but may not delete them.
CREATE FUNCTION audit_seal(p_lg_code text, p_limit integer DEFAULT 5000) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
DECLARE
  head_seq  bigint;
  head_hash bytea;
  p         record;
  ids       bigint[] := '{}';
  seqs      bigint[] := '{}';
  prevs     bytea[]  := '{}';
  hashes    bytea[]  := '{}';
  n         integer  := 0;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_log_pending WHERE lg_code = p_lg_code) THEN
    RETURN 0;
  END IF;
  INSERT INTO audit_chain_head (lg_code, seq, hash) VALUES (p_lg_code, 0, audit_genesis(p_lg_code))
    ON CONFLICT (lg_code) DO UPDATE SET lg_code = excluded.lg_code
    RETURNING seq, hash INTO head_seq, head_hash;
  -- The encoding of each row is computed for the whole batch in the query; the chain is sequential,
  -- so only seq and the hash are row by row; the rows then move in one statement (DELETE … RETURNING
  -- feeding the INSERT).
  FOR p IN
    SELECT q.pending_id,
           convert_to(audit_field('madoguchi-audit-v1') || audit_field(q.lg_code), 'UTF8') AS head_part,
           convert_to(audit_canonical_tail(q.occurred_at, q.actor_kind, q.actor_id, q.on_behalf_of, q.terminal_id,
             q.zone, q.department, q.purpose, q.action, q.data_category, q.subject_person_ids, q.result, q.details),
             'UTF8') AS tail_part
      FROM audit_log_pending q
     WHERE q.lg_code = p_lg_code
     ORDER BY q.pending_id
     LIMIT p_limit
       FOR UPDATE SKIP LOCKED
  LOOP
    n := n + 1;
    head_seq := head_seq + 1;
    ids[n] := p.pending_id;
    seqs[n] := head_seq;
    prevs[n] := head_hash;
    head_hash := sha256(head_hash || p.head_part || convert_to(audit_field(head_seq::text), 'UTF8') || p.tail_part);
    hashes[n] := head_hash;
  END LOOP;
  IF n = 0 THEN
    RETURN 0;
  END IF;
  WITH moved AS (
    DELETE FROM audit_log_pending WHERE lg_code = p_lg_code AND pending_id = ANY (ids) RETURNING *
  )
  INSERT INTO audit_log (lg_code, seq, occurred_at, actor_kind, actor_id, on_behalf_of, terminal_id, zone, department,
                         purpose, action, data_category, subject_person_ids, result, details, prev_hash, hash)
    SELECT q.lg_code, s.seq, q.occurred_at, q.actor_kind, q.actor_id, q.on_behalf_of, q.terminal_id, q.zone,
           q.department, q.purpose, q.action, q.data_category, q.subject_person_ids, q.result, q.details, s.prev, s.hash
      FROM unnest(ids, seqs, prevs, hashes) AS s (pending_id, seq, prev, hash)
      JOIN moved q ON q.pending_id = s.pending_id
     ORDER BY s.seq;
  UPDATE audit_chain_head SET seq = head_seq, hash = head_hash WHERE lg_code = p_lg_code;
  RETURN n;
END
$$;
COMMENT ON FUNCTION audit_seal(text, integer) IS 'Chains committed pending audit rows of a municipality into audit_log (at most p_limit); returns how many.';
