package io.omnichannel.testkit.oneconnect;

import java.util.List;

/**
 * PartnerWebAPI2's WSDL as the emulator serves it at {@code GET …?wsdl}: document/literal, every
 * operation taking a {@code Params} Structure and answering a {@code return} Structure (the real
 * WSDL publishes no property names either), with a SOAP 1.1 and a SOAP 1.2 binding at the same
 * address (oneconnect-api.md §5). Written for the emulator from that description, not copied.
 */
final class Wsdl {
  static final List<String> OPERATIONS =
      List.of(
          "ClientAdd",
          "ClientRead",
          "ClientEdit",
          "ClientDelete",
          "ClientUserAdd",
          "ClientUserRead",
          "ClientUserEdit",
          "ClientUserDelete",
          "UserServiceLineAdd",
          "UserServiceLineRead",
          "UserServiceLineEdit",
          "UserServiceLineDelete",
          "ServiceLineKindRead",
          "SpecialistRead",
          "DepartmentRead",
          "RegionRead",
          "GetOpenedServiceTreatments");

  private Wsdl() {}

  static String text(String address) {
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\"")
        .append(" xmlns:soap=\"http://schemas.xmlsoap.org/wsdl/soap/\"")
        .append(" xmlns:soap12=\"http://schemas.xmlsoap.org/wsdl/soap12/\"")
        .append(" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"")
        .append(" xmlns:core=\"http://v8.1c.ru/8.1/data/core\"")
        .append(" xmlns:tns=\"")
        .append(SoapPropertyNames.SERVICE_NAMESPACE)
        .append("\" name=\"PartnerWebAPI2\" targetNamespace=\"")
        .append(SoapPropertyNames.SERVICE_NAMESPACE)
        .append("\">\n");
    types(xml);
    for (String op : OPERATIONS) {
      xml.append("  <message name=\"")
          .append(op)
          .append("RequestMessage\">")
          .append("<part name=\"parameters\" element=\"tns:")
          .append(op)
          .append("\"/></message>\n")
          .append("  <message name=\"")
          .append(op)
          .append("ResponseMessage\">")
          .append("<part name=\"parameters\" element=\"tns:")
          .append(op)
          .append("Response\"/></message>\n");
    }
    xml.append("  <portType name=\"PartnerWebAPI2PortType\">\n");
    for (String op : OPERATIONS) {
      xml.append("    <operation name=\"")
          .append(op)
          .append("\">")
          .append("<input message=\"tns:")
          .append(op)
          .append("RequestMessage\"/>")
          .append("<output message=\"tns:")
          .append(op)
          .append("ResponseMessage\"/>")
          .append("</operation>\n");
    }
    xml.append("  </portType>\n");
    binding(xml, "PartnerWebAPI2SoapBinding", "soap");
    binding(xml, "PartnerWebAPI2Soap12Binding", "soap12");
    xml.append("  <service name=\"PartnerWebAPI2\">\n")
        .append("    <port name=\"PartnerWebAPI2Soap\" binding=\"tns:PartnerWebAPI2SoapBinding\">")
        .append("<soap:address location=\"")
        .append(address)
        .append("\"/></port>\n")
        .append(
            "    <port name=\"PartnerWebAPI2Soap12\" binding=\"tns:PartnerWebAPI2Soap12Binding\">")
        .append("<soap12:address location=\"")
        .append(address)
        .append("\"/></port>\n")
        .append("  </service>\n</definitions>\n");
    return xml.toString();
  }

  private static void types(StringBuilder xml) {
    xml.append("  <types><xsd:schema elementFormDefault=\"qualified\" targetNamespace=\"")
        .append(SoapPropertyNames.SERVICE_NAMESPACE)
        .append("\">\n")
        .append("    <xsd:import namespace=\"http://v8.1c.ru/8.1/data/core\"/>\n");
    for (String op : OPERATIONS) {
      xml.append("    <xsd:element name=\"")
          .append(op)
          .append("\"><xsd:complexType><xsd:sequence>")
          .append("<xsd:element name=\"Params\" type=\"core:Structure\" nillable=\"true\"/>")
          .append("</xsd:sequence></xsd:complexType></xsd:element>\n")
          .append("    <xsd:element name=\"")
          .append(op)
          .append("Response\"><xsd:complexType>")
          .append("<xsd:sequence><xsd:element name=\"return\" type=\"core:Structure\"/>")
          .append("</xsd:sequence></xsd:complexType></xsd:element>\n");
    }
    xml.append("  </xsd:schema></types>\n");
  }

  private static void binding(StringBuilder xml, String name, String prefix) {
    xml.append("  <binding name=\"")
        .append(name)
        .append("\" type=\"tns:PartnerWebAPI2PortType\">")
        .append("<")
        .append(prefix)
        .append(
            ":binding style=\"document\" transport=\"http://schemas.xmlsoap.org/soap/http\"/>\n");
    for (String op : OPERATIONS) {
      xml.append("    <operation name=\"")
          .append(op)
          .append("\"><")
          .append(prefix)
          .append(":operation soapAction=\"")
          .append(SoapPropertyNames.ACTION_PREFIX)
          .append(op)
          .append("\" style=\"document\"/>")
          .append("<input><")
          .append(prefix)
          .append(":body use=\"literal\"/></input>")
          .append("<output><")
          .append(prefix)
          .append(":body use=\"literal\"/></output>")
          .append("</operation>\n");
    }
    xml.append("  </binding>\n");
  }
}
