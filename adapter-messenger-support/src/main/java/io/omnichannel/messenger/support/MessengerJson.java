package io.omnichannel.messenger.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON of a messenger's API as the adapters speak it. */
public final class MessengerJson {
  private MessengerJson() {}

  /**
   * Fields the messenger adds later are ignored (its API grows without notice); nulls are not sent.
   */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .setDefaultPropertyInclusion(
            JsonInclude.Value.construct(
                JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
  }
}
