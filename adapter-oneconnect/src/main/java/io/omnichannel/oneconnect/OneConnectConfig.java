package io.omnichannel.oneconnect;

import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the gateway reaches 1C-Connect and how 1C-Connect reaches the gateway. Validates itself and
 * names the bad field; the password stays a {@link Secret}, so {@link #toString()} never shows it.
 *
 * @param restBase the push API's origin, without {@code /v1} (default {@value #DEFAULT_REST_BASE})
 * @param soapUrl PartnerWebAPI2's endpoint (default {@value #DEFAULT_SOAP_URL})
 * @param serviceLogin the gateway's own platform account: management line, partner-level calls
 * @param servicePassword its password
 * @param managementLine the channel-management line («1С-Коннект: Управление каналами»)
 * @param publicBase where 1C-Connect reaches our hooks: {@code
 *     <publicBase>/hooks/oneconnect/{connection}}
 * @param connectTimeout TCP connect timeout of every call
 * @param readTimeout how long one call may take to answer
 * @param soapVersion the SOAP version PartnerWebAPI2 is spoken in: 1.1 by default, as 1C-Connect's
 *     official text bot speaks it; the service's WSDL binds 1.2 at the same address too
 */
public record OneConnectConfig(
    URI restBase,
    URI soapUrl,
    String serviceLogin,
    Secret servicePassword,
    LineId managementLine,
    URI publicBase,
    Duration connectTimeout,
    Duration readTimeout,
    SoapVersion soapVersion) {

  /** The two bindings PartnerWebAPI2's WSDL offers at one address. */
  public enum SoapVersion {
    SOAP_1_1,
    SOAP_1_2
  }

  public static final String DEFAULT_REST_BASE = "https://push.1c-connect.com";
  public static final String DEFAULT_SOAP_URL = "https://cus.1c-connect.com/cus/ws/PartnerWebAPI2";

  public OneConnectConfig {
    restBase = withoutTrailingSlash(httpUrl(restBase, "restBase"));
    soapUrl = httpUrl(soapUrl, "soapUrl");
    if (serviceLogin == null || serviceLogin.isBlank()) {
      throw new IllegalArgumentException("OneConnectConfig.serviceLogin must not be blank");
    }
    Objects.requireNonNull(servicePassword, "OneConnectConfig.servicePassword");
    Objects.requireNonNull(managementLine, "OneConnectConfig.managementLine");
    publicBase = withoutTrailingSlash(httpUrl(publicBase, "publicBase"));
    positive(connectTimeout, "connectTimeout");
    positive(readTimeout, "readTimeout");
    Objects.requireNonNull(soapVersion, "OneConnectConfig.soapVersion");
  }

  /** The production endpoints with 5 s to connect and 30 s to answer, SOAP 1.1. */
  public static OneConnectConfig of(
      String serviceLogin, Secret servicePassword, LineId managementLine, URI publicBase) {
    return new OneConnectConfig(
        URI.create(DEFAULT_REST_BASE),
        URI.create(DEFAULT_SOAP_URL),
        serviceLogin,
        servicePassword,
        managementLine,
        publicBase,
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        SoapVersion.SOAP_1_1);
  }

  /** The same settings against other 1C-Connect endpoints (an emulator, a test stand). */
  public OneConnectConfig withEndpoints(URI newRestBase, URI newSoapUrl) {
    return new OneConnectConfig(
        newRestBase,
        newSoapUrl,
        serviceLogin,
        servicePassword,
        managementLine,
        publicBase,
        connectTimeout,
        readTimeout,
        soapVersion);
  }

  public OneConnectConfig withTimeouts(Duration newConnectTimeout, Duration newReadTimeout) {
    return new OneConnectConfig(
        restBase,
        soapUrl,
        serviceLogin,
        servicePassword,
        managementLine,
        publicBase,
        newConnectTimeout,
        newReadTimeout,
        soapVersion);
  }

  public OneConnectConfig withSoapVersion(SoapVersion newSoapVersion) {
    return new OneConnectConfig(
        restBase,
        soapUrl,
        serviceLogin,
        servicePassword,
        managementLine,
        publicBase,
        connectTimeout,
        readTimeout,
        newSoapVersion);
  }

  private static URI httpUrl(URI uri, String field) {
    Objects.requireNonNull(uri, "OneConnectConfig." + field);
    if (uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException(
          "OneConnectConfig." + field + " must be an http(s) URL: " + uri);
    }
    return uri;
  }

  private static URI withoutTrailingSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
  }

  private static void positive(Duration value, String field) {
    Objects.requireNonNull(value, "OneConnectConfig." + field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "OneConnectConfig." + field + " must be positive: " + value);
    }
  }
}
