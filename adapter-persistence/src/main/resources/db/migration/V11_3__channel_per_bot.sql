-- #17: several messengers in one deployment. A bot is a messenger's bot id (two messengers may hand
-- out the same ids), a company has up to 5 bots of each messenger, a line still one bot of any; the
-- management wizard and a connect link remember the messenger. Every row before this was Telegram's.
ALTER TABLE connections DROP CONSTRAINT uq_connections_active_bot;
ALTER TABLE connections ADD CONSTRAINT uq_connections_active_bot UNIQUE (channel, active_bot_id);
ALTER TABLE connections DROP CONSTRAINT uq_connections_company_slot;
ALTER TABLE connections
    ADD CONSTRAINT uq_connections_company_slot UNIQUE (company_id, channel, active_slot);

ALTER TABLE confirmations ADD COLUMN channel VARCHAR(40) NULL;
UPDATE confirmations SET channel = 'Telegram';

ALTER TABLE dialog_states ADD COLUMN channel VARCHAR(40) NULL;
UPDATE dialog_states SET channel = 'Telegram' WHERE state <> 'CHANNEL_CHOICE';
