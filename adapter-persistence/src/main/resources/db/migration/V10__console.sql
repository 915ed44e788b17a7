-- Issue 16, the operators' console: since when a connection is in its state, when an account last had
-- a message relayed (F14, kept to the minute), the names of the companies met, and the audit trail
-- read by action across companies.
ALTER TABLE connections ADD COLUMN state_since BIGINT NULL;
ALTER TABLE channel_accounts ADD COLUMN last_activity_at BIGINT NULL;

CREATE TABLE companies (
    company_id VARCHAR(64)  NOT NULL,
    name       VARCHAR(255) NOT NULL,
    PRIMARY KEY (company_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_audit_action ON audit_entries (action, occurred_at);
