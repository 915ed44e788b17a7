/**
 * What the core needs from the outside, each implemented by one adapter: the messenger ({@link
 * io.omnichannel.core.port.out.MessengerChannel}), 1C-Connect ({@link
 * io.omnichannel.core.port.out.SupportPlatform}), and storage — repositories, the inbox and outbox
 * queues, polling leases, transactions, the secret sealer. Interfaces and values: plain Java and
 * Guava over the domain; no use case, no adapter.
 */
package io.omnichannel.core.port.out;
