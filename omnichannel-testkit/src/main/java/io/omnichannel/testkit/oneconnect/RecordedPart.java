package io.omnichannel.testkit.oneconnect;

/**
 * One part of a recorded multipart request; {@code text} holds a part without a filename (capped).
 */
public record RecordedPart(
    String name, String contentType, String fileName, long size, String text) {}
