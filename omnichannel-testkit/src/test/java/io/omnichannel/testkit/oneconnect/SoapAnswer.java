package io.omnichannel.testkit.oneconnect;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a PartnerWebAPI2 answer with DOM: result properties, ValueTable columns and rows, or a
 * Fault.
 */
final class SoapAnswer {
  /** One row value: its xsi:type (null when nil), its text, whether it is nil. */
  record Cell(String type, String text, boolean nil) {}

  final Document document;

  private SoapAnswer(Document document) {
    this.document = document;
  }

  static SoapAnswer parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return new SoapAnswer(
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    } catch (Exception e) {
      throw new AssertionError("not XML: " + xml, e);
    }
  }

  Element body() {
    return child(document.getDocumentElement(), soap(), "Body");
  }

  /** The envelope namespace the answer came in. */
  String soap() {
    return document.getDocumentElement().getNamespaceURI();
  }

  /** The local name of the Body's element, e.g. {@code ClientAddResponse} or {@code Fault}. */
  String bodyElement() {
    return elements(body()).get(0).getLocalName();
  }

  String faultCode() {
    Element fault = child(body(), soap(), "Fault");
    if (SoapEnvelope.SOAP11.equals(soap())) {
      return child(fault, null, "faultcode").getTextContent();
    }
    return child(child(fault, SoapEnvelope.SOAP12, "Code"), SoapEnvelope.SOAP12, "Value")
        .getTextContent();
  }

  Element property(String name) {
    Element response = elements(body()).get(0);
    Element result = child(response, SoapEnvelope.PAR, "return");
    for (Element property : elements(result)) {
      if (SoapEnvelope.CORE.equals(property.getNamespaceURI())
          && name.equals(property.getAttribute("name"))) {
        return property;
      }
    }
    throw new AssertionError("no property " + name);
  }

  Element value(String property) {
    return child(property(property), SoapEnvelope.CORE, "Value");
  }

  String text(String property) {
    return value(property).getTextContent();
  }

  String resultCode() {
    return text("ResultCode");
  }

  List<String> columns() {
    List<String> names = new ArrayList<>();
    for (Element column : children(value("ResultData"), "column")) {
      names.add(child(column, SoapEnvelope.CORE, "Name").getTextContent());
    }
    return names;
  }

  List<String> columnTypes(String columnName) {
    for (Element column : children(value("ResultData"), "column")) {
      if (child(column, SoapEnvelope.CORE, "Name").getTextContent().equals(columnName)) {
        return children(child(column, SoapEnvelope.CORE, "ValueType"), "Type").stream()
            .map(Node::getTextContent)
            .toList();
      }
    }
    throw new AssertionError("no column " + columnName);
  }

  List<List<Cell>> rows() {
    List<List<Cell>> rows = new ArrayList<>();
    for (Element row : children(value("ResultData"), "row")) {
      List<Cell> cells = new ArrayList<>();
      for (Element value : children(row, "Value")) {
        boolean nil = "true".equals(value.getAttributeNS(SoapEnvelope.XSI, "nil"));
        String type =
            value.hasAttributeNS(SoapEnvelope.XSI, "type")
                ? value.getAttributeNS(SoapEnvelope.XSI, "type")
                : null;
        cells.add(new Cell(type, value.getTextContent(), nil));
      }
      rows.add(cells);
    }
    return rows;
  }

  private static List<Element> children(Element parent, String localName) {
    return elements(parent).stream()
        .filter(
            e ->
                SoapEnvelope.CORE.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName()))
        .toList();
  }

  private static Element child(Element parent, String namespace, String localName) {
    return elements(parent).stream()
        .filter(
            e ->
                java.util.Objects.equals(namespace, e.getNamespaceURI())
                    && localName.equals(e.getLocalName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + localName + " in " + parent.getLocalName()));
  }

  private static List<Element> elements(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }
}
