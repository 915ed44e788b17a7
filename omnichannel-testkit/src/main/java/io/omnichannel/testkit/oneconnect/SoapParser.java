package io.omnichannel.testkit.oneconnect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads a SOAP 1.2 document/literal PartnerWebAPI2 request; anything malformed is a {@link
 * SoapFault}.
 */
final class SoapParser {
  static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
  static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

  /**
   * One parser per thread, configured once: the factory's look-up goes through the class path's
   * service files on every call, CPU the benchmarks' gateway shares with this emulator.
   */
  private static final ThreadLocal<DocumentBuilder> PARSERS =
      ThreadLocal.withInitial(SoapParser::newParser);

  private SoapParser() {}

  /**
   * The envelope namespace of a request — {@link #SOAP11} or {@link #SOAP12} — so that even a fault
   * answers in the version asked in; 1.2 when the document is not a SOAP 1.1 envelope.
   */
  static String version(Document request) {
    return SOAP11.equals(request.getDocumentElement().getNamespaceURI()) ? SOAP11 : SOAP12;
  }

  static SoapCall parse(Document request) {
    Element envelope = request.getDocumentElement();
    String soap = envelope.getNamespaceURI();
    if (!"Envelope".equals(envelope.getLocalName())
        || !(SOAP11.equals(soap) || SOAP12.equals(soap))) {
      throw new SoapFault("VersionMismatch", "Not a SOAP 1.1 or 1.2 envelope");
    }
    Element soapBody = child(envelope, soap, "Body");
    if (soapBody == null) {
      throw SoapFault.sender("The envelope has no Body");
    }
    Element operation = firstElement(soapBody);
    if (operation == null
        || !SoapPropertyNames.SERVICE_NAMESPACE.equals(operation.getNamespaceURI())) {
      throw SoapFault.sender("The Body holds no PartnerWebAPI2 operation");
    }
    Element params = child(operation, SoapPropertyNames.SERVICE_NAMESPACE, "Params");
    return new SoapCall(
        operation.getLocalName(), new SoapParams(params == null ? Map.of() : properties(params)));
  }

  private static Map<String, Object> properties(Element params) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Node node = params.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element property) {
        if (!SoapPropertyNames.DATA_CORE_NAMESPACE.equals(property.getNamespaceURI())
            || !"Property".equals(property.getLocalName())
            || !property.hasAttribute("name")) {
          throw SoapFault.sender("Params may hold only Property elements with a name");
        }
        Element value = child(property, SoapPropertyNames.DATA_CORE_NAMESPACE, "Value");
        if (value == null) {
          throw SoapFault.sender("Property " + property.getAttribute("name") + " has no Value");
        }
        values.put(property.getAttribute("name"), value(value));
      }
    }
    return values;
  }

  private static Object value(Element value) {
    if ("true".equals(value.getAttributeNS(XSI, "nil"))) {
      return null;
    }
    String type = value.getAttributeNS(XSI, "type");
    String localType = type.substring(type.indexOf(':') + 1);
    String text = value.getTextContent().trim();
    try {
      return switch (localType) {
        case "boolean" ->
            switch (text) {
              case "true" -> Boolean.TRUE;
              case "false" -> Boolean.FALSE;
              default -> throw SoapFault.sender("Invalid xs:boolean: " + text);
            };
        case "decimal" -> new BigDecimal(text);
        case "dateTime" -> LocalDateTime.parse(text);
        case "date" -> LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        default -> value.getTextContent();
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw SoapFault.sender("Invalid " + type + " value: " + text);
    }
  }

  /** The request's XML, read once; a sender fault when it is none. */
  static Document read(byte[] body) {
    DocumentBuilder parser = PARSERS.get();
    try {
      // set again each time: reset() puts back the default handler, which prints to stderr
      parser.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
      return parser.parse(new ByteArrayInputStream(body));
    } catch (SAXException | IOException e) {
      throw SoapFault.sender("Malformed XML: " + e.getMessage());
    } finally {
      parser.reset();
    }
  }

  private static DocumentBuilder newParser() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Element child(Element parent, String namespace, String localName) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element
          && namespace.equals(element.getNamespaceURI())
          && localName.equals(element.getLocalName())) {
        return element;
      }
    }
    return null;
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
