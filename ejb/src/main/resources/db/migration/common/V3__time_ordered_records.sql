-- Audit records and sync reports are read newest first by their time, not by id: the nodes of a
-- cluster each take their own block of ids, so ids are not in time order across nodes.
CREATE INDEX ix_audit_recorded ON audit_record (recorded_at);
CREATE INDEX ix_sync_report_started ON sync_report (started_at);
