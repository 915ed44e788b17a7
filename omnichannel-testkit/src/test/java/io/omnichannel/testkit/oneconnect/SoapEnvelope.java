package io.omnichannel.testkit.oneconnect;

import java.io.ByteArrayOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Builds a PartnerWebAPI2 request envelope with DOM, the way 1C clients send it. */
final class SoapEnvelope {
  static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
  static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String PAR = "http://buhphone.com/PartnerWebAPI2";
  static final String CORE = "http://v8.1c.ru/8.1/data/core";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  static final String XS = "http://www.w3.org/2001/XMLSchema";

  private final Document document;
  private final Element params;

  private SoapEnvelope(String soap, String operation) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      document = factory.newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    Element envelope = document.createElementNS(soap, "soap:Envelope");
    envelope.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:par", PAR);
    envelope.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:core", CORE);
    envelope.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", XSI);
    envelope.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xs", XS);
    document.appendChild(envelope);
    envelope.appendChild(document.createElementNS(soap, "soap:Header"));
    Element body = document.createElementNS(soap, "soap:Body");
    envelope.appendChild(body);
    Element call = document.createElementNS(PAR, "par:" + operation);
    body.appendChild(call);
    params = document.createElementNS(PAR, "par:Params");
    call.appendChild(params);
  }

  static SoapEnvelope operation(String operation) {
    return new SoapEnvelope(SOAP12, operation);
  }

  static SoapEnvelope operation11(String operation) {
    return new SoapEnvelope(SOAP11, operation);
  }

  SoapEnvelope string(String name, String value) {
    return property(name, "xs:string", value);
  }

  SoapEnvelope bool(String name, boolean value) {
    return property(name, "xs:boolean", Boolean.toString(value));
  }

  SoapEnvelope property(String name, String type, String value) {
    Element property = document.createElementNS(CORE, "core:Property");
    property.setAttribute("name", name);
    Element element = document.createElementNS(CORE, "core:Value");
    element.setAttributeNS(XSI, "xsi:type", type);
    element.setTextContent(value);
    property.appendChild(element);
    params.appendChild(property);
    return this;
  }

  byte[] bytes() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TransformerFactory.newInstance()
          .newTransformer()
          .transform(new DOMSource(document), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new IllegalStateException(e);
    }
  }
}
