package io.omnichannel.oneconnect;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/**
 * The push API's JSON: snake_case names, absent optional fields left out, unknown answer fields
 * ignored (the service adds fields without notice). The records below are the bodies; names follow
 * {@code oneconnect-api.md}.
 */
final class Wire {
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private Wire() {}

  /** {@code GET /v1/line/}: a line the account can act on. */
  record LineInfo(String lineId, String name, boolean allowBot, String hookBot) {}

  /** {@code POST /v1/hook/}. */
  record HookRequest(String type, String url, String id, BackAuth backAuth) {}

  record BackAuth(String type, String login, String password) {
    @Override
    public String toString() {
      return "BackAuth[" + type + ", " + login + ":***]";
    }
  }

  /** {@code POST /v1/line/send/message/}; {@code keyboard} rows of buttons or null. */
  record SendMessage(
      String lineId, String userId, String authorId, String text, List<List<Button>> keyboard) {}

  record Button(String id, String text) {}

  /** A chat of a line with one user: {@code drop/keyboard}. */
  record Chat(String lineId, String userId) {}

  /** §4 (assumed): {@code POST /v1/line/receive/message/}. */
  record ReceiveMessage(String lineId, String userId, String text, String externalId) {}

  /** §4 (assumed): part {@code meta} of {@code receive/file} and {@code receive/image}. */
  record ReceiveFileMeta(
      String lineId, String userId, String fileName, String comment, String externalId) {}

  record MessageId(String messageId) {}

  /** Partner level (assumed): {@code GET /v1/partner/company/{id}/options/}. */
  record Options(boolean externalChannels) {}

  /**
   * Partner level (assumed): {@code GET /v1/partner/specialist/{id}/}; {@code company_name} may be
   * absent.
   */
  record PartnerSpecialist(String userId, String companyId, String name, String companyName) {}

  /** Partner level (assumed): one of {@code GET /v1/partner/company/{id}/lines/}. */
  record PartnerLine(String lineId, String name, String availability) {}
}
