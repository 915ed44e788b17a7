package io.omnichannel.archfixture.oneconnect;

/** The miniature's 1C-Connect adapter, as the launcher uses it. */
public class OneConnectEntry {}
