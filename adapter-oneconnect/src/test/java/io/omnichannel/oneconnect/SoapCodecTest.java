package io.omnichannel.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.core.domain.failure.PlatformRejected;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Structure / ValueTable codec on envelopes written for these tests (src/test/resources/soap).
 */
class SoapCodecTest {
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  @Test
  void writesASoap12RequestWithTypedPropertiesInOrder() throws Exception {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("Name", "Telegram: <A & B> \"bot\"");
    params.put("Active", true);
    params.put("Login", new BigDecimal("1001"));
    params.put("ChangedFrom", Instant.parse("2024-02-12T05:53:48.123Z"));
    params.put("OpenedFrom", LocalDate.parse("2024-02-01"));
    params.put("INN", null);

    Document request = parse(SoapCodec.request("ClientAdd", params));

    Element envelope = request.getDocumentElement();
    assertThat(envelope.getNamespaceURI()).isEqualTo("http://www.w3.org/2003/05/soap-envelope");
    assertThat(envelope.getLocalName()).isEqualTo("Envelope");
    Element operation =
        (Element)
            request
                .getElementsByTagNameNS("http://buhphone.com/PartnerWebAPI2", "ClientAdd")
                .item(0);
    assertThat(operation).isNotNull();
    Element paramsElement =
        (Element)
            operation
                .getElementsByTagNameNS("http://buhphone.com/PartnerWebAPI2", "Params")
                .item(0);
    NodeList properties =
        paramsElement.getElementsByTagNameNS("http://v8.1c.ru/8.1/data/core", "Property");
    assertThat(properties.getLength()).isEqualTo(6);
    assertProperty(properties, 0, "Name", "xs:string", "Telegram: <A & B> \"bot\"");
    assertProperty(properties, 1, "Active", "xs:boolean", "true");
    assertProperty(properties, 2, "Login", "xs:decimal", "1001");
    assertProperty(properties, 3, "ChangedFrom", "xs:dateTime", "2024-02-12T05:53:48");
    assertProperty(properties, 4, "OpenedFrom", "xs:date", "2024-02-01");
    Element nil = value(properties, 5);
    assertThat(((Element) properties.item(5)).getAttribute("name")).isEqualTo("INN");
    assertThat(nil.getAttributeNS(XSI, "nil")).isEqualTo("true");
    assertThat(nil.hasAttributeNS(XSI, "type")).isFalse();
  }

