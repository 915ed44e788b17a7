-- A bot's connections in a company share its technical client and channel accounts (#11): account
-- lookups go from one connection to all connections of the same bot, by this index.
CREATE INDEX ix_connections_bot ON connections (bot_id, company_id, channel);
