-- One schema for MariaDB 10.11 / MySQL 8 and for H2 2.x in MODE=MySQL.
-- Engine differences, all harmless:
--  * ENGINE / DEFAULT CHARSET / COLLATE are read by MariaDB and MySQL (utf8mb4, so names with emoji
--    round-trip, and a binary collation, so ids compare exactly); H2 accepts and ignores them (it stores
--    Unicode always).
--  * BOOLEAN is TINYINT(1) on MariaDB/MySQL and a real BOOLEAN on H2; both accept TRUE/FALSE.
--  * Queue claims use SELECT ... FOR UPDATE SKIP LOCKED: MariaDB 10.6+, MySQL 8 and H2 2.3 all have it.
-- Instants are BIGINT microseconds since the epoch (UTC): no time-zone conversion in either driver.
-- Secrets: *_sealed columns hold AES-GCM ciphertext, *_key the id of the key that sealed it; hashes are
-- SHA-256 hex. Nothing here ever holds a secret in clear, and no table holds file bytes.

-- F12 is held by unique keys over the active_* columns: they carry the line, the bot and the company
-- slot (1..5) while the connection holds a slot and are set to NULL on disconnect (NULLs never collide).
CREATE TABLE connections (
    id                    VARCHAR(64)   NOT NULL,
    company_id            VARCHAR(64)   NOT NULL,
    channel               VARCHAR(40)   NOT NULL,
    line_id               VARCHAR(64)   NOT NULL,
    line_company_id       VARCHAR(64)   NOT NULL,
    line_name             VARCHAR(255)  NOT NULL,
    line_availability     VARCHAR(40)   NOT NULL,
    bot_id                VARCHAR(32)   NOT NULL,
    bot_username          VARCHAR(64)   NOT NULL,
    bot_display_name      VARCHAR(255)  NOT NULL,
    token_key             VARCHAR(32)   NOT NULL,
    token_sealed          VARBINARY(512) NOT NULL,
    technical_client_id   VARCHAR(64)   NOT NULL,
    technical_client_name VARCHAR(300)  NOT NULL,
    api_login             VARCHAR(255)  NOT NULL,
    api_password_key      VARCHAR(32)   NOT NULL,
    api_password_sealed   VARBINARY(512) NOT NULL,
    webhook_secret_hash   VARCHAR(64)   NOT NULL,
    hook_login            VARCHAR(255)  NOT NULL,
    hook_password_key     VARCHAR(32)   NOT NULL,
    hook_password_sealed  VARBINARY(512) NOT NULL,
    state                 VARCHAR(32)   NOT NULL,
    connected_at          BIGINT        NOT NULL,
    disconnected_at       BIGINT        NULL,
    active_line_id        VARCHAR(64)   NULL,
    active_bot_id         VARCHAR(32)   NULL,
    active_slot           TINYINT       NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_connections_active_line UNIQUE (active_line_id),
    CONSTRAINT uq_connections_active_bot UNIQUE (active_bot_id),
    CONSTRAINT uq_connections_company_slot UNIQUE (company_id, active_slot),
    CONSTRAINT ck_connections_slot CHECK (active_slot BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE channel_accounts (
    id               VARCHAR(64)  NOT NULL,
    connection_id    VARCHAR(64)  NOT NULL,
    chat_id          VARCHAR(64)  NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    epoch            INT          NOT NULL,
    display_name     VARCHAR(255) NOT NULL,
    username         VARCHAR(64)  NULL,
    platform_user_id VARCHAR(64)  NOT NULL,
    created_at       BIGINT       NOT NULL,
    blocked_since    BIGINT       NULL,
    left_at          BIGINT       NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_accounts_chat_epoch UNIQUE (connection_id, chat_id, epoch)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ix_accounts_platform_user ON channel_accounts (connection_id, platform_user_id);

-- One row per specialist of the management line: the state's name and its few fields (F1).
CREATE TABLE dialog_states (
    specialist_id VARCHAR(64) NOT NULL,
    state         VARCHAR(32) NOT NULL,
    purpose       VARCHAR(16) NULL,
    page          INT         NULL,
    line_id       VARCHAR(64) NULL,
    updated_at    BIGINT      NOT NULL,
    PRIMARY KEY (specialist_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Stored by token hash only; a connect request's bot token is sealed.
CREATE TABLE confirmations (
    token_hash        CHAR(64)       NOT NULL,
    company_id        VARCHAR(64)    NOT NULL,
    specialist_id     VARCHAR(64)    NOT NULL,
    action            VARCHAR(16)    NOT NULL,
    connection_id     VARCHAR(64)    NULL,
    line_id           VARCHAR(64)    NOT NULL,
    line_company_id   VARCHAR(64)    NOT NULL,
    line_name         VARCHAR(255)   NOT NULL,
    line_availability VARCHAR(40)    NOT NULL,
    bot_id            VARCHAR(32)    NOT NULL,
    bot_username      VARCHAR(64)    NOT NULL,
    bot_display_name  VARCHAR(255)   NOT NULL,
    token_key         VARCHAR(32)    NULL,
    token_sealed      VARBINARY(512) NULL,
    created_at        BIGINT         NOT NULL,
    expires_at        BIGINT         NOT NULL,
    used_at           BIGINT         NULL,
    PRIMARY KEY (token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ix_confirmations_specialist ON confirmations (specialist_id, used_at);

CREATE TABLE dropped_messages (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    connection_id   VARCHAR(64)  NOT NULL,
    account_id      VARCHAR(64)  NULL,
    direction       VARCHAR(16)  NOT NULL,
    reason          VARCHAR(32)  NOT NULL,
    source_event_id VARCHAR(191) NOT NULL,
    dropped_at      BIGINT       NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ix_dropped_connection ON dropped_messages (connection_id, id);

CREATE TABLE audit_entries (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at   BIGINT        NOT NULL,
    company_id    VARCHAR(64)   NOT NULL,
    specialist_id VARCHAR(64)   NOT NULL,
    action        VARCHAR(40)   NOT NULL,
    details       VARCHAR(2000) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ix_audit_company ON audit_entries (company_id, occurred_at);

-- B1 queues. A row is unfinished until completed or buried (finished = TRUE); only the oldest
-- unfinished row of an ordering key may be claimed; a claim leases it until leased_until.
CREATE TABLE inbox (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    event_id      VARCHAR(191)  NOT NULL,
    kind          VARCHAR(24)   NOT NULL,
    connection_id VARCHAR(64)   NULL,
    ordering_key  VARCHAR(191)  NOT NULL,
    payload       MEDIUMTEXT    NOT NULL,
    received_at   BIGINT        NOT NULL,
    due_at        BIGINT        NOT NULL,
    leased_until  BIGINT        NULL,
    attempts      INT           NOT NULL DEFAULT 0,
    last_error    VARCHAR(1000) NULL,
    dead_reason   VARCHAR(1000) NULL,
    completed_at  BIGINT        NULL,
    finished      BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    CONSTRAINT uq_inbox_event UNIQUE (event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ix_inbox_unfinished ON inbox (finished, id);
CREATE INDEX ix_inbox_key ON inbox (ordering_key, finished, id);

-- The post is compact JSON: text or a file reference (file_id / URL, never bytes) and its keyboard.
CREATE TABLE outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    connection_id   VARCHAR(64)   NOT NULL,
    chat_id         VARCHAR(64)   NOT NULL,
    account_id      VARCHAR(64)   NOT NULL,
    source_event_id VARCHAR(191)  NOT NULL,
    post            MEDIUMTEXT    NOT NULL,
    ordering_key    VARCHAR(191)  NOT NULL,
    enqueued_at     BIGINT        NOT NULL,
    due_at          BIGINT        NOT NULL,
    leased_until    BIGINT        NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    last_error      VARCHAR(1000) NULL,
    dead_reason     VARCHAR(1000) NULL,
    completed_at    BIGINT        NULL,
    finished        BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ix_outbox_unfinished ON outbox (finished, id);
CREATE INDEX ix_outbox_key ON outbox (ordering_key, finished, id);

-- B3: who long-polls which bot, until when.
CREATE TABLE polling_leases (
    connection_id VARCHAR(64)  NOT NULL,
    holder        VARCHAR(128) NOT NULL,
    leased_until  BIGINT       NOT NULL,
    PRIMARY KEY (connection_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
