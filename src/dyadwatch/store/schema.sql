-- dyadwatch DuckDB schema. Each table keeps the full record as JSON in `record`
-- (the contract of docs/RECORDS.md) beside flattened columns for querying.
-- date_start is the first day of the record's date ("2023" -> 2023-01-01) for range filters.

CREATE TABLE IF NOT EXISTS documents (
    doc_id      VARCHAR PRIMARY KEY,
    input       VARCHAR,
    url         VARCHAR,
    outlet      VARCHAR,
    title       VARCHAR,
    published   VARCHAR,
    published_date DATE,
    byline      VARCHAR[],
    agencies    VARCHAR[],
    language    VARCHAR,
    text        VARCHAR,
    removed     JSON,
    ingested_at TIMESTAMP,
    record      JSON
);

CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR PRIMARY KEY,
    doc_id          VARCHAR NOT NULL,
    source_text     VARCHAR,
    source_name     VARCHAR,
    source_country  VARCHAR,
    source_sector   VARCHAR,
    source_code     VARCHAR,
    target_text     VARCHAR,
    target_name     VARCHAR,
    target_country  VARCHAR,
    target_sector   VARCHAR,
    target_code     VARCHAR,
    -- dyad keys: ISO3 country, else the international body code (UNO, EUR, NAT, IGO...), else NULL
    source_key      VARCHAR,
    target_key      VARCHAR,
    plover_type     VARCHAR NOT NULL,
    plover_mode     VARCHAR,
    plover_context  VARCHAR[],
    cameo           VARCHAR,
    goldstein       DOUBLE,
    date            VARCHAR,
    date_start      DATE,
    date_precision  VARCHAR,
    date_basis      VARCHAR,
    status          VARCHAR NOT NULL,
    attributed_to   VARCHAR[],
    trigger         VARCHAR,
    weapons         VARCHAR[],
    sentence        INTEGER,
    start_char      INTEGER,
    end_char        INTEGER,
    evidence_text   VARCHAR,
    confidence      DOUBLE,
    n_mentions      INTEGER,  -- sentences/triggers asserting this one event (Event.mentions)
    record          JSON,
    headline        BOOLEAN  -- coded from the document title (offsets into the title)
);
-- files made before events had mentions: every stored event was one mention
ALTER TABLE events ADD COLUMN IF NOT EXISTS n_mentions INTEGER DEFAULT 1;

CREATE TABLE IF NOT EXISTS claims (
    claim_id        VARCHAR PRIMARY KEY,
    doc_id          VARCHAR NOT NULL,
    speaker_text    VARCHAR,
    speaker_name    VARCHAR,
    speaker_country VARCHAR,
    speaker_sector  VARCHAR,
    speaker_code    VARCHAR,
    speaker_key     VARCHAR,
    cue             VARCHAR,
    stance          VARCHAR NOT NULL,
    content_start   INTEGER,
    content_end     INTEGER,
    content_text    VARCHAR,
    quoted          BOOLEAN,
    date            VARCHAR,
    date_start      DATE,
    date_precision  VARCHAR,
    date_basis      VARCHAR,
    events          VARCHAR[],
    about_claims    VARCHAR[],
    sentence        INTEGER,
    start_char      INTEGER,
    end_char        INTEGER,
    evidence_text   VARCHAR,
    record          JSON
);

-- One row per distinct actor (key + code + name), rebuilt from events and claims after each batch.
CREATE TABLE IF NOT EXISTS actors (
    actor_key   VARCHAR,  -- code|name; no key constraint: the table is rebuilt in the batch transaction
    code        VARCHAR,
    country     VARCHAR,
    sector      VARCHAR,
    name        VARCHAR,
    kind        VARCHAR,
    n_events    INTEGER,
    n_claims    INTEGER,
    first_date  DATE,
    last_date   DATE
);

CREATE TABLE IF NOT EXISTS rejections (
    input       VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    detail      VARCHAR,
    rejected_at TIMESTAMP,
    PRIMARY KEY (input, reason)
);

-- stores written before the headline column get it (NULL: not a headline event)
ALTER TABLE events ADD COLUMN IF NOT EXISTS headline BOOLEAN;

CREATE INDEX IF NOT EXISTS events_dyad ON events (source_key, target_key);
CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id);
CREATE INDEX IF NOT EXISTS claims_doc ON claims (doc_id);
