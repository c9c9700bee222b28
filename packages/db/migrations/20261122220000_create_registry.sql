-- The resident registry (住民記録, 住民記録システム標準仕様書). History is append-only: every
-- change to a person is a new version row in resident_record, written by a movement (異動) with
-- its reason code, dates and operator; the previous version keeps its content and only loses the
-- `is_current` mark. Any past state is the version in force on that date (docs/adr/0011).

CREATE TABLE registry_counter (
  lg_code    text   NOT NULL,
  name       text   NOT NULL,
  last_value bigint NOT NULL,
  CONSTRAINT registry_counter_pkey PRIMARY KEY (lg_code, name),
  CONSTRAINT registry_counter_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code),
  CONSTRAINT registry_counter_name CHECK (name IN ('person', 'household', 'certificate'))
);
COMMENT ON TABLE registry_counter IS 'Serial numbers handed out per municipality: 宛名番号, 世帯番号, certificate issue numbers.';
COMMENT ON COLUMN registry_counter.lg_code IS 'The municipality.';
COMMENT ON COLUMN registry_counter.name IS 'Which number: person, household or certificate.';
COMMENT ON COLUMN registry_counter.last_value IS 'The last serial given (before the check digit).';

CREATE TABLE resident_record (
  lg_code              text        NOT NULL,
  person_id            text        NOT NULL,
  version              integer     NOT NULL,
  is_current           boolean     NOT NULL,
  movement_id          text        NOT NULL,
  reason_code          text        NOT NULL,
  effective_on         date        NOT NULL,
  notified_on          date,
  processed_at         timestamptz NOT NULL,
  operator_id          text        NOT NULL,
  cancels_movement_id  text,
  note                 text,
  resident_kind        text        NOT NULL,
  status               text        NOT NULL,
  household_id         text        NOT NULL,
  household_order      integer     NOT NULL,
  relationship         text        NOT NULL,
  family_name          text        NOT NULL,
  given_name           text        NOT NULL,
  family_name_kana     text,
  given_name_kana      text,
  kana_certified       boolean     NOT NULL DEFAULT false,
  alias_name           text,
  former_family_name   text,
  birth_date           date        NOT NULL,
  sex                  smallint    NOT NULL,
  honseki              text,
  hittosha             text,
  became_resident_on   date        NOT NULL,
  postal_code          text,
  address              text        NOT NULL,
  address_detail       text,
  address_since        date        NOT NULL,
  previous_address     text,
  resident_code        text,
  nationality          text,
  residence_status     text,
  residence_expiry     date,
  foreign_resident_category text,
  removal_reason       text,
  removed_on           date,
  planned_destination  text,
  planned_move_on      date,
  name_key             text COLLATE "C" NOT NULL,
  kana_key             text COLLATE "C",
  alias_name_key       text COLLATE "C",
  address_key          text COLLATE "C" NOT NULL,
  CONSTRAINT resident_record_pkey PRIMARY KEY (lg_code, person_id, version),
  CONSTRAINT resident_record_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code),
  CONSTRAINT resident_record_person_id CHECK (person_id ~ '^[0-9]{10}$'),
  CONSTRAINT resident_record_household_id CHECK (household_id ~ '^[0-9]{10}$'),
  CONSTRAINT resident_record_version CHECK (version >= 1),
  CONSTRAINT resident_record_resident_kind CHECK (resident_kind IN ('japanese', 'foreign')),
  CONSTRAINT resident_record_status CHECK (status IN ('resident', 'removed')),
  CONSTRAINT resident_record_sex CHECK (sex IN (0, 1, 2, 9)),
  CONSTRAINT resident_record_removed CHECK ((status = 'removed') = (removed_on IS NOT NULL)),
  CONSTRAINT resident_record_resident_code CHECK (resident_code IS NULL OR resident_code ~ '^[0-9]{11}$'),
  CONSTRAINT resident_record_postal_code CHECK (postal_code IS NULL OR postal_code ~ '^[0-9]{3}-[0-9]{4}$')
);
COMMENT ON TABLE resident_record IS 'Every version of every person''s resident record (住民票), one row per person per movement; rows are never changed except that a newer version clears is_current (personal data).';
COMMENT ON COLUMN resident_record.lg_code IS 'The municipality.';
COMMENT ON COLUMN resident_record.person_id IS '宛名番号: 9-digit serial and a modulus-11 check digit (standard section 130); never the My Number.';
COMMENT ON COLUMN resident_record.version IS 'Version of this person''s record, 1 for the first entry.';
COMMENT ON COLUMN resident_record.is_current IS 'True on the latest version only; the one column a later version updates.';
COMMENT ON COLUMN resident_record.movement_id IS 'The movement (異動) that wrote this version; a household moving together shares one.';
COMMENT ON COLUMN resident_record.reason_code IS '異動事由 (standard section 210), a code of packages/core/src/registry/movement-reasons.ts.';
COMMENT ON COLUMN resident_record.effective_on IS '異動日: the day the change took effect.';
COMMENT ON COLUMN resident_record.notified_on IS '届出日: the day it was notified (null for changes made ex officio without notification).';
COMMENT ON COLUMN resident_record.processed_at IS '処理日: when the change was entered.';
COMMENT ON COLUMN resident_record.operator_id IS 'Staff account, job or operator that entered it.';
COMMENT ON COLUMN resident_record.cancels_movement_id IS 'For 異動の取消し: the movement this version undoes.';
COMMENT ON COLUMN resident_record.note IS 'Reason given for a correction or cancellation (no personal data beyond the record''s own).';
COMMENT ON COLUMN resident_record.resident_kind IS 'japanese (日本人住民) or foreign (外国人住民).';
COMMENT ON COLUMN resident_record.status IS 'resident, or removed (除票).';
COMMENT ON COLUMN resident_record.household_id IS '世帯番号.';
COMMENT ON COLUMN resident_record.household_order IS 'Order of the member within the household (standard section 1010), 1 for the head.';
COMMENT ON COLUMN resident_record.relationship IS '続柄 as printed; 世帯主 marks the head.';
COMMENT ON COLUMN resident_record.family_name IS '氏 (foreign residents: the name in alphabet as in the residence card).';
COMMENT ON COLUMN resident_record.given_name IS '名.';
COMMENT ON COLUMN resident_record.family_name_kana IS '氏の振り仮名, katakana.';
COMMENT ON COLUMN resident_record.given_name_kana IS '名の振り仮名, katakana.';
COMMENT ON COLUMN resident_record.kana_certified IS 'True when the 振り仮名 is the certified entry (戸籍法改正, 2025-05-26) rather than a reference reading.';
COMMENT ON COLUMN resident_record.alias_name IS '通称 (foreign residents).';
COMMENT ON COLUMN resident_record.former_family_name IS '旧氏.';
COMMENT ON COLUMN resident_record.birth_date IS '生年月日.';
COMMENT ON COLUMN resident_record.sex IS '性別, ISO 5218: 1 male, 2 female, 0 unknown, 9 not applicable.';
COMMENT ON COLUMN resident_record.honseki IS '本籍 (Japanese residents).';
COMMENT ON COLUMN resident_record.hittosha IS '筆頭者 (Japanese residents).';
COMMENT ON COLUMN resident_record.became_resident_on IS '住民となった年月日.';
COMMENT ON COLUMN resident_record.postal_code IS '郵便番号, NNN-NNNN.';
COMMENT ON COLUMN resident_record.address IS '住所.';
COMMENT ON COLUMN resident_record.address_detail IS '方書.';
COMMENT ON COLUMN resident_record.address_since IS '住定日: since when the person lives at the address.';
COMMENT ON COLUMN resident_record.previous_address IS '転入前住所.';
COMMENT ON COLUMN resident_record.resident_code IS '住民票コード, 11 digits.';
COMMENT ON COLUMN resident_record.nationality IS '国籍・地域 (foreign residents).';
COMMENT ON COLUMN resident_record.residence_status IS '在留資格 (foreign residents).';
COMMENT ON COLUMN resident_record.residence_expiry IS '在留期間の満了の日 (foreign residents).';
COMMENT ON COLUMN resident_record.foreign_resident_category IS '法第30条の45の区分 (中長期在留者, 特別永住者, ...).';
COMMENT ON COLUMN resident_record.removal_reason IS 'Why the record was removed (転出, 死亡, ...), for 除票.';
COMMENT ON COLUMN resident_record.removed_on IS 'The day of removal (消除日).';
COMMENT ON COLUMN resident_record.planned_destination IS '転出予定先 (the 転出証明書 data).';
COMMENT ON COLUMN resident_record.planned_move_on IS '転出予定年月日.';
COMMENT ON COLUMN resident_record.name_key IS 'Search key of the name (氏+名): variant kanji folded, width and kana normalised (name-key module).';
COMMENT ON COLUMN resident_record.kana_key IS 'Search key of the 振り仮名 (氏+名).';
COMMENT ON COLUMN resident_record.alias_name_key IS 'Search key of the 通称.';
COMMENT ON COLUMN resident_record.address_key IS 'Search key of the address.';

