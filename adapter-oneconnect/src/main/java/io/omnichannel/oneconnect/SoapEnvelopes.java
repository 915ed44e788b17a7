package io.omnichannel.oneconnect;

import io.omnichannel.oneconnect.OneConnectConfig.SoapVersion;
import java.net.http.HttpRequest;

/**
 * What differs between PartnerWebAPI2's two bindings: the envelope namespace and how the action is
 * named — SOAP 1.1 as 1C-Connect's official text bot sends it ({@code text/xml; charset="utf-8"}
 * and a {@code SOAPAction} header), SOAP 1.2 as the standard says ({@code application/soap+xml}
 * with an {@code action} parameter).
 */
final class SoapEnvelopes {
  private SoapEnvelopes() {}

  static String namespace(SoapVersion version) {
    return version == SoapVersion.SOAP_1_1 ? SoapNames.SOAP11 : SoapNames.SOAP12;
  }

  static HttpRequest.Builder headers(
      HttpRequest.Builder request, SoapVersion version, String operation) {
    String action = SoapNames.ACTION_PREFIX + operation;
    if (version == SoapVersion.SOAP_1_1) {
      return request
          .header("Content-Type", "text/xml; charset=\"utf-8\"")
          .header("SOAPAction", "\"" + action + "\"");
    }
    return request.header(
        "Content-Type", "application/soap+xml; charset=utf-8; action=\"" + action + "\"");
  }
}