  @Test
  void aRequestValueOfNoOneCTypeIsRefused() {
    assertThatThrownBy(() -> SoapCodec.request("ClientAdd", Map.of("Name", new Object())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsAValueTableWithTypedValuesAndNils() throws IOException {
    SoapCodec.Answer answer =
        SoapCodec.answer("ClientUserRead", sample("client-user-read-response.xml"));

    assertThat(answer.code()).isEqualTo("SUCCESS");
    SoapTable table = (SoapTable) answer.data();
    assertThat(table.columns())
        .containsExactly("UserID", "CreatedAt", "Deleted", "Login", "Name", "Surname");
    assertThat(table.rows()).hasSize(2);
    Map<String, Object> first = table.rows().get(0);
    assertThat(first.get("UserID")).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
    assertThat(first.get("CreatedAt")).isEqualTo(Instant.parse("2024-02-12T05:53:48Z"));
    assertThat(first.get("Deleted")).isEqualTo(false);
    assertThat(first.get("Login")).isEqualTo(new BigDecimal("1001"));
    assertThat(first.get("Name")).isEqualTo("Анна & Co <test>");
    assertThat(first).containsEntry("Surname", null);
    Map<String, Object> second = table.rows().get(1);
    assertThat(second)
        .containsEntry("Login", null)
        .containsEntry("Deleted", true)
        .containsEntry("Surname", "Ivanov");
  }

  @Test
  void readsAStringResult() throws IOException {
    SoapCodec.Answer answer = SoapCodec.answer("ClientAdd", sample("client-add-response.xml"));

    assertThat(answer)
        .isEqualTo(new SoapCodec.Answer("SUCCESS", "b3c1e2a0-1111-4222-8333-944455556666", null));
  }

  @Test
  void readsAFailedResultWithItsCodeAndMessage() throws IOException {
    SoapCodec.Answer answer =
        SoapCodec.answer("ClientUserAdd", sample("client-user-add-not-found.xml"));

    assertThat(answer).isEqualTo(new SoapCodec.Answer("NOT_FOUND", null, "Client not found: x"));
  }

  @Test
  void aFaultBecomesATypedFailureAndAReceiverFaultMayBeRetried() throws IOException {
    byte[] fault = sample("receiver-fault.xml");

    assertThatThrownBy(() -> SoapCodec.answer("ClientAdd", fault))
        .isInstanceOfSatisfying(
            SoapFaultFailure.class,
            e -> {
              assertThat(e.operation()).isEqualTo("ClientAdd");
              assertThat(e.faultCode()).isEqualTo("Receiver");
              assertThat(e.retryable()).isTrue();
              assertThat(e)
                  .hasMessage(
                      "ClientAdd: SOAP fault Receiver: Ошибка при вызове метода контекста (Записать)");
            });
  }

  @Test
  void anAnswerToAnotherOperationOrNotXmlIsMalformed() throws IOException {
    byte[] clientAdd = sample("client-add-response.xml");

    assertThatThrownBy(() -> SoapCodec.answer("ClientRead", clientAdd))
        .isInstanceOfSatisfying(
            PlatformRejected.class, e -> assertThat(e.code()).startsWith("malformed answer"));
    assertThatThrownBy(
            () ->
                SoapCodec.answer("ClientRead", "<html>502</html".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            PlatformRejected.class, e -> assertThat(e.operation()).isEqualTo("ClientRead"));
    // the thread's parser, reused after a document it could not read, reads the next one whole
    assertThat(SoapCodec.answer("ClientAdd", clientAdd).code()).isEqualTo("SUCCESS");
  }

  @Test
  void aRowWithTooFewValuesIsMalformed() throws IOException {
    String text =
        new String(sample("client-user-read-response.xml"), StandardCharsets.UTF_8)
            .replace("<Value xsi:type=\"xs:string\">Ivanov</Value>", "");

    assertThatThrownBy(
            () -> SoapCodec.answer("ClientUserRead", text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            PlatformRejected.class, e -> assertThat(e.code()).contains("5 values for 6 columns"));
  }

  @Test
  void aDoctypeIsRefused() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";

    assertThatThrownBy(() -> SoapCodec.answer("ClientRead", xxe.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(PlatformRejected.class);
  }

  @Test
  void whatTheWriterWritesTheReaderReadsBack() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("Name", "Ünïcödé <&> «Тест»");
    byte[] request = SoapCodec.request("ClientAdd", params);

    assertThat(new String(request, StandardCharsets.UTF_8))
        .contains("Ünïcödé &lt;&amp;&gt; «Тест»");
  }

  private static void assertProperty(
      NodeList properties, int index, String name, String type, String text) {
    Element property = (Element) properties.item(index);
    assertThat(property.getAttribute("name")).isEqualTo(name);
    Element value = value(properties, index);
    assertThat(value.getAttributeNS(XSI, "type")).isEqualTo(type);
    assertThat(value.getTextContent()).isEqualTo(text);
  }

  private static Element value(NodeList properties, int index) {
    return (Element)
        ((Element) properties.item(index))
            .getElementsByTagNameNS("http://v8.1c.ru/8.1/data/core", "Value")
            .item(0);
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static byte[] sample(String name) throws IOException {
    try (InputStream in = SoapCodecTest.class.getResourceAsStream("/soap/" + name)) {
      return in.readAllBytes();
    }
  }
}
