package io.omnichannel.archfixture.surface.persistence;

/** Breaks "only the entry, its config and the dead-letter record are public". */
public class PublicRepository {}
