/**
 * What the core needs from the outside, each implemented by one adapter: the messenger ({@link
 * io.omnichannel.core.port.out.MessengerChannel}), 1C-Connect by audience ({@link
 * io.omnichannel.core.port.out.ManagementDesk}, {@link io.omnichannel.core.port.out.LineSetup},
 * {@link io.omnichannel.core.port.out.LineRelay}), and storage — repositories, the inbox and outbox
 * queues, polling leases, transactions, the secret sealer. Interfaces and values: plain Java and
 * Guava over the domain; no use case, no adapter.
 */
package io.omnichannel.core.port.out;
