package io.omnichannel.oneconnect;

/**
 * PartnerWebAPI2's property names and result codes, in one place. The WSDL types every {@code
 * Params} as a 1C Structure and publishes no names. Seen in real exchanges or official code
 * (oneconnect-api.md §5): {@code ResultCode}, {@code ResultData}, {@code ChangedFrom}, {@code
 * SpecialistID}, the twelve {@code SpecialistRead} columns, and the spellings {@code UserID},
 * {@code ServiceLineKindID} (a line), {@code SecondaryName}, {@code EMail}. <b>Assumed</b>: which
 * of them the client operations take — they follow those spellings. Mirrors the testkit's {@code
 * SoapPropertyNames}; correct both together when the real names are known.
 */
final class SoapNames {
  static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
  static final String SERVICE = "http://buhphone.com/PartnerWebAPI2";
  static final String CORE = "http://v8.1c.ru/8.1/data/core";
  static final String XS = "http://www.w3.org/2001/XMLSchema";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  static final String ACTION_PREFIX = "http://buhphone.com/PartnerWebAPI2#PartnerWebAPI2:";

  static final String CLIENT_ADD = "ClientAdd";
  static final String CLIENT_READ = "ClientRead";
  static final String CLIENT_USER_ADD = "ClientUserAdd";
  static final String USER_SERVICE_LINE_ADD = "UserServiceLineAdd";
  static final String USER_SERVICE_LINE_READ = "UserServiceLineRead";

  static final String CLIENT_ID = "ClientID";
  static final String NAME = "Name";
  static final String USER_ID = "UserID";

  /** A line, spelt as official code spells it ({@code ServiceRequestAdd}). */
  static final String SERVICE_LINE_ID = "ServiceLineKindID";

  static final String ACTIVE = "Active";
  static final String DELETED = "Deleted";

  static final String RESULT_CODE = "ResultCode";
  static final String RESULT_DATA = "ResultData";
  static final String RESULT_MESSAGE = "ResultMessage";
  static final String SUCCESS = "SUCCESS";

  private SoapNames() {}
}
