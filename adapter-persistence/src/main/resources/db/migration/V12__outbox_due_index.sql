-- #14: when the next waiting send becomes due (the outbox's empty claims ask it to wake a worker then)
-- was a scan of every unfinished row (≈700 rows read per ask in the pacing benchmark); with this index it
-- is one read. Only the outbox: its rows wait for sending slots, the inbox's rarely wait.
CREATE INDEX ix_outbox_due ON outbox (finished, due_at);
