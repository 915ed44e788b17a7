/**
 * The service's logs: Logback set up from {@code OMNICHANNEL_LOG_FORMAT} (text or one JSON object
 * per line) and {@code OMNICHANNEL_LOG_LEVEL}, libraries quiet at INFO, and the MDC keys that tie a
 * line to its connection, update, line message or queue row, put by queue decorators when a worker
 * claims a row. Uses Logback, SLF4J, the core's domain and ports, and {@code work}'s forwarding
 * queue; no adapter.
 */
package io.omnichannel.launcher.logging;
