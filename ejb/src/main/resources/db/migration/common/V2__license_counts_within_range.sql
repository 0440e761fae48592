-- The counts a license grants lie between 0 and 10,000,000 (the range every channel accepts).
-- The boundaries already refuse anything else; now the database does too, whatever path writes.
-- An upgrade stops here, leaving the database as it was, if a row holds a count outside the
-- range: correct that row, then start again.
ALTER TABLE license ADD CONSTRAINT ck_license_seats CHECK (seats BETWEEN 0 AND 10000000);
ALTER TABLE license ADD CONSTRAINT ck_license_quota CHECK (quota BETWEEN 0 AND 10000000);
ALTER TABLE license ADD CONSTRAINT ck_license_max_activations CHECK (max_activations BETWEEN 0 AND 10000000);
ALTER TABLE hosted_license ADD CONSTRAINT ck_hosted_license_seats CHECK (seats BETWEEN 0 AND 10000000);
ALTER TABLE hosted_license ADD CONSTRAINT ck_hosted_license_quota CHECK (quota BETWEEN 0 AND 10000000);
