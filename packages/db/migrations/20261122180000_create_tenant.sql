-- Municipalities served by this deployment. Every tenant-scoped table leads its primary
-- key with lg_code and references this table (docs/adr/0004-tenant-key.md).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION lg_code_is_valid(code text) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN code ~ '^[0-9]{6}$' THEN
      substr(code, 6, 1)::int = (11 - ((
          substr(code, 1, 1)::int * 6 + substr(code, 2, 1)::int * 5 + substr(code, 3, 1)::int * 4
        + substr(code, 4, 1)::int * 3 + substr(code, 5, 1)::int * 2) % 11)) % 10
    ELSE false
  END
$$;
COMMENT ON FUNCTION lg_code_is_valid(text) IS
  'True when the text is a 6-digit 地方公共団体コード whose check digit is right (weights 6,5,4,3,2; check = last digit of 11 - (sum mod 11)).';

CREATE TABLE tenant (
  lg_code    text        NOT NULL,
  name       text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT tenant_pkey PRIMARY KEY (lg_code),
  CONSTRAINT tenant_lg_code_valid CHECK (lg_code_is_valid(lg_code)),
  CONSTRAINT tenant_name_length CHECK (char_length(name) BETWEEN 1 AND 100 AND name = btrim(name))
);
COMMENT ON TABLE tenant IS 'A municipality (地方公共団体) served by this deployment; the root of every tenant-scoped row.';
COMMENT ON COLUMN tenant.lg_code IS '地方公共団体コード: 6 digits including the check digit; the tenant key and the Citus distribution column.';
COMMENT ON COLUMN tenant.name IS 'The municipality''s name in Japanese as it appears on documents (e.g. デモ市).';
COMMENT ON COLUMN tenant.created_at IS 'When the municipality was added to this deployment.';
