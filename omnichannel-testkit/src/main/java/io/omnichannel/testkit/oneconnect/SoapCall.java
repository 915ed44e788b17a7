package io.omnichannel.testkit.oneconnect;

/** One parsed PartnerWebAPI2 request. */
record SoapCall(String operation, SoapParams params) {}
