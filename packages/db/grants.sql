-- Privileges of the application role, applied after every migration run (idempotent).
-- The schema is owned by the migrator; the running service connects as a login role that
-- is a member of madoguchi_app and gets only what is listed here (docs/operations/database-roles.md).
-- When the role does not exist (the embedded engine, a developer database) nothing is granted.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'madoguchi_app') THEN
    REVOKE ALL ON ALL TABLES IN SCHEMA public FROM madoguchi_app;
    REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM madoguchi_app;
    GRANT USAGE ON SCHEMA public TO madoguchi_app;
    GRANT SELECT ON schema_migration TO madoguchi_app;
    GRANT SELECT, INSERT, UPDATE ON tenant TO madoguchi_app;
    -- The audit log: the service adds rows to audit_log_pending only (no SELECT, UPDATE or DELETE
    -- there), and they reach the chain only through audit_seal() (SECURITY DEFINER): it cannot
    -- write audit_log or move the chain head itself (docs/adr/0014).
    GRANT INSERT ON audit_log_pending TO madoguchi_app;
    GRANT SELECT ON audit_log, audit_chain_head TO madoguchi_app;
    GRANT SELECT, INSERT ON audit_log_subject, audit_checkpoint, audit_key TO madoguchi_app;
    GRANT SELECT, INSERT, UPDATE ON audit_subject_watermark TO madoguchi_app;
    REVOKE ALL ON FUNCTION audit_seal(text, integer) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION audit_seal(text, integer) TO madoguchi_app;
    GRANT SELECT, INSERT, UPDATE ON auth_challenge, card_binding, auth_session, staff_account TO madoguchi_app;
    GRANT SELECT, INSERT, DELETE ON oidc_pending_login TO madoguchi_app;
    GRANT SELECT, INSERT ON access_log_hold TO madoguchi_app;
    GRANT SELECT, INSERT, UPDATE ON passkey_credential, resident_email, oidc_binding TO madoguchi_app;
    -- The registry: versions are appended (a trigger allows UPDATE of is_current only), never deleted.
    GRANT SELECT, INSERT, UPDATE ON registry_counter, resident_record, individual_number, registry_import_job TO madoguchi_app;
    GRANT SELECT, INSERT ON support_measure, certificate_issuance TO madoguchi_app;
    -- Procedures: published versions never change; application history and documents are appended
    -- (a trigger lets only an attachment of a draft be removed).
    GRANT SELECT, INSERT ON procedure_version, application_event, outbox_event TO madoguchi_app;
    GRANT SELECT, INSERT, DELETE ON application_document TO madoguchi_app;
    GRANT SELECT, INSERT, UPDATE ON application, webhook_subscription, webhook_delivery TO madoguchi_app;
    GRANT USAGE ON SEQUENCE application_receipt_seq TO madoguchi_app;
    GRANT UPDATE (status) ON procedure_version TO madoguchi_app;
  END IF;
END
$$;
