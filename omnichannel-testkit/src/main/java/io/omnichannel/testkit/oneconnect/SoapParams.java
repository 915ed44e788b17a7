package io.omnichannel.testkit.oneconnect;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The {@code Params} Structure of one call. Values are typed by their {@code xsi:type}: String,
 * Boolean, BigDecimal, LocalDateTime, LocalDate, or null for {@code xsi:nil}. A missing or mistyped
 * parameter stops the operation with a non-SUCCESS result ({@link Refusal}).
 */
record SoapParams(Map<String, Object> values) {

  /** Ends an operation with a result code other than SUCCESS. */
  static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String code;

    Refusal(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  static Refusal refuse(String code, String message) {
    return new Refusal(code, message);
  }

  String requiredString(String name) {
    String value = string(name);
    if (value == null || value.isBlank()) {
      throw refuse(SoapPropertyNames.PARAMETER_MISSING, "Parameter " + name + " is required");
    }
    return value;
  }

  String string(String name) {
    Object value = values.get(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw refuse(SoapPropertyNames.PARAMETER_INVALID, "Parameter " + name + " must be xs:string");
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  Boolean bool(String name) {
    Object value = values.get(name);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw refuse(SoapPropertyNames.PARAMETER_INVALID, "Parameter " + name + " must be xs:boolean");
  }

  boolean requiredBool(String name) {
    Boolean value = bool(name);
    if (value == null) {
      throw refuse(SoapPropertyNames.PARAMETER_MISSING, "Parameter " + name + " is required");
    }
    return value;
  }

  /** An {@code xs:dateTime} read as UTC, as the service's clients send it without a zone. */
  Instant dateTime(String name) {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime.toInstant(ZoneOffset.UTC);
    }
    throw refuse(SoapPropertyNames.PARAMETER_INVALID, "Parameter " + name + " must be xs:dateTime");
  }

  BigDecimal decimal(String name) {
    Object value = values.get(name);
    if (value == null || value instanceof BigDecimal) {
      return (BigDecimal) value;
    }
    throw refuse(SoapPropertyNames.PARAMETER_INVALID, "Parameter " + name + " must be xs:decimal");
  }
}
