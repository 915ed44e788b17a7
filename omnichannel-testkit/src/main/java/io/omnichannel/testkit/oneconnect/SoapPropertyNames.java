package io.omnichannel.testkit.oneconnect;

/**
 * The property names of PartnerWebAPI2 requests and result tables, as this emulator speaks them.
 *
 * <p>The service's WSDL types every {@code Params} as a 1C Structure and does not publish the
 * names. Seen in real exchanges or official code (oneconnect-api.md §5): {@code ChangedFrom},
 * {@code OpenedFrom}, {@code SpecialistID}, {@code ResultCode}, {@code ResultData}, the twelve
 * {@code SpecialistRead} columns, and the spellings {@code UserID}, {@code ServiceLineKindID} (a
 * line), {@code SecondaryName} (patronymic), {@code EMail}. <b>Assumed</b>: which of them the
 * client operations take — they follow those spellings. The 1C-Connect adapter mirrors this class;
 * correct both together when the real names are known.
 *
 * <p>Per operation ({@code *} required, {@code ?} optional):
 *
 * <ul>
 *   <li>{@code ClientAdd}: ClientID? Name* INN? → ResultData = ClientID (xs:string)
 *   <li>{@code ClientRead}: ClientID? ChangedFrom? → ValueTable ClientID, CreatedAt, Deleted, Name,
 *       INN
 *   <li>{@code ClientEdit}: ClientID* Name? INN?; {@code ClientDelete}: ClientID*
 *   <li>{@code ClientUserAdd}: ClientID* UserID? Name* Surname? SecondaryName? Login? EMail? Phone?
 *       → ResultData = UserID
 *   <li>{@code ClientUserRead}: ClientID? UserID? → ValueTable UserID, ClientID, CreatedAt,
 *       Deleted, Login, Name, Surname, SecondaryName, EMail, Phone
 *   <li>{@code ClientUserEdit}: UserID* and any field of Add; {@code ClientUserDelete}: UserID*
 *   <li>{@code UserServiceLineAdd}: UserID* ServiceLineKindID* Active? (default true)
 *   <li>{@code UserServiceLineRead}: UserID? ServiceLineKindID? → ValueTable UserID,
 *       ServiceLineKindID, Active, CreatedAt
 *   <li>{@code UserServiceLineEdit}: UserID* ServiceLineKindID* Active* ({@code false} = ban);
 *       {@code UserServiceLineDelete}: UserID* ServiceLineKindID*
 *   <li>{@code SpecialistRead}: ChangedFrom? → ValueTable SpecialistID, CreatedAt, Deleted, Login
 *       (xs:decimal), Name, Surname, SecondaryName, Birthday, Post, DepartmentID (nil), Phone,
 *       EMail
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
  public static final String PATRONYMIC = "SecondaryName";
  public static final String LOGIN = "Login";
  public static final String EMAIL = "EMail";
  public static final String PHONE = "Phone";
  public static final String SERVICE_LINE_ID = "ServiceLineKindID";
  public static final String ACTIVE = "Active";
  public static final String SPECIALIST_ID = "SpecialistID";
  public static final String CHANGED_FROM = "ChangedFrom";
  public static final String CREATED_AT = "CreatedAt";
  public static final String DELETED = "Deleted";
  public static final String BIRTHDAY = "Birthday";
  public static final String POST = "Post";
  public static final String DEPARTMENT_ID = "DepartmentID";

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
