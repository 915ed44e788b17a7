package io.omnichannel.archfixture.core.usecase;

/** A use case of the miniature's core. */
public class Relaying {}
