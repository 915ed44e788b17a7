package io.omnichannel.archfixture.core.port;

/** Breaks "ports are interfaces or values": a port that is neither. */
public class PortThatIsAClass {}