CREATE UNIQUE INDEX resident_record_current_key ON resident_record (lg_code, person_id) WHERE is_current;
CREATE INDEX resident_record_name_idx ON resident_record (lg_code, name_key) WHERE is_current;
CREATE INDEX resident_record_kana_idx ON resident_record (lg_code, kana_key) WHERE is_current;
CREATE INDEX resident_record_birth_kana_idx ON resident_record (lg_code, birth_date, kana_key) WHERE is_current;
CREATE INDEX resident_record_alias_idx ON resident_record (lg_code, alias_name_key) WHERE is_current AND alias_name_key IS NOT NULL;
CREATE INDEX resident_record_address_idx ON resident_record (lg_code, address_key) WHERE is_current;
CREATE INDEX resident_record_household_idx ON resident_record (lg_code, household_id) WHERE is_current;
CREATE INDEX resident_record_movement_idx ON resident_record (lg_code, movement_id);

-- Content is immutable: an UPDATE may only clear is_current. Enforced here so no code path can rewrite history.
CREATE FUNCTION resident_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.is_current OR NOT OLD.is_current
     OR (to_jsonb(NEW) - 'is_current') IS DISTINCT FROM (to_jsonb(OLD) - 'is_current') THEN
    RAISE EXCEPTION 'resident_record is append-only: only is_current may change, from true to false';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION resident_record_append_only() IS 'Keeps resident_record append-only: versions are never rewritten.';
