-- Recovery in seconds: each claim of a queue row is named by its instance (claimed_by) and a token
-- (claim_token, a random number per claim). Whatever a worker then writes to the row is fenced by the
-- token (… WHERE id = ? AND claim_token = ?), so a worker whose lease ran out and whose row another
-- took changes nothing; an instance that starts again under its name frees the rows it still held.
-- claim_token is NULL while no one holds the row.
ALTER TABLE inbox ADD COLUMN claimed_by VARCHAR(128) NULL;
ALTER TABLE inbox ADD COLUMN claim_token BIGINT NULL;
ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR(128) NULL;
ALTER TABLE outbox ADD COLUMN claim_token BIGINT NULL;
