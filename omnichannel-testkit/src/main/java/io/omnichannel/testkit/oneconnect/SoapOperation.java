package io.omnichannel.testkit.oneconnect;

/** One PartnerWebAPI2 operation, run for the company of the calling API account. */
@FunctionalInterface
interface SoapOperation {
  SoapResult run(ApiAccount account, SoapParams params);
}
