package io.omnichannel.testkit.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoapTest {
  private static final String PATH = "/cus/ws/PartnerWebAPI2";

  private OneConnectEmulator emulator;
  private World world;
  private Http soap;

  @BeforeEach
  void start() {
    emulator = OneConnectEmulator.start();
    world = new World(emulator);
    soap = Http.to(emulator.baseUrl()).as(World.LOGIN, World.PASSWORD);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private SoapAnswer call(String operation, SoapEnvelope envelope, boolean soapActionHeader) {
    HttpResponse<String> response = soap.soap(PATH, operation, envelope.bytes(), soapActionHeader);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/soap+xml;charset=utf-8");
    SoapAnswer answer = SoapAnswer.parse(response.body());
    assertThat(answer.bodyElement()).isEqualTo(operation + "Response");
    return answer;
  }

  @ParameterizedTest(name = "SOAPAction header: {0}")
  @ValueSource(booleans = {true, false})
  void clientUserAndLineRoundTripInBothActionStyles(boolean soapActionHeader) {
    SoapAnswer client =
        call(
            "ClientAdd",
            SoapEnvelope.operation("ClientAdd").string("Name", "Telegram: acme_bot"),
            soapActionHeader);
    assertThat(client.resultCode()).isEqualTo("SUCCESS");
    String clientId = client.text("ResultData");

    SoapAnswer user =
        call(
            "ClientUserAdd",
            SoapEnvelope.operation("ClientUserAdd")
                .string("ClientID", clientId)
                .string("Name", "Ivan")
                .string("Login", "tg:42"),
            soapActionHeader);
    assertThat(user.resultCode()).isEqualTo("SUCCESS");
    String userId = user.text("ResultData");

    SoapAnswer added =
        call(
            "UserServiceLineAdd",
            SoapEnvelope.operation("UserServiceLineAdd")
                .string("UserID", userId)
                .string("ServiceLineKindID", world.support.id()),
            soapActionHeader);
    assertThat(added.resultCode()).isEqualTo("SUCCESS");

    SoapAnswer read =
        call(
            "UserServiceLineRead",
            SoapEnvelope.operation("UserServiceLineRead").string("UserID", userId),
            soapActionHeader);
    assertThat(read.resultCode()).isEqualTo("SUCCESS");
    assertThat(read.value("ResultData").getAttributeNS(SoapEnvelope.XSI, "type"))
        .isEqualTo("ValueTable");
    assertThat(read.columns())
        .containsExactly("UserID", "ServiceLineKindID", "Active", "CreatedAt");
    List<List<SoapAnswer.Cell>> rows = read.rows();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get(0)).isEqualTo(new SoapAnswer.Cell("xs:string", userId, false));
    assertThat(rows.get(0).get(1).text()).isEqualTo(world.support.id());
    assertThat(rows.get(0).get(2)).isEqualTo(new SoapAnswer.Cell("xs:boolean", "true", false));
    assertThat(rows.get(0).get(3).type()).isEqualTo("xs:dateTime");
    assertThat(rows.get(0).get(3).text()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    assertThat(emulator.world().subscriptions(userId))
        .extracting(LineSubscription::active)
        .containsExactly(true);
  }

  @Test
  void valueTableColumnsAreTypedAndNullsAreNil() {
    String clientId =
        call("ClientAdd", SoapEnvelope.operation("ClientAdd").string("Name", "No INN"), true)
            .text("ResultData");

    SoapAnswer read =
        call("ClientRead", SoapEnvelope.operation("ClientRead").string("ClientID", clientId), true);

    assertThat(read.columns()).containsExactly("ClientID", "CreatedAt", "Deleted", "Name", "INN");
    assertThat(read.columnTypes("INN")).containsExactly("xs:string", "Null");
    assertThat(read.columnTypes("Deleted")).containsExactly("xs:boolean");
    List<SoapAnswer.Cell> row = read.rows().get(0);
    assertThat(row.get(3)).isEqualTo(new SoapAnswer.Cell("xs:string", "No INN", false));
    assertThat(row.get(4)).isEqualTo(new SoapAnswer.Cell(null, "", true));
  }

  @Test
  void aMissingRequiredParameterIsANonSuccessResultCode() {
    SoapAnswer answer =
        call("ClientAdd", SoapEnvelope.operation("ClientAdd").string("INN", "7700000000"), true);

    assertThat(answer.resultCode()).isEqualTo("PARAMETER_MISSING");
    assertThat(answer.value("ResultData").getAttributeNS(SoapEnvelope.XSI, "nil"))
        .isEqualTo("true");
    assertThat(answer.text("ResultMessage")).contains("Name");
    assertThat(emulator.world().clients()).hasSize(1);
  }

  @Test
  void unknownIdsAreNotFoundAndRepeatsAreDuplicates() {
    assertThat(
            call(
                    "ClientUserAdd",
                    SoapEnvelope.operation("ClientUserAdd")
                        .string("ClientID", "no-such")
                        .string("Name", "X"),
                    true)
                .resultCode())
        .isEqualTo("NOT_FOUND");
    assertThat(
            call(
                    "UserServiceLineAdd",
                    SoapEnvelope.operation("UserServiceLineAdd")
                        .string("UserID", world.user.id())
                        .string("ServiceLineKindID", world.support.id()),
                    true)
                .resultCode())
        .isEqualTo("DUPLICATE");
    assertThat(
            call(
                    "UserServiceLineAdd",
                    SoapEnvelope.operation("UserServiceLineAdd")
                        .string("UserID", world.user.id())
                        .string("ServiceLineKindID", world.management.id()),
                    true)
                .resultCode())
        .as("another company's line")
        .isEqualTo("NOT_FOUND");
    assertThat(
            call(
                    "ClientAdd",
                    SoapEnvelope.operation("ClientAdd")
                        .string("ClientID", world.client.id())
                        .string("Name", "again"),
                    true)
                .resultCode())
        .isEqualTo("DUPLICATE");
    assertThat(
            call(
                    "ClientAdd",
                    SoapEnvelope.operation("ClientAdd").property("Name", "xs:decimal", "5"),
                    false)
                .resultCode())
        .isEqualTo("PARAMETER_INVALID");
  }

  @Test
  void switchingALineOffBansTheUserAndDeleteRemovesIt() {
    SoapAnswer edit =
        call(
            "UserServiceLineEdit",
            SoapEnvelope.operation("UserServiceLineEdit")
                .string("UserID", world.user.id())
                .string("ServiceLineKindID", world.support.id())
                .bool("Active", false),
            true);

    assertThat(edit.resultCode()).isEqualTo("SUCCESS");
    assertThat(emulator.world().isBanned(world.user.id(), world.support.id())).isTrue();
    HttpResponse<String> refused =
        Http.to(emulator.baseUrl())
            .as(World.LOGIN, World.PASSWORD)
            .postJson(
                "/v1/line/receive/message/",
                "{\"line_id\":\""
                    + world.support.id()
                    + "\",\"user_id\":\""
                    + world.user.id()
                    + "\",\"text\":\"x\",\"external_id\":\"e1\"}");
    assertThat(refused.statusCode()).isEqualTo(403);

    assertThat(
            call(
                    "UserServiceLineDelete",
                    SoapEnvelope.operation("UserServiceLineDelete")
                        .string("UserID", world.user.id())
                        .string("ServiceLineKindID", world.support.id()),
                    true)
                .resultCode())
        .isEqualTo("SUCCESS");
    assertThat(emulator.world().subscriptions(world.user.id())).isEmpty();
  }

  @Test
  void clientUserEditAndReadShowTheChange() {
    call(
        "ClientUserEdit",
        SoapEnvelope.operation("ClientUserEdit")
            .string("UserID", world.user.id())
            .string("Name", "Anya"),
        true);

    SoapAnswer read =
        call(
            "ClientUserRead",
            SoapEnvelope.operation("ClientUserRead").string("ClientID", world.client.id()),
            true);

    assertThat(read.columns()).startsWith("UserID", "ClientID");
    int name = read.columns().indexOf("Name");
    assertThat(read.rows()).hasSize(1);
    assertThat(read.rows().get(0).get(name).text()).isEqualTo("Anya");
    assertThat(read.rows().get(0).get(read.columns().indexOf("Surname")).text())
        .isEqualTo("Smirnova");
  }

  @Test
  void specialistReadListsTheCompanysSpecialistsWithADecimalLogin() {
    SoapAnswer read =
        call(
            "SpecialistRead",
            SoapEnvelope.operation("SpecialistRead")
                .property("ChangedFrom", "xs:dateTime", "2024-01-01T00:00:00"),
            false);

    assertThat(read.columns())
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
    List<SoapAnswer.Cell> row = read.rows().get(0);
    for (int i = 0; i < row.size(); i++) {
      assertThat(row.get(i).nil())
          .as(read.columns().get(i))
          .isEqualTo(read.columns().get(i).equals("DepartmentID"));
    }
    assertThat(row.get(0).text()).isEqualTo(world.specialist.id());
    assertThat(row.get(3).type()).isEqualTo("xs:decimal");
    assertThat(row.get(3).text()).isEqualTo(Long.toString(world.specialist.login()));
  }

  @Test
  void malformedXmlIsASoap12Fault() {
    HttpResponse<String> response =
        soap.soap(
            PATH,
            "ClientAdd",
            "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
                .getBytes(StandardCharsets.UTF_8),
            true);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/soap+xml;charset=utf-8");
    SoapAnswer fault = SoapAnswer.parse(response.body());
    assertThat(fault.bodyElement()).isEqualTo("Fault");
    assertThat(fault.faultCode()).isEqualTo("soap:Sender");
  }

  @Test
  void anUnknownOperationOrAMismatchedActionIsAFault() {
    HttpResponse<String> unknown =
        soap.soap(PATH, "TicketDelete", SoapEnvelope.operation("TicketDelete").bytes(), true);
    assertThat(unknown.statusCode()).isEqualTo(500);
    assertThat(SoapAnswer.parse(unknown.body()).bodyElement()).isEqualTo("Fault");

    HttpResponse<String> mismatch =
        soap.soap(
            PATH,
            "ClientRead",
            SoapEnvelope.operation("ClientAdd").string("Name", "x").bytes(),
            false);
    assertThat(SoapAnswer.parse(mismatch.body()).bodyElement()).isEqualTo("Fault");
    assertThat(emulator.world().clients()).hasSize(1);
  }

  @ParameterizedTest(name = "SOAPAction header: {0}")
  @ValueSource(booleans = {true, false})
  void aSoap11CallIsAnsweredInSoap11InEitherContentTypeStyle(boolean soapActionHeader) {
    HttpResponse<String> response =
        soap.soap(
            PATH, "ClientRead", SoapEnvelope.operation11("ClientRead").bytes(), soapActionHeader);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .matches("text/xml; ?charset=utf-8");
    SoapAnswer answer = SoapAnswer.parse(response.body());
    assertThat(answer.soap()).isEqualTo(SoapEnvelope.SOAP11);
    assertThat(answer.bodyElement()).isEqualTo("ClientReadResponse");
    assertThat(answer.resultCode()).isEqualTo("SUCCESS");
  }

  @Test
  void aSoap11FaultIsFaultcodeAndFaultstring() {
    HttpResponse<String> response =
        soap.soap(PATH, "TicketDelete", SoapEnvelope.operation11("TicketDelete").bytes(), true);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .matches("text/xml; ?charset=utf-8");
    SoapAnswer fault = SoapAnswer.parse(response.body());
    assertThat(fault.bodyElement()).isEqualTo("Fault");
    assertThat(fault.faultCode()).isEqualTo("soap:Client");
  }

  @Test
  void anEnvelopeOfNoSoapVersionIsAVersionMismatchFault() {
    String other = "<s:Envelope xmlns:s=\"urn:not-soap\"><s:Body/></s:Envelope>";
    HttpResponse<String> response =
        soap.soap(PATH, "ClientRead", other.getBytes(StandardCharsets.UTF_8), true);

    assertThat(SoapAnswer.parse(response.body()).faultCode()).isEqualTo("soap:VersionMismatch");
  }

  @Test
  void theWsdlBindsSoap11And12AtTheSameAddress() {
    HttpResponse<String> wsdl = soap.get(PATH + "?wsdl");

    assertThat(wsdl.statusCode()).isEqualTo(200);
    assertThat(wsdl.headers().firstValue("Content-Type").orElseThrow())
        .matches("text/xml; ?charset=utf-8");
    assertThat(wsdl.body())
        .contains(
            "http://schemas.xmlsoap.org/wsdl/soap/",
            "http://schemas.xmlsoap.org/wsdl/soap12/",
            "soapAction=\"http://buhphone.com/PartnerWebAPI2#PartnerWebAPI2:SpecialistRead\"",
            "<soap:address location=\"" + emulator.baseUrl() + PATH + "\"/>",
            "<soap12:address location=\"" + emulator.baseUrl() + PATH + "\"/>");
    assertThat(Http.to(emulator.baseUrl()).get(PATH + "?wsdl").statusCode()).isEqualTo(401);
  }

  @Test
  void withoutCredentialsSoapIs401() {
    HttpResponse<String> response =
        Http.to(emulator.baseUrl())
            .soap(PATH, "ClientRead", SoapEnvelope.operation("ClientRead").bytes(), true);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(emulator.inspection().requests().get(0).path()).isEqualTo(PATH);
  }
}
