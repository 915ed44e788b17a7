package io.omnichannel.archfixture.surface.oneconnect;

/** Breaks "only the entry and its config are public": a helper the launcher could see. */
public class PublicHookParser {}
