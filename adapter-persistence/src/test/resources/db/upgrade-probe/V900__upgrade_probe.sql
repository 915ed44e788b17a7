-- A later migration for FreshEmbeddedTest only: Flyway applies it on top of a database made without
-- Flyway, as it will apply the next real one.
CREATE TABLE upgrade_probe (id INT NOT NULL PRIMARY KEY);
