-- Version 9: changes made through the pages (the console, the self-help page) are recorded with
-- the channel PAGE; before, they were recorded as SYSTEM, as if nobody had made them.
ALTER TABLE audit_record DROP CONSTRAINT audit_record_channel_check;
ALTER TABLE audit_record ADD CONSTRAINT audit_record_channel_check
    CHECK (channel IN ('REST', 'SOAP', 'CLI', 'SYSTEM', 'PAGE'));
