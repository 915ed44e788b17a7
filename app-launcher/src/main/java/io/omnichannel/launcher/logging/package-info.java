/**
 * The service's logs: Logback set up from {@code OMNICHANNEL_LOG_FORMAT} (text or one JSON object
 * per line) and {@code OMNICHANNEL_LOG_LEVEL}, libraries quiet at INFO, and the MDC keys that tie a
 * line to its connection, update, line message or queue row. Uses Logback and SLF4J only.
 */
package io.omnichannel.launcher.logging;
