package io.omnichannel.testkit.oneconnect;

/** The chat of one user on one line. */
record ChatKey(String lineId, String userId) {}
