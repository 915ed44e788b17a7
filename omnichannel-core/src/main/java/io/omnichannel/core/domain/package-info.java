/**
 * The gateway's vocabulary: connections, lines, bots, channel accounts, messages in both
 * directions, dialog states and the limits they keep — mostly immutable records, enums and sealed
 * interfaces that validate themselves when built. Plain Java and Guava only: no port, no use case,
 * no adapter, no framework.
 */
package io.omnichannel.core.domain;
