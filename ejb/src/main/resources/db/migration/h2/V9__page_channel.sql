-- Version 9: changes made through the pages (the console, the self-help page) are recorded with
-- the channel PAGE; before, they were recorded as SYSTEM, as if nobody had made them.
ALTER TABLE "AUDIT_RECORD" ALTER COLUMN "CHANNEL" ENUM('CLI', 'REST', 'SOAP', 'SYSTEM', 'PAGE') NOT NULL;
