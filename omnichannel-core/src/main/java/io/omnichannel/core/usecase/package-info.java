/**
 * The gateway's behaviour: accepting and storing inbound events, the management dialog and
 * confirmations, relaying in both directions, the queue workers with their retry rules, connection
 * monitoring, and every text the specialist reads. Uses the domain and the ports only; plain Java
 * and Guava, no adapter, no framework.
 */
package io.omnichannel.core.usecase;
