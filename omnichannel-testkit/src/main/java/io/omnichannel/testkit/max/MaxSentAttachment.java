package io.omnichannel.testkit.max;

/**
 * One media attachment of a sent message, resolved against the emulator's uploads.
 *
 * @param type {@code image}, {@code file}, {@code video}, {@code audio}
 * @param token the upload token (null for an image given by {@code url})
 * @param fileName the uploaded part's file name, null when unknown
 * @param size bytes uploaded (-1 when unknown, e.g. an external image URL)
 * @param sha256 hex hash of the uploaded bytes, null when unknown
 * @param url an external image URL, else null
 */
public record MaxSentAttachment(
    String type, String token, String fileName, long size, String sha256, String url) {}
