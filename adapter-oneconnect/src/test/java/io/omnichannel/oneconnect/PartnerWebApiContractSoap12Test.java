package io.omnichannel.oneconnect;

/** {@link PartnerWebApiContractTest} over SOAP 1.2, the binding chosen by configuration. */
class PartnerWebApiContractSoap12Test extends PartnerWebApiContractTest {
  @Override
  OneConnectConfig.SoapVersion version() {
    return OneConnectConfig.SoapVersion.SOAP_1_2;
  }
}
