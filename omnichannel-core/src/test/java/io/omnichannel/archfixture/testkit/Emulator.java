package io.omnichannel.archfixture.testkit;

/** The miniature's test kit: an emulator. */
public class Emulator {}
