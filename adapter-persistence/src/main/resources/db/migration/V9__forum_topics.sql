-- B9: a topic of a group with topics is its own account. The account key becomes
-- (connection, chat, topic, epoch); '' stands for no topic (a private chat, a group, a group's
-- general topic), so the key stays unique without NULLs (which a unique key would not compare).
ALTER TABLE channel_accounts ADD COLUMN topic_id VARCHAR(32) NOT NULL DEFAULT '';
-- the topic's name when the account was opened: a later rename marks new messages, the account
-- keeps its name
ALTER TABLE channel_accounts ADD COLUMN topic_name VARCHAR(255) NULL;
ALTER TABLE channel_accounts
    ADD CONSTRAINT uq_accounts_chat_topic_epoch UNIQUE (connection_id, chat_id, topic_id, epoch);
ALTER TABLE channel_accounts DROP CONSTRAINT uq_accounts_chat_epoch;

-- B9: the topics' latest names as the messenger announced them (created, renamed): a message in a
-- topic names its topic at best as it was created. One row per connection; lookups cover every
-- connection of the same bot, as for accounts.
CREATE TABLE topic_names (
    connection_id VARCHAR(64)  NOT NULL,
    chat_id       VARCHAR(64)  NOT NULL,
    topic_id      VARCHAR(32)  NOT NULL,
    name          VARCHAR(255) NOT NULL,
    named_at      BIGINT       NOT NULL,
    PRIMARY KEY (connection_id, chat_id, topic_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
