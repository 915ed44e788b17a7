package io.omnichannel.testkit.telegram;

/** A file a bot sent: as uploaded (or referenced by file_id), with a SHA-256 of its bytes. */
public record SentFile(String fileId, String fileName, String mimeType, long size, String sha256) {}
