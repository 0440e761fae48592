-- Version 4 moves PostgreSQL's large objects into bytea and text columns (postgresql/V4). On H2
-- the same columns are BLOB and CLOB values that H2 stores and deletes with their rows, and they
-- already match the mapping, so there is nothing to change: this version only keeps the two
-- databases' version numbers the same.
SELECT 1;
