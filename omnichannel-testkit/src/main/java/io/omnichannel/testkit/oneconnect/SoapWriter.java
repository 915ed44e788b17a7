package io.omnichannel.testkit.oneconnect;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes PartnerWebAPI2 answers and Faults with StAX (1C's Structure and ValueTable encoding), in
 * the SOAP version the request came in ({@code soap} is its envelope namespace).
 */
final class SoapWriter {
  private static final String XS = "http://www.w3.org/2001/XMLSchema";
  private static final String CORE = SoapPropertyNames.DATA_CORE_NAMESPACE;
  private static final DateTimeFormatter ONE_C_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private SoapWriter() {}

  static byte[] response(String soap, String operation, SoapResult result) {
    return write(
        soap,
        xml -> {
          xml.writeStartElement("m", operation + "Response", SoapPropertyNames.SERVICE_NAMESPACE);
          xml.writeNamespace("m", SoapPropertyNames.SERVICE_NAMESPACE);
          xml.writeStartElement("m", "return", SoapPropertyNames.SERVICE_NAMESPACE);
          xml.writeNamespace("xs", XS);
          xml.writeNamespace("xsi", SoapParser.XSI);
          property(xml, SoapPropertyNames.RESULT_CODE, result.code());
          property(xml, SoapPropertyNames.RESULT_DATA, result.data());
          if (result.message() != null) {
            property(xml, SoapPropertyNames.RESULT_MESSAGE, result.message());
          }
          xml.writeEndElement();
          xml.writeEndElement();
        });
  }

  static byte[] fault(String soap, SoapFault fault) {
    if (SoapParser.SOAP11.equals(soap)) {
      return write(
          soap,
          xml -> {
            xml.writeStartElement("soap", "Fault", soap);
            xml.writeStartElement("faultcode");
            xml.writeCharacters("soap:" + code11(fault.code));
            xml.writeEndElement();
            xml.writeStartElement("faultstring");
            xml.writeCharacters(fault.getMessage());
            xml.writeEndElement();
            xml.writeEndElement();
          });
    }
    return write(
        soap,
        xml -> {
          xml.writeStartElement("soap", "Fault", SoapParser.SOAP12);
          xml.writeStartElement("soap", "Code", SoapParser.SOAP12);
          xml.writeStartElement("soap", "Value", SoapParser.SOAP12);
          xml.writeCharacters("soap:" + fault.code);
          xml.writeEndElement();
          xml.writeEndElement();
          xml.writeStartElement("soap", "Reason", SoapParser.SOAP12);
          xml.writeStartElement("soap", "Text", SoapParser.SOAP12);
          xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
          xml.writeCharacters(fault.getMessage());
          xml.writeEndElement();
          xml.writeEndElement();
          xml.writeEndElement();
        });
  }

  private interface BodyWriter {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  /** SOAP 1.1 names the parties Client and Server where 1.2 says Sender and Receiver. */
  private static String code11(String code12) {
    switch (code12) {
      case "Sender":
        return "Client";
      case "Receiver":
        return "Server";
      default:
        return code12;
    }
  }

  private static byte[] write(String soap, BodyWriter body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("soap", "Envelope", soap);
      xml.writeNamespace("soap", soap);
      xml.writeEmptyElement("soap", "Header", soap);
      xml.writeStartElement("soap", "Body", soap);
      body.write(xml);
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write SOAP answer", e);
    }
    return out.toByteArray();
  }

  private static void property(XMLStreamWriter xml, String name, Object value)
      throws XMLStreamException {
    xml.writeStartElement("", "Property", CORE);
    xml.writeDefaultNamespace(CORE);
    xml.writeAttribute("name", name);
    if (value instanceof ValueTable table) {
      xml.writeStartElement("", "Value", CORE);
      xml.writeAttribute("xsi", SoapParser.XSI, "type", "ValueTable");
      table(xml, table);
      xml.writeEndElement();
    } else {
      value(xml, value);
    }
    xml.writeEndElement();
  }

  private static void table(XMLStreamWriter xml, ValueTable table) throws XMLStreamException {
    for (ValueTable.Column column : table.columns()) {
      xml.writeStartElement("", "column", CORE);
      text(xml, "Name", column.name());
      xml.writeStartElement("", "ValueType", CORE);
      for (String type : column.types()) {
        text(xml, "Type", type);
      }
      if (column.stringLength() != null) {
        xml.writeStartElement("", "StringQualifiers", CORE);
        text(xml, "Length", column.stringLength().toString());
        text(xml, "AllowedLength", "Variable");
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndElement();
    }
    for (List<Object> row : table.rows()) {
      xml.writeStartElement("", "row", CORE);
      for (Object value : row) {
        value(xml, value);
      }
      xml.writeEndElement();
    }
  }

  private static void value(XMLStreamWriter xml, Object value) throws XMLStreamException {
    if (value == null) {
      xml.writeEmptyElement("", "Value", CORE);
      xml.writeAttribute("xsi", SoapParser.XSI, "nil", "true");
      return;
    }
    xml.writeStartElement("", "Value", CORE);
    xml.writeAttribute("xsi", SoapParser.XSI, "type", typeOf(value));
    xml.writeCharacters(lexical(value));
    xml.writeEndElement();
  }

  private static void text(XMLStreamWriter xml, String element, String text)
      throws XMLStreamException {
    xml.writeStartElement("", element, CORE);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private static String typeOf(Object value) {
    if (value instanceof Boolean) {
      return "xs:boolean";
    }
    if (value instanceof Number) {
      return "xs:decimal";
    }
    if (value instanceof Instant) {
      return "xs:dateTime";
    }
    return "xs:string";
  }

  private static String lexical(Object value) {
    if (value instanceof Instant instant) {
      return ONE_C_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value.toString();
  }
}
