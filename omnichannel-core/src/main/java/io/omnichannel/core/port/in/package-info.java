/**
 * What the outside calls into the core: adapters hand in events through {@link
 * io.omnichannel.core.port.in.InboundGateway}; the launcher drives queue workers, the connection
 * monitor, the confirmation page and the account directory. Interfaces and the values that cross
 * them: plain Java and Guava over the domain; no use case, no adapter.
 */
package io.omnichannel.core.port.in;
