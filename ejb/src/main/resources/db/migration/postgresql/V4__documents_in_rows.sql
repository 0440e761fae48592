-- Licentia 0.1 kept license documents, sealed keys, audit states and sync reports in PostgreSQL
-- large objects (Hibernate's mapping of @Lob there), which a deleted row leaves behind for good.
-- From version 4 they are bytea and text columns that go with their rows. The large objects these
-- columns referred to are removed here; any that earlier deletions left behind are no longer
-- referred to by anything of Licentia's and are left to the administrator (vacuumlo).
CREATE TEMPORARY TABLE v4_large_object (id oid) ON COMMIT DROP;
INSERT INTO v4_large_object SELECT document FROM hosted_license;
INSERT INTO v4_large_object SELECT sealed_private_key FROM signing_key;
INSERT INTO v4_large_object SELECT sealed_private_key FROM local_instance;
INSERT INTO v4_large_object SELECT state_before FROM audit_record WHERE state_before IS NOT NULL;
INSERT INTO v4_large_object SELECT state_after FROM audit_record WHERE state_after IS NOT NULL;
INSERT INTO v4_large_object SELECT licenses FROM sync_report;

ALTER TABLE hosted_license ALTER COLUMN document TYPE bytea USING lo_get(document);
ALTER TABLE signing_key ALTER COLUMN sealed_private_key TYPE bytea USING lo_get(sealed_private_key);
ALTER TABLE local_instance ALTER COLUMN sealed_private_key TYPE bytea USING lo_get(sealed_private_key);
ALTER TABLE audit_record ALTER COLUMN state_before TYPE text USING convert_from(lo_get(state_before), 'UTF8');
ALTER TABLE audit_record ALTER COLUMN state_after TYPE text USING convert_from(lo_get(state_after), 'UTF8');
ALTER TABLE sync_report ALTER COLUMN licenses TYPE text USING convert_from(lo_get(licenses), 'UTF8');

SELECT lo_unlink(id) FROM v4_large_object;
