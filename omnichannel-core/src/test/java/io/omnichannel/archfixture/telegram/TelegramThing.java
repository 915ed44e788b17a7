package io.omnichannel.archfixture.telegram;

/** Architecture-test fixture: a class of a pretend adapter. */
public class TelegramThing {}
