-- F9: the ban state learnt from 1C-Connect's subscription events (and re-checked on a refused
-- delivery and by the periodic reconcile), so that relaying a message asks 1C-Connect nothing.
ALTER TABLE channel_accounts ADD COLUMN banned_since BIGINT NULL;
