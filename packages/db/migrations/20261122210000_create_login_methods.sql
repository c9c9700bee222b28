-- Further ways to log in: passkeys (level 2), one-time codes by e-mail (level 1), and accounts at
-- OpenID providers (デジタル認証アプリ for residents, the municipality's IdP for staff).

CREATE TABLE passkey_credential (
  lg_code       text        NOT NULL,
  credential_id text        NOT NULL,
  person_id     text        NOT NULL,
  public_key    bytea       NOT NULL,
  sign_count    bigint      NOT NULL DEFAULT 0,
  transports    text[]      NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  CONSTRAINT passkey_credential_pkey PRIMARY KEY (lg_code, credential_id),
  CONSTRAINT passkey_credential_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code)
);
COMMENT ON TABLE passkey_credential IS 'WebAuthn credentials (passkeys) residents registered after a stronger login.';
COMMENT ON COLUMN passkey_credential.lg_code IS 'The municipality.';
COMMENT ON COLUMN passkey_credential.credential_id IS 'The credential id, base64url.';
COMMENT ON COLUMN passkey_credential.person_id IS 'The resident it belongs to.';
COMMENT ON COLUMN passkey_credential.public_key IS 'The credential public key (COSE).';
COMMENT ON COLUMN passkey_credential.sign_count IS 'Signature counter last seen (clone detection where authenticators keep one).';
COMMENT ON COLUMN passkey_credential.transports IS 'Transports the authenticator reported (internal, hybrid, usb, ...).';
COMMENT ON COLUMN passkey_credential.created_at IS 'When it was registered.';
COMMENT ON COLUMN passkey_credential.last_used_at IS 'Last successful login with it.';

CREATE TABLE resident_email (
  lg_code     text        NOT NULL,
  person_id   text        NOT NULL,
  email       text        NOT NULL,
  verified_at timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT resident_email_pkey PRIMARY KEY (lg_code, person_id),
  CONSTRAINT resident_email_email_key UNIQUE (lg_code, email),
  CONSTRAINT resident_email_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code)
);
COMMENT ON TABLE resident_email IS 'The e-mail address a resident registered for one-time login codes (personal data).';
COMMENT ON COLUMN resident_email.lg_code IS 'The municipality.';
COMMENT ON COLUMN resident_email.person_id IS 'The resident.';
COMMENT ON COLUMN resident_email.email IS 'The address, lower-cased.';
COMMENT ON COLUMN resident_email.verified_at IS 'When a code sent to it was first entered correctly.';
COMMENT ON COLUMN resident_email.created_at IS 'When it was registered.';

CREATE TABLE oidc_binding (
  lg_code      text        NOT NULL,
  issuer       text        NOT NULL,
  subject      text        NOT NULL,
  subject_kind text        NOT NULL,
  subject_id   text        NOT NULL,
  bound_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT oidc_binding_pkey PRIMARY KEY (lg_code, issuer, subject),
  CONSTRAINT oidc_binding_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code),
  CONSTRAINT oidc_binding_subject_kind CHECK (subject_kind IN ('resident', 'staff'))
);
COMMENT ON TABLE oidc_binding IS 'Which resident or staff member an account at an OpenID provider belongs to.';
COMMENT ON COLUMN oidc_binding.lg_code IS 'The municipality.';
COMMENT ON COLUMN oidc_binding.issuer IS 'The provider''s issuer URL.';
COMMENT ON COLUMN oidc_binding.subject IS 'The sub claim at that provider.';
COMMENT ON COLUMN oidc_binding.subject_kind IS 'resident or staff.';
COMMENT ON COLUMN oidc_binding.subject_id IS 'The person id or staff id.';
COMMENT ON COLUMN oidc_binding.bound_at IS 'When the binding was made.';
