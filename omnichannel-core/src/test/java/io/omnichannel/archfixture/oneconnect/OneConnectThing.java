package io.omnichannel.archfixture.oneconnect;

/** Architecture-test fixture: a class of another pretend adapter. */
public class OneConnectThing {}
