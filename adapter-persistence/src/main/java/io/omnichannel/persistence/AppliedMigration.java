package io.omnichannel.persistence;

/**
 * One schema migration applied to the database: its version and description as its file names them
 * ({@code V4__confirmation_attempts.sql} is {@code 4}, {@code confirmation attempts}).
 */
public record AppliedMigration(String version, String description) {}
