-- Identity: login challenges, card bindings, sessions, staff accounts, pending OIDC logins, and
-- holds on the resident's access log (docs/adr/0010-identity-and-access.md).

CREATE TABLE auth_challenge (
  lg_code      text        NOT NULL,
  challenge_id uuid        NOT NULL,
  kind         text        NOT NULL,
  challenge    text        NOT NULL,
  subject_id   text,
  attempts     integer     NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz,
  CONSTRAINT auth_challenge_pkey PRIMARY KEY (lg_code, challenge_id),
  CONSTRAINT auth_challenge_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code),
  CONSTRAINT auth_challenge_kind CHECK (kind IN ('card-login', 'passkey-registration', 'passkey-login', 'email-code'))
);
COMMENT ON TABLE auth_challenge IS 'One-time challenges for logins (card, passkey, e-mail code): single use, short-lived.';
COMMENT ON COLUMN auth_challenge.lg_code IS 'The municipality the login is for.';
COMMENT ON COLUMN auth_challenge.challenge_id IS 'Random id the client sends back with the signature.';
COMMENT ON COLUMN auth_challenge.kind IS 'What the challenge is for: card-login, passkey-registration, passkey-login, email-code.';
COMMENT ON COLUMN auth_challenge.challenge IS 'The challenge (random, base64url), or for an e-mail code the SHA-256 of the code.';
COMMENT ON COLUMN auth_challenge.subject_id IS 'The person the challenge was issued for, when known in advance (passkey registration, e-mail code).';
COMMENT ON COLUMN auth_challenge.attempts IS 'Wrong answers so far (an e-mail code allows a few).';
COMMENT ON COLUMN auth_challenge.created_at IS 'When it was issued.';
COMMENT ON COLUMN auth_challenge.expires_at IS 'After this it is refused (CHALLENGE_EXPIRED).';
COMMENT ON COLUMN auth_challenge.used_at IS 'When an answer was first received; a second answer is refused (CHALLENGE_REUSED).';

CREATE TABLE card_binding (
  lg_code    text        NOT NULL,
  issuer     text        NOT NULL,
  serial_hex text        NOT NULL,
  person_id  text        NOT NULL,
  bound_at   timestamptz NOT NULL DEFAULT now(),
  unbound_at timestamptz,
  CONSTRAINT card_binding_pkey PRIMARY KEY (lg_code, issuer, serial_hex),
  CONSTRAINT card_binding_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code),
  CONSTRAINT card_binding_serial_hex CHECK (serial_hex ~ '^[0-9a-f]+$')
);
COMMENT ON TABLE card_binding IS 'Which resident a card certificate belongs to, by issuer and serial number (the registry item for the user-authentication certificate); never by the My Number.';
COMMENT ON COLUMN card_binding.lg_code IS 'The municipality.';
COMMENT ON COLUMN card_binding.issuer IS 'Issuer distinguished name of the certificate.';
COMMENT ON COLUMN card_binding.serial_hex IS 'Certificate serial number, lower-case hex.';
COMMENT ON COLUMN card_binding.person_id IS 'The resident (宛名番号) the card belongs to.';
COMMENT ON COLUMN card_binding.bound_at IS 'When the serial was recorded.';
COMMENT ON COLUMN card_binding.unbound_at IS 'When the binding ended (card renewed or returned); logins are refused after.';

CREATE TABLE auth_session (
  lg_code          text        NOT NULL,
  token_hash       bytea       NOT NULL,
  subject_kind     text        NOT NULL,
  subject_id       text        NOT NULL,
  assurance_level  smallint    NOT NULL,
  method           text        NOT NULL,
  terminal_id      text,
  zone             text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  authenticated_at timestamptz NOT NULL,
  last_seen_at     timestamptz NOT NULL,
  idle_timeout_s   integer     NOT NULL,
  expires_at       timestamptz NOT NULL,
  ended_at         timestamptz,
  CONSTRAINT auth_session_pkey PRIMARY KEY (lg_code, token_hash),
  CONSTRAINT auth_session_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code),
  CONSTRAINT auth_session_subject_kind CHECK (subject_kind IN ('resident', 'staff')),
  CONSTRAINT auth_session_assurance CHECK (assurance_level BETWEEN 1 AND 3),
  CONSTRAINT auth_session_method CHECK (method IN ('card', 'passkey', 'email-code', 'password-totp', 'password-passkey', 'oidc')),
  CONSTRAINT auth_session_idle CHECK (idle_timeout_s > 0)
);
COMMENT ON TABLE auth_session IS 'Login sessions of residents and staff. Only a hash of the token is stored.';
COMMENT ON COLUMN auth_session.lg_code IS 'The municipality.';
COMMENT ON COLUMN auth_session.token_hash IS 'SHA-256 of the session token held in the client''s cookie.';
COMMENT ON COLUMN auth_session.subject_kind IS 'resident or staff.';
COMMENT ON COLUMN auth_session.subject_id IS 'The person id (resident) or staff id.';
COMMENT ON COLUMN auth_session.assurance_level IS '1 e-mail code, 2 passkey (or staff password + second factor), 3 My Number card.';
COMMENT ON COLUMN auth_session.method IS 'How the subject proved who they are.';
COMMENT ON COLUMN auth_session.terminal_id IS 'Staff terminal, if known.';
COMMENT ON COLUMN auth_session.zone IS 'Network zone of the terminal (individual-number, lgwan, internet).';
COMMENT ON COLUMN auth_session.created_at IS 'When the session began.';
COMMENT ON COLUMN auth_session.authenticated_at IS 'When the subject last proved who they are (re-authentication renews it).';
COMMENT ON COLUMN auth_session.last_seen_at IS 'Last request; the idle timeout counts from here.';
COMMENT ON COLUMN auth_session.idle_timeout_s IS 'Seconds of inactivity after which the session ends.';
COMMENT ON COLUMN auth_session.expires_at IS 'Absolute end of the session, however active.';
COMMENT ON COLUMN auth_session.ended_at IS 'When it was ended by logout or timeout.';

