package io.omnichannel.archfixture.conformance;

/** The miniature's conformance kit. */
public class ConformanceKit {}
