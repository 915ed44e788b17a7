-- B2: one sending budget per bot shared by every instance on this database. A window of n slots
-- (a bot's 30 per second, a group's 20 per minute, a private chat's burst) is n lanes; each lane
-- frees at free_at (microseconds since the epoch): a window's span after its last send ended, or,
-- while a send is in flight, when that send times out.
CREATE TABLE sending_lanes (
    window_key VARCHAR(160) NOT NULL,
    lane       INT          NOT NULL,
    free_at    BIGINT       NOT NULL,
    PRIMARY KEY (window_key, lane)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
