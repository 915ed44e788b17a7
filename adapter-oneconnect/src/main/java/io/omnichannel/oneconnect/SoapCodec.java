package io.omnichannel.oneconnect;

import io.omnichannel.core.domain.failure.PlatformRejected;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * PartnerWebAPI2's SOAP 1.1 and 1.2 envelopes (an answer is read in whichever version it comes) and
 * 1C's Structure / ValueTable encoding: requests written with StAX, answers read with DOM (doctype
 * and external entities refused). Values: String ↔ xs:string, Boolean ↔ xs:boolean,
 * BigDecimal/Long/Integer ↔ xs:decimal, Instant ↔ xs:dateTime (UTC, no zone, as 1C writes it),
 * LocalDate ↔ xs:date, null ↔ xsi:nil; a {@code ValueTable} value reads as a {@link SoapTable}.
 */
final class SoapCodec {
  private static final DateTimeFormatter ONE_C_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

  /**
   * One parser per thread, configured once: {@code DocumentBuilderFactory.newInstance()} looks its
   * implementation up through the class path's service files on every call (51 µs a ClientAdd
   * answer with it, 17.5 µs without), and a factory is not promised to be thread-safe.
   */
  private static final ThreadLocal<DocumentBuilder> PARSERS =
      ThreadLocal.withInitial(SoapCodec::newParser);

  /**
   * What an operation answered: its result code, data and the message that comes with a failure.
   */
  record Answer(String code, Object data, String message) {}

  private SoapCodec() {}

  static byte[] request(String operation, Map<String, Object> params) {
    return request(OneConnectConfig.SoapVersion.SOAP_1_2, operation, params);
  }

  static byte[] request(
      OneConnectConfig.SoapVersion version, String operation, Map<String, Object> params) {
    String soap = SoapEnvelopes.namespace(version);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("soap", "Envelope", soap);
      xml.writeNamespace("soap", soap);
      xml.writeNamespace("par", SoapNames.SERVICE);
      xml.writeNamespace("core", SoapNames.CORE);
      xml.writeNamespace("xs", SoapNames.XS);
      xml.writeNamespace("xsi", SoapNames.XSI);
      xml.writeEmptyElement("soap", "Header", soap);
      xml.writeStartElement("soap", "Body", soap);
      xml.writeStartElement("par", operation, SoapNames.SERVICE);
      xml.writeStartElement("par", "Params", SoapNames.SERVICE);
      for (Map.Entry<String, Object> param : params.entrySet()) {
        xml.writeStartElement("core", "Property", SoapNames.CORE);
        xml.writeAttribute("name", param.getKey());
        value(xml, param.getValue());
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write " + operation + " request", e);
    }
    return out.toByteArray();
  }

  private static void value(XMLStreamWriter xml, Object value) throws XMLStreamException {
    if (value == null) {
      xml.writeEmptyElement("core", "Value", SoapNames.CORE);
      xml.writeAttribute("xsi", SoapNames.XSI, "nil", "true");
      return;
    }
    xml.writeStartElement("core", "Value", SoapNames.CORE);
    xml.writeAttribute("xsi", SoapNames.XSI, "type", typeOf(value));
    xml.writeCharacters(lexical(value));
    xml.writeEndElement();
  }

  private static String typeOf(Object value) {
    if (value instanceof String) {
      return "xs:string";
    }
    if (value instanceof Boolean) {
      return "xs:boolean";
    }
    if (value instanceof BigDecimal || value instanceof Long || value instanceof Integer) {
      return "xs:decimal";
    }
    if (value instanceof Instant) {
      return "xs:dateTime";
    }
    if (value instanceof LocalDate) {
      return "xs:date";
    }
    throw new IllegalArgumentException("no 1C type for " + value.getClass().getSimpleName());
  }

