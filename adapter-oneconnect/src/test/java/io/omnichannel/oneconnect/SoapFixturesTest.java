package io.omnichannel.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.failure.PlatformRejected;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SOAP codec against PartnerWebAPI2 answers in both versions (src/test/resources/oneconnect/
 * soap, written from the public shapes of oneconnect-api.md §3 and §5), without the emulator.
 */
class SoapFixturesTest {

  @ParameterizedTest(name = "SOAP {0}")
  @ValueSource(strings = {"11", "12"})
  void specialistReadIsTwelveColumnsInOrderWithOnlyDepartmentIdNull(String version) {
    SoapCodec.Answer answer = answer("SpecialistRead", "specialist-read", version);

    assertThat(answer.code()).isEqualTo("SUCCESS");
    SoapTable table = (SoapTable) answer.data();
    assertThat(table.columns())
        .containsExactly(
            "SpecialistID",
            "CreatedAt",
            "Deleted",
            "Login",
            "Name",
            "Surname",
            "SecondaryName",
            "Birthday",
            "Post",
            "DepartmentID",
            "Phone",
            "EMail");
    Map<String, Object> first = table.rows().get(0);
    assertThat(first.get("SpecialistID")).isEqualTo("c3000000-0000-4000-8000-000000000003");
    assertThat(first.get("CreatedAt")).isEqualTo(Instant.parse("2023-09-14T08:30:00Z"));
    assertThat(first.get("Deleted")).isEqualTo(false);
    assertThat(first.get("Login")).isEqualTo(new BigDecimal("40017"));
    assertThat(first.get("SecondaryName")).isEqualTo("Петровна");
    assertThat(first.get("EMail")).isEqualTo("");
    Map<String, Object> second = table.rows().get(1);
    assertThat(second.get("DepartmentID")).isNull();
    assertThat(second.get("Deleted")).isEqualTo(true);
    assertThat(second.get("EMail")).isEqualTo("oleg@example.invalid");
    table
        .rows()
        .forEach(
            row ->
                row.forEach(
                    (column, value) -> {
                      if (!column.equals("DepartmentID")) {
                        assertThat(value).as(column).isNotNull();
                      }
                    }));
  }

  @ParameterizedTest(name = "SOAP {0}")
  @ValueSource(strings = {"11", "12"})
  void userServiceLineReadNamesTheLineServiceLineKindId(String version) {
    SoapTable table =
        (SoapTable) answer("UserServiceLineRead", "user-service-line-read", version).data();

    assertThat(table.rows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get(SoapNames.USER_ID))
                  .isEqualTo("b2000000-0000-4000-8000-000000000002");
              assertThat(row.get(SoapNames.SERVICE_LINE_ID))
                  .isEqualTo("a1000000-0000-4000-8000-000000000001");
              assertThat(row.get(SoapNames.ACTIVE)).isEqualTo(false);
            });
  }

  @ParameterizedTest(name = "SOAP {0}")
  @ValueSource(strings = {"11", "12"})
  void aSuccessCarriesItsResultDataAndARefusalItsCodeAndMessage(String version) {
    assertThat(answer("ClientUserAdd", "client-user-add", version))
        .isEqualTo(new SoapCodec.Answer("SUCCESS", "b2000000-0000-4000-8000-000000000002", null));
    assertThat(answer("UserServiceLineAdd", "user-service-line-add-refused", version))
        .isEqualTo(new SoapCodec.Answer("NOT_FOUND", null, "Линия не найдена"));
  }

  @ParameterizedTest(name = "SOAP {0}")
  @ValueSource(strings = {"11", "12"})
  void aFaultReadsTheSameInBothVersions(String version) {
    assertThatThrownBy(() -> answer("ClientAdd", "fault", version))
        .isInstanceOfSatisfying(
            SoapFaultFailure.class,
            fault -> {
              assertThat(fault.operation()).isEqualTo("ClientAdd");
              assertThat(fault.faultCode()).isEqualTo("Receiver");
              assertThat(fault.getMessage()).endsWith("Ошибка при выполнении операции над данными");
            });
  }

  @ParameterizedTest(name = "SOAP {0}")
  @ValueSource(strings = {"11", "12"})
  void anAnswerToAnotherOperationIsMalformed(String version) {
    assertThatThrownBy(() -> answer("ClientRead", "client-user-add", version))
        .isInstanceOf(PlatformRejected.class)
        .hasMessageContaining("unexpected ClientUserAddResponse");
  }

  @ParameterizedTest(name = "SOAP {0}")
  @ValueSource(strings = {"SOAP_1_1", "SOAP_1_2"})
  void aRequestIsWrittenInTheConfiguredVersion(OneConnectConfig.SoapVersion version) {
    String request =
        new String(
            SoapCodec.request(version, "UserServiceLineRead", Map.of(SoapNames.USER_ID, "u")),
            StandardCharsets.UTF_8);

    assertThat(request)
        .contains(
            version == OneConnectConfig.SoapVersion.SOAP_1_1
                ? "xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                : "xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"",
            "<par:UserServiceLineRead><par:Params><core:Property name=\"UserID\">");
  }

  private static SoapCodec.Answer answer(String operation, String fixture, String version) {
    return SoapCodec.answer(
        operation, Fixtures.bytes("soap/" + fixture + ".soap" + version + ".xml"));
  }
}
