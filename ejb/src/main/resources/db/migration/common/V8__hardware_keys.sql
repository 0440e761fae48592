-- Hardware (USB) key licensing (seed 002): keys preloaded by the publisher, read by every node.

-- Publisher: each key it preloaded, by its ID (token serial and label), with the public half of the
-- key pair the token made; the key's licenses are registered to 'usb-key:' || key_id.
CREATE TABLE hardware_key (
    key_id varchar(64) PRIMARY KEY,
    public_key varchar(200) NOT NULL,
    fingerprint varchar(32) NOT NULL,
    registered_at timestamp(6) with time zone NOT NULL,
    registered_by varchar(320) NOT NULL
);

-- Instance: each node's latest reading of its slots; a node that stops reporting stops counting.
CREATE TABLE hardware_key_report (
    node_name varchar(100) PRIMARY KEY,
    reported_at timestamp(6) with time zone NOT NULL,
    readings varchar(1000000) NOT NULL
);

-- Instance: the key licensing in effect: the key whose license is installed, the status across the
-- nodes, and since when the keys have not been as they should be (the buffer license runs from then).
CREATE TABLE hardware_key_licensing (
    id integer PRIMARY KEY,
    installed_key varchar(64),
    installed_serial bigint,
    installed_sha256 varchar(64),
    status varchar(16) NOT NULL,
    degraded_since timestamp(6) with time zone,
    CONSTRAINT hardware_key_licensing_one CHECK (id = 1),
    CONSTRAINT hardware_key_licensing_status_check CHECK (status IN ('NORMAL', 'REMOVED', 'ABNORMAL', 'FAULT'))
);
INSERT INTO hardware_key_licensing (id, status) VALUES (1, 'REMOVED');

-- Instance: a license may now come from a hardware key.
ALTER TABLE hosted_license DROP CONSTRAINT hosted_license_source_check;
ALTER TABLE hosted_license ADD CONSTRAINT hosted_license_source_check
    CHECK ((source = 'ONLINE' AND file_serial IS NULL)
        OR (source IN ('LICENSE_FILE', 'HARDWARE_KEY') AND file_serial > 0));

-- Instance: the seed's USB key alert, while an installed key is removed or in fault.
ALTER TABLE license_alert DROP CONSTRAINT license_alert_kind_check;
ALTER TABLE license_alert ADD CONSTRAINT license_alert_kind_check
    CHECK (kind IN ('LICENSE_TO_EXPIRE', 'LICENSE_EXPIRED', 'INSUFFICIENT_QUOTA', 'USB_KEY_ABNORMALITY'));
