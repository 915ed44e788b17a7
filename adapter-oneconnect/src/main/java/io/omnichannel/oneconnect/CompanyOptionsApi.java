package io.omnichannel.oneconnect;

import feign.Headers;
import feign.Param;
import feign.RequestLine;

/** <b>Assumed</b> (oneconnect-api.md §4): the tariff options of the API account's own company. */
interface CompanyOptionsApi {
  @RequestLine("GET /v1/company/options/")
  @Headers("Authorization: {auth}")
  Wire.Options options(@Param("auth") String auth);
}