CREATE TABLE staff_account (
  lg_code         text        NOT NULL,
  staff_id        text        NOT NULL,
  login_name      text        NOT NULL,
  password_hash   text        NOT NULL,
  totp_secret     text,
  totp_last_step  bigint,
  roles           text[]      NOT NULL DEFAULT '{}',
  departments     text[]      NOT NULL DEFAULT '{}',
  failed_attempts integer     NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  disabled_at     timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT staff_account_pkey PRIMARY KEY (lg_code, staff_id),
  CONSTRAINT staff_account_login_name_key UNIQUE (lg_code, login_name),
  CONSTRAINT staff_account_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code)
);
COMMENT ON TABLE staff_account IS 'Local staff accounts: Argon2id password plus a mandatory second factor.';
COMMENT ON COLUMN staff_account.lg_code IS 'The municipality.';
COMMENT ON COLUMN staff_account.staff_id IS 'Stable staff id, used in the audit log.';
COMMENT ON COLUMN staff_account.login_name IS 'What the staff member types to log in.';
COMMENT ON COLUMN staff_account.password_hash IS 'Argon2id hash in PHC string format.';
COMMENT ON COLUMN staff_account.totp_secret IS 'TOTP shared secret (base32), when TOTP is the second factor.';
COMMENT ON COLUMN staff_account.totp_last_step IS 'The last accepted TOTP time step: a code is accepted once, in any process.';
COMMENT ON COLUMN staff_account.roles IS 'Roles granted (see the policy catalogue).';
COMMENT ON COLUMN staff_account.departments IS 'Departments the staff member works for.';
COMMENT ON COLUMN staff_account.failed_attempts IS 'Consecutive failed logins; reset on success.';
COMMENT ON COLUMN staff_account.locked_until IS 'Logins are refused until then (ACCOUNT_LOCKED).';
COMMENT ON COLUMN staff_account.disabled_at IS 'When the account was disabled.';
COMMENT ON COLUMN staff_account.created_at IS 'When the account was created.';

CREATE TABLE oidc_pending_login (
  lg_code    text        NOT NULL,
  state      text        NOT NULL,
  provider   text        NOT NULL,
  pending    jsonb       NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT oidc_pending_login_pkey PRIMARY KEY (lg_code, state),
  CONSTRAINT oidc_pending_login_tenant_fkey FOREIGN KEY (lg_code) REFERENCES tenant (lg_code)
);
COMMENT ON TABLE oidc_pending_login IS 'OpenID Connect logins started and not yet completed (state, nonce, PKCE verifier).';
COMMENT ON COLUMN oidc_pending_login.lg_code IS 'The municipality.';
COMMENT ON COLUMN oidc_pending_login.state IS 'The state parameter sent to the provider.';
COMMENT ON COLUMN oidc_pending_login.provider IS 'Which configured provider.';
COMMENT ON COLUMN oidc_pending_login.pending IS 'nonce, PKCE code verifier, requested acr and creation time.';
COMMENT ON COLUMN oidc_pending_login.created_at IS 'When the login was started.';

CREATE TABLE access_log_hold (
  lg_code    text        NOT NULL,
  seq        bigint      NOT NULL,
  hold_until date        NOT NULL,
  legal_basis text       NOT NULL,
  held_by    text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT access_log_hold_pkey PRIMARY KEY (lg_code, seq),
  CONSTRAINT access_log_hold_log_fkey FOREIGN KEY (lg_code, seq) REFERENCES audit_log (lg_code, seq)
);
COMMENT ON TABLE access_log_hold IS 'Audit rows the law allows to withhold from the resident''s access log (e.g. during an investigation), until a release date.';
COMMENT ON COLUMN access_log_hold.lg_code IS 'The municipality.';
COMMENT ON COLUMN access_log_hold.seq IS 'The audit row held back.';
COMMENT ON COLUMN access_log_hold.hold_until IS 'From this date the row is shown.';
COMMENT ON COLUMN access_log_hold.legal_basis IS 'The provision that allows withholding it.';
COMMENT ON COLUMN access_log_hold.held_by IS 'Staff id that placed the hold.';
COMMENT ON COLUMN access_log_hold.created_at IS 'When the hold was placed.';
