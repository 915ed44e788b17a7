package io.omnichannel.testkit.oneconnect;

/**
 * The property names of PartnerWebAPI2 requests and result tables, as this emulator speaks them.
 *
 * <p><b>All names here are assumed.</b> The service's WSDL types every {@code Params} as a 1C
 * Structure and does not publish the names; only {@code ChangedFrom}, {@code OpenedFrom}, {@code
 * SpecialistID}, {@code ResultCode}, {@code ResultData} and the first {@code SpecialistRead}
 * columns ({@code SpecialistID}, {@code CreatedAt}, {@code Deleted}, {@code Login}, {@code Name},
 * {@code Surname}) were seen in real exchanges. The 1C-Connect adapter mirrors this class; correct
 * both together when the real names are known.
 *
 * <p>Per operation ({@code *} required, {@code ?} optional):
 *
 * <ul>
 *   <li>{@code ClientAdd}: ClientID? Name* INN? → ResultData = ClientID (xs:string)
 *   <li>{@code ClientRead}: ClientID? ChangedFrom? → ValueTable ClientID, CreatedAt, Deleted, Name,
 *       INN
 *   <li>{@code ClientEdit}: ClientID* Name? INN?; {@code ClientDelete}: ClientID*
 *   <li>{@code ClientUserAdd}: ClientID* UserID? Name* Surname? Patronymic? Login? Email? Phone? →
 *       ResultData = UserID
 *   <li>{@code ClientUserRead}: ClientID? UserID? → ValueTable UserID, ClientID, CreatedAt,
 *       Deleted, Login, Name, Surname, Patronymic, Email, Phone
 *   <li>{@code ClientUserEdit}: UserID* and any field of Add; {@code ClientUserDelete}: UserID*
 *   <li>{@code UserServiceLineAdd}: UserID* ServiceLineID* Active? (default true)
 *   <li>{@code UserServiceLineRead}: UserID? ServiceLineID? → ValueTable UserID, ServiceLineID,
 *       Active, CreatedAt
 *   <li>{@code UserServiceLineEdit}: UserID* ServiceLineID* Active* ({@code false} = ban); {@code
 *       UserServiceLineDelete}: UserID* ServiceLineID*
 *   <li>{@code SpecialistRead}: ChangedFrom? → ValueTable SpecialistID, CreatedAt, Deleted, Login
 *       (xs:decimal), Name, Surname
 * </ul>
 *
 * Result codes (assumed, except SUCCESS): {@link #SUCCESS}, {@link #PARAMETER_MISSING}, {@link
 * #PARAMETER_INVALID}, {@link #NOT_FOUND}, {@link #DUPLICATE}. A failed call also carries {@code
 * ResultMessage} (xs:string) for people; {@code ResultData} is then nil.
 */
public final class SoapPropertyNames {
  public static final String CLIENT_ID = "ClientID";
  public static final String NAME = "Name";
  public static final String INN = "INN";
  public static final String USER_ID = "UserID";
  public static final String SURNAME = "Surname";
  public static final String PATRONYMIC = "Patronymic";
  public static final String LOGIN = "Login";
  public static final String EMAIL = "Email";
  public static final String PHONE = "Phone";
  public static final String SERVICE_LINE_ID = "ServiceLineID";
  public static final String ACTIVE = "Active";
  public static final String SPECIALIST_ID = "SpecialistID";
  public static final String CHANGED_FROM = "ChangedFrom";
  public static final String CREATED_AT = "CreatedAt";
  public static final String DELETED = "Deleted";

  public static final String RESULT_CODE = "ResultCode";
  public static final String RESULT_DATA = "ResultData";
  public static final String RESULT_MESSAGE = "ResultMessage";

  public static final String SUCCESS = "SUCCESS";
  public static final String PARAMETER_MISSING = "PARAMETER_MISSING";
  public static final String PARAMETER_INVALID = "PARAMETER_INVALID";
  public static final String NOT_FOUND = "NOT_FOUND";
  public static final String DUPLICATE = "DUPLICATE";

  public static final String SERVICE_NAMESPACE = "http://buhphone.com/PartnerWebAPI2";
  public static final String DATA_CORE_NAMESPACE = "http://v8.1c.ru/8.1/data/core";
  public static final String ACTION_PREFIX = "http://buhphone.com/PartnerWebAPI2#PartnerWebAPI2:";

  private SoapPropertyNames() {}
}