  private static String lexical(Object value) {
    if (value instanceof Instant instant) {
      return ONE_C_DATE_TIME.format(
          instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value.toString();
  }

  /**
   * Reads an answer to {@code operation}: its result, or a {@link SoapFaultFailure} for a Fault;
   * anything that is neither is a {@link PlatformRejected} naming the operation.
   */
  static Answer answer(String operation, byte[] body) {
    Element envelope = parse(operation, body).getDocumentElement();
    String soap = envelope.getNamespaceURI();
    if (!"Envelope".equals(envelope.getLocalName())
        || !(SoapNames.SOAP11.equals(soap) || SoapNames.SOAP12.equals(soap))) {
      throw malformed(operation, "not a SOAP envelope");
    }
    Element soapBody = child(envelope, soap, "Body");
    Element content = soapBody == null ? null : firstElement(soapBody);
    if (content == null) {
      throw malformed(operation, "empty Body");
    }
    if (is(content, soap, "Fault")) {
      throw SoapNames.SOAP11.equals(soap) ? fault11(operation, content) : fault(operation, content);
    }
    if (!is(content, SoapNames.SERVICE, operation + "Response")) {
      throw malformed(operation, "unexpected " + content.getLocalName());
    }
    Element result = child(content, SoapNames.SERVICE, "return");
    if (result == null) {
      throw malformed(operation, "no return");
    }
    Map<String, Object> properties = structure(operation, result);
    Object code = properties.get(SoapNames.RESULT_CODE);
    if (!(code instanceof String)) {
      throw malformed(operation, "no ResultCode");
    }
    Object message = properties.get(SoapNames.RESULT_MESSAGE);
    return new Answer(
        (String) code,
        properties.get(SoapNames.RESULT_DATA),
        message == null ? null : message.toString());
  }

  private static SoapFaultFailure fault(String operation, Element fault) {
    Element code = child(fault, SoapNames.SOAP12, "Code");
    Element codeValue = code == null ? null : child(code, SoapNames.SOAP12, "Value");
    Element reason = child(fault, SoapNames.SOAP12, "Reason");
    Element reasonText = reason == null ? null : child(reason, SoapNames.SOAP12, "Text");
    String faultCode = codeValue == null ? "unknown" : codeValue.getTextContent().trim();
    int colon = faultCode.indexOf(':');
    String localCode = colon < 0 ? faultCode : faultCode.substring(colon + 1);
    return new SoapFaultFailure(
        operation, localCode, reasonText == null ? "" : reasonText.getTextContent().trim());
  }

  /**
   * A SOAP 1.1 Fault: unqualified {@code faultcode} and {@code faultstring}; its Client and Server
   * are named as 1.2 names them (Sender, Receiver), so a failure reads the same in both versions.
   */
  private static SoapFaultFailure fault11(String operation, Element fault) {
    Element code = child(fault, "", "faultcode");
    Element reason = child(fault, "", "faultstring");
    String faultCode = code == null ? "unknown" : code.getTextContent().trim();
    int colon = faultCode.indexOf(':');
    String localCode = colon < 0 ? faultCode : faultCode.substring(colon + 1);
    String asIn12 =
        switch (localCode) {
          case "Client" -> "Sender";
          case "Server" -> "Receiver";
          default -> localCode;
        };
    return new SoapFaultFailure(
        operation, asIn12, reason == null ? "" : reason.getTextContent().trim());
  }

  private static Map<String, Object> structure(String operation, Element parent) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Element property : children(parent, SoapNames.CORE, "Property")) {
      Element value = child(property, SoapNames.CORE, "Value");
      properties.put(property.getAttribute("name"), value == null ? null : value(operation, value));
    }
    return properties;
  }

  private static Object value(String operation, Element value) {
    if ("true".equals(value.getAttributeNS(SoapNames.XSI, "nil"))) {
      return null;
    }
    String type = value.getAttributeNS(SoapNames.XSI, "type");
    String localType = type.substring(type.indexOf(':') + 1);
    String text = value.getTextContent();
    try {
      switch (localType) {
        case "ValueTable":
          return table(operation, value);
        case "boolean":
          return Boolean.valueOf(text.trim());
        case "decimal":
          return new BigDecimal(text.trim());
        case "dateTime":
          return LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
        case "date":
          String date = text.trim();
          return LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
        default:
          return text;
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw malformed(operation, "invalid " + type + " value");
    }
  }

  private static SoapTable table(String operation, Element table) {
    List<String> columns = new ArrayList<>();
    for (Element column : children(table, SoapNames.CORE, "column")) {
      Element name = child(column, SoapNames.CORE, "Name");
      if (name == null) {
        throw malformed(operation, "a ValueTable column without a Name");
      }
      columns.add(name.getTextContent().trim());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Element row : children(table, SoapNames.CORE, "row")) {
      List<Element> values = children(row, SoapNames.CORE, "Value");
      if (values.size() != columns.size()) {
        throw malformed(
            operation,
            "a ValueTable row with "
                + values.size()
                + " values for "
                + columns.size()
                + " columns");
      }
      Map<String, Object> byName = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        byName.put(columns.get(i), value(operation, values.get(i)));
      }
      rows.add(byName);
    }
    return new SoapTable(columns, rows);
  }

  private static Document parse(String operation, byte[] body) {
    DocumentBuilder parser = PARSERS.get();
    try {
      // set again each time: reset() puts back the default handler, which prints to stderr
      parser.setErrorHandler(new DefaultHandler());
      return parser.parse(new ByteArrayInputStream(body));
    } catch (SAXException | IOException e) {
      throw malformed(operation, "not XML");
    } finally {
      parser.reset();
    }
  }

  /** Namespace-aware, no DTD (so no external entity), secure processing, no XInclude. */
  private static DocumentBuilder newParser() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PlatformRejected malformed(String operation, String what) {
    return new PlatformRejected(operation, "malformed answer: " + what);
  }

  /** {@code namespace} "" matches an unqualified element. */
  private static boolean is(Element element, String namespace, String localName) {
    String actual = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
    return namespace.equals(actual) && localName.equals(element.getLocalName());
  }

  private static Element child(Element parent, String namespace, String localName) {
    List<Element> found = children(parent, namespace, localName);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String namespace, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && is(element, namespace, localName)) {
        found.add(element);
      }
    }
    return found;
  }

  private static Element firstElement(Element parent) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        return element;
      }
    }
    return null;
  }
}