CREATE TRIGGER resident_record_append_only BEFORE UPDATE ON resident_record
  FOR EACH ROW EXECUTE FUNCTION resident_record_append_only();
CREATE FUNCTION resident_record_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'resident_record is append-only: versions are never deleted';
END
$$;
COMMENT ON FUNCTION resident_record_no_delete() IS 'Refuses deleting a version of a resident record.';
CREATE TRIGGER resident_record_no_delete BEFORE DELETE ON resident_record
  FOR EACH ROW EXECUTE FUNCTION resident_record_no_delete();

CREATE TABLE individual_number (
  lg_code     text        NOT NULL,
  person_id   text        NOT NULL,
  ciphertext  bytea       NOT NULL,
  key_id      text        NOT NULL,
  lookup_hash bytea       NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT individual_number_pkey PRIMARY KEY (lg_code, person_id),
  CONSTRAINT individual_number_lookup_key UNIQUE (lg_code, lookup_hash),
  CONSTRAINT individual_number_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code)
);
COMMENT ON TABLE individual_number IS '個人番号 (My Number), encrypted at rest with AES-256-GCM; never a key, never joined on.';
COMMENT ON COLUMN individual_number.lg_code IS 'The municipality.';
COMMENT ON COLUMN individual_number.person_id IS 'The person it belongs to (宛名番号).';
COMMENT ON COLUMN individual_number.ciphertext IS 'IV, ciphertext and GCM tag; the person id is bound as associated data.';
COMMENT ON COLUMN individual_number.key_id IS 'Which data key encrypted it (for rotation).';
COMMENT ON COLUMN individual_number.lookup_hash IS 'HMAC-SHA-256 of the number under a key derived from the data key: detects duplicates without decrypting.';
COMMENT ON COLUMN individual_number.recorded_at IS 'When it was recorded.';

CREATE TABLE support_measure (
  lg_code     text        NOT NULL,
  person_id   text        NOT NULL,
  seq         integer     NOT NULL,
  action      text        NOT NULL,
  kind        text        NOT NULL,
  starts_on   date        NOT NULL,
  ends_on     date        NOT NULL,
  reason      text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  operator_id text        NOT NULL,
  CONSTRAINT support_measure_pkey PRIMARY KEY (lg_code, person_id, seq),
  CONSTRAINT support_measure_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code),
  CONSTRAINT support_measure_action CHECK (action IN ('start', 'extend', 'end')),
  CONSTRAINT support_measure_kind CHECK (kind IN ('full', 'provisional')),
  CONSTRAINT support_measure_period CHECK (ends_on >= starts_on)
);
COMMENT ON TABLE support_measure IS '支援措置 (DV, stalking, child abuse victims; standard section 440): an append-only history of periods per person (special-category personal data).';
COMMENT ON COLUMN support_measure.lg_code IS 'The municipality.';
COMMENT ON COLUMN support_measure.person_id IS 'The supported person.';
COMMENT ON COLUMN support_measure.seq IS 'Order of the entries for the person.';
COMMENT ON COLUMN support_measure.action IS 'start, extend or end; the latest entry is in force.';
COMMENT ON COLUMN support_measure.kind IS 'full (支援措置) or provisional (仮支援措置, while the confirmation is pending).';
COMMENT ON COLUMN support_measure.starts_on IS 'First day the measure applies.';
COMMENT ON COLUMN support_measure.ends_on IS 'Last day it applies (1 year after the start by default).';
COMMENT ON COLUMN support_measure.reason IS 'Internal reference of the decision (a case number; no details of the case).';
COMMENT ON COLUMN support_measure.recorded_at IS 'When it was entered.';
COMMENT ON COLUMN support_measure.operator_id IS 'Who entered it.';
CREATE INDEX support_measure_ends_idx ON support_measure (lg_code, ends_on);

