package io.omnichannel.testkit.telegram;

/**
 * A file part of a multipart request, read once: its bytes (when kept) and hash are already known.
 */
record UploadedFile(String fileName, String contentType, long size, String sha256, byte[] bytes) {}
