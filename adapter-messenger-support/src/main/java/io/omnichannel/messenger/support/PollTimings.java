package io.omnichannel.messenger.support;

import java.time.Duration;

/**
 * The timings of the polling loop, taken from an adapter's own timeouts.
 *
 * @param request the answer timeout of a normal call (the confirming call at a stop)
 * @param longPoll how long one poll waits on the messenger's side
 * @param backoffMin first wait after a failed poll, doubled up to {@code backoffMax}
 * @param backoffMax longest wait between failed polls (and the wait after a refused token)
 * @param leaseTtl how long a polling lease lasts; it is renewed every third of it
 * @param minSpacing the least time between the starts of two polls of one bot
 */
public record PollTimings(
    Duration request,
    Duration longPoll,
    Duration backoffMin,
    Duration backoffMax,
    Duration leaseTtl,
    Duration minSpacing) {}
