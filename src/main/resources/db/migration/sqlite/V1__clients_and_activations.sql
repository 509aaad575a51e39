-- The client registry: one row per (machine, application), one row per request.
-- Times are epoch milliseconds (UTC), IDs canonical lower-case UUID text.
-- IF NOT EXISTS everywhere: a re-run after an interrupted migration completes instead of failing.
CREATE TABLE IF NOT EXISTS clients (
    cmid            TEXT    NOT NULL,
    app_id          TEXT    NOT NULL,
    workstation     TEXT    NOT NULL,
    sku_id          TEXT    NOT NULL,
    kms_id          TEXT    NOT NULL,
    license_status  INTEGER NOT NULL,
    virtual_machine INTEGER NOT NULL,
    protocol_major  INTEGER NOT NULL,
    client_address  TEXT    NOT NULL,
    first_seen      INTEGER NOT NULL,
    last_seen       INTEGER NOT NULL,
    requests        INTEGER NOT NULL,
    epid            TEXT,
    last_hresult    INTEGER NOT NULL,
    PRIMARY KEY (cmid, app_id)
);

-- Real client counting: distinct machines per KMS ID seen since a time.
CREATE INDEX IF NOT EXISTS clients_kms_id_last_seen ON clients (kms_id, last_seen);

CREATE TABLE IF NOT EXISTS activations (
    event_id        TEXT    NOT NULL PRIMARY KEY,
    at              INTEGER NOT NULL,
    cmid            TEXT    NOT NULL,
    app_id          TEXT    NOT NULL,
    sku_id          TEXT    NOT NULL,
    kms_id          TEXT    NOT NULL,
    workstation     TEXT    NOT NULL,
    license_status  INTEGER NOT NULL,
    virtual_machine INTEGER NOT NULL,
    protocol_major  INTEGER NOT NULL,
    client_address  TEXT    NOT NULL,
    epid            TEXT,
    hresult         INTEGER NOT NULL,
    took_micros     INTEGER NOT NULL
);
