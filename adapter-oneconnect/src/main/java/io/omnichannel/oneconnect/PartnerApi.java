package io.omnichannel.oneconnect;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.List;

/**
 * <b>Assumed</b> partner-level calls, made with the gateway's own service account before any
 * company API account is known: who wrote to the management line, the company's lines with their
 * availability, and its tariff option. 1C-Connect's public API shows none of this; replace this
 * interface when the real calls are known.
 */
interface PartnerApi {
  @RequestLine("GET /v1/partner/specialist/{userId}/")
  @Headers("Authorization: {auth}")
  Wire.PartnerSpecialist specialist(@Param("auth") String auth, @Param("userId") String userId);

  @RequestLine("GET /v1/partner/company/{companyId}/lines/")
  @Headers("Authorization: {auth}")
  List<Wire.PartnerLine> lines(@Param("auth") String auth, @Param("companyId") String companyId);

  @RequestLine("GET /v1/partner/company/{companyId}/options/")
  @Headers("Authorization: {auth}")
  Wire.Options options(@Param("auth") String auth, @Param("companyId") String companyId);
}
