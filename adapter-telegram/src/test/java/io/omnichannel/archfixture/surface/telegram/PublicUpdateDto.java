package io.omnichannel.archfixture.surface.telegram;

/** Breaks "only the entry and its config are public": a DTO the launcher could see. */
public class PublicUpdateDto {}