CREATE TABLE certificate_issuance (
  lg_code        text        NOT NULL,
  issue_no       bigint      NOT NULL,
  kind           text        NOT NULL,
  person_ids     text[]      NOT NULL,
  requester_kind text        NOT NULL,
  items          text[]      NOT NULL,
  channel        text        NOT NULL,
  issued_at      timestamptz NOT NULL DEFAULT now(),
  operator_id    text        NOT NULL,
  pdf_sha256     bytea       NOT NULL,
  CONSTRAINT certificate_issuance_pkey PRIMARY KEY (lg_code, issue_no),
  CONSTRAINT certificate_issuance_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code),
  CONSTRAINT certificate_issuance_kind CHECK (kind IN ('resident-copy', 'removed-copy', 'entry-certificate')),
  CONSTRAINT certificate_issuance_requester CHECK (requester_kind IN ('self', 'household-member', 'third-party', 'official')),
  CONSTRAINT certificate_issuance_channel CHECK (channel IN ('counter', 'online', 'cli', 'api'))
);
COMMENT ON TABLE certificate_issuance IS '交付履歴 (standard section 300): every certificate issued, with what it showed.';
COMMENT ON COLUMN certificate_issuance.lg_code IS 'The municipality.';
COMMENT ON COLUMN certificate_issuance.issue_no IS 'Issue number printed on the certificate.';
COMMENT ON COLUMN certificate_issuance.kind IS 'resident-copy (住民票の写し), removed-copy (除票の写し) or entry-certificate (記載事項証明書).';
COMMENT ON COLUMN certificate_issuance.person_ids IS 'The persons shown.';
COMMENT ON COLUMN certificate_issuance.requester_kind IS 'self, household-member, third-party or official (請求者の区分).';
COMMENT ON COLUMN certificate_issuance.items IS 'Optional items included: honseki, relationship, resident-code, individual-number, ...';
COMMENT ON COLUMN certificate_issuance.channel IS 'Where it was issued: counter, online, cli, api.';
COMMENT ON COLUMN certificate_issuance.issued_at IS 'When.';
COMMENT ON COLUMN certificate_issuance.operator_id IS 'Who issued it.';
COMMENT ON COLUMN certificate_issuance.pdf_sha256 IS 'SHA-256 of the PDF handed out, to recognise a presented copy.';

CREATE TABLE registry_import_job (
  lg_code        text        NOT NULL,
  job_id         text        NOT NULL,
  status         text        NOT NULL,
  total_rows     integer,
  processed_rows integer     NOT NULL DEFAULT 0,
  result         jsonb,
  started_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz,
  operator_id    text        NOT NULL,
  CONSTRAINT registry_import_job_pkey PRIMARY KEY (lg_code, job_id),
  CONSTRAINT registry_import_job_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code),
  CONSTRAINT registry_import_job_status CHECK (status IN ('validating', 'loading', 'succeeded', 'failed'))
);
COMMENT ON TABLE registry_import_job IS 'Imports of residents-v1 files started through the API, with their progress and result (error locations only, never row contents).';
COMMENT ON COLUMN registry_import_job.lg_code IS 'The municipality.';
COMMENT ON COLUMN registry_import_job.job_id IS 'Random id.';
COMMENT ON COLUMN registry_import_job.status IS 'validating, loading, succeeded or failed.';
COMMENT ON COLUMN registry_import_job.total_rows IS 'Rows in the file, once counted.';
COMMENT ON COLUMN registry_import_job.processed_rows IS 'Rows validated or loaded so far.';
COMMENT ON COLUMN registry_import_job.result IS 'Counts, or the list of problems (line, column, code).';
COMMENT ON COLUMN registry_import_job.started_at IS 'When the job started.';
COMMENT ON COLUMN registry_import_job.finished_at IS 'When it ended.';
COMMENT ON COLUMN registry_import_job.operator_id IS 'Who started it.';
