-- One-time start-up work that is done, by name (epoch microseconds). Sealing again what older
-- versions stored in clear or in an older format scanned the inbox at every start; it runs once
-- now, and again only while retired master keys are configured (a key rotation).
CREATE TABLE maintenance_marks (
    name    VARCHAR(64) NOT NULL PRIMARY KEY,
    done_at BIGINT      NOT NULL
);
