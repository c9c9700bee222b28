-- A resident may take back a file they attached while the application is still a draft (the wrong
-- photo, the wrong page). Anything else in application_document stays as written: once submitted,
-- what the resident gave is part of the case. The service role gets DELETE (grants.sql); this
-- trigger holds the rule in the database too.

CREATE FUNCTION application_document_delete_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.kind <> 'attachment' OR NOT EXISTS (
    SELECT 1 FROM application a
     WHERE a.lg_code = OLD.lg_code AND a.application_id = OLD.application_id AND a.status = 'draft'
  ) THEN
    RAISE EXCEPTION 'application_document: only an attachment of a draft can be removed'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN OLD;
END
$$;
COMMENT ON FUNCTION application_document_delete_guard() IS 'Refuses removing a document unless it is an attachment of a draft.';

CREATE TRIGGER application_document_delete_guard
  BEFORE DELETE ON application_document
  FOR EACH ROW EXECUTE FUNCTION application_document_delete_guard();
