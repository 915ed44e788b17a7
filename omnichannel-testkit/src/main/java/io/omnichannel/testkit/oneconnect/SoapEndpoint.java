package io.omnichannel.testkit.oneconnect;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;

/**
 * {@code POST /cus/ws/PartnerWebAPI2}: Basic auth (401, empty body), then a SOAP 1.1 or 1.2 call
 * (by its envelope), answered in the same version: 1.1 as {@code text/xml; charset=utf-8}, 1.2 as
 * {@code application/soap+xml;charset=utf-8}. Either version may come as {@code text/xml} with a
 * {@code SOAPAction} header or as {@code application/soap+xml} with an {@code action} parameter;
 * when given the action must match the Body's operation. Faults answer 500. {@code GET …?wsdl}
 * answers the WSDL ({@link Wsdl}).
 */
final class SoapEndpoint {
  static final String PATH = "/cus/ws/PartnerWebAPI2";
  static final String CONTENT_TYPE = "application/soap+xml;charset=utf-8";
  static final String CONTENT_TYPE_11 = "text/xml; charset=utf-8";
  private static final Pattern ACTION_PARAM = Pattern.compile("(?i)action\\s*=\\s*\"?([^\";]*)\"?");

  private final Access access;
  private final Map<String, SoapOperation> operations = new HashMap<>();

  SoapEndpoint(Access access, Directory directory, ClientRegistry clients) {
    this.access = access;
    ClientOperations clientOperations = new ClientOperations(clients);
    clientOperations.register(operations);
    new LineOperations(directory, clients, clientOperations).register(operations);
  }

  void register(Javalin app) {
    app.post(PATH, this::handle);
    app.get(PATH, this::wsdl);
  }

  private void wsdl(Context ctx) {
    access.account(ctx);
    if (ctx.queryParamMap().keySet().stream().noneMatch(k -> k.equalsIgnoreCase("wsdl"))) {
      ctx.status(405);
      return;
    }
    ctx.status(200);
    ctx.contentType(CONTENT_TYPE_11);
    ctx.result(Wsdl.text(ctx.scheme() + "://" + ctx.host() + PATH));
  }

  private void handle(Context ctx) {
    ApiAccount account = access.account(ctx);
    byte[] body = ctx.bodyAsBytes();
    String soap = SoapParser.SOAP12; // what a body that is no XML is answered in
    try {
      Document request = SoapParser.read(body);
      soap = SoapParser.version(request);
      String action = action(ctx);
      SoapCall call = SoapParser.parse(request);
      if (action != null && !action.equals(call.operation())) {
        throw SoapFault.sender(
            "SOAP action " + action + " does not match the Body's " + call.operation());
      }
      SoapOperation operation = operations.get(call.operation());
      if (operation == null) {
        throw SoapFault.sender("Unknown operation " + call.operation());
      }
      answer(
          ctx,
          soap,
          200,
          SoapWriter.response(soap, call.operation(), run(operation, account, call.params())));
    } catch (SoapFault fault) {
      answer(ctx, soap, fault.httpStatus, SoapWriter.fault(soap, fault));
    }
  }

  private static SoapResult run(SoapOperation operation, ApiAccount account, SoapParams params) {
    try {
      return operation.run(account, params);
    } catch (SoapParams.Refusal refusal) {
      return SoapResult.failure(refusal.code, refusal.getMessage());
    }
  }

  /** The operation named by the request headers, or null when they name none. */
  private static String action(Context ctx) {
    String contentType = ctx.contentType() == null ? "" : ctx.contentType();
    String lower = contentType.toLowerCase(Locale.ROOT);
    String action;
    if (lower.startsWith("text/xml")) {
      action = ctx.header("SOAPAction");
    } else if (lower.startsWith("application/soap+xml")) {
      Matcher matcher = ACTION_PARAM.matcher(contentType);
      action = matcher.find() ? matcher.group(1) : ctx.header("SOAPAction");
    } else {
      throw new SoapFault("Sender", "Content-Type must be application/soap+xml or text/xml", 415);
    }
    if (action == null) {
      return null;
    }
    action = action.trim();
    if (action.startsWith("\"") && action.endsWith("\"") && action.length() >= 2) {
      action = action.substring(1, action.length() - 1);
    }
    if (action.isEmpty()) {
      return null;
    }
    if (!action.startsWith(SoapPropertyNames.ACTION_PREFIX)) {
      throw SoapFault.sender("Unknown SOAP action " + action);
    }
    return action.substring(SoapPropertyNames.ACTION_PREFIX.length());
  }

  private static void answer(Context ctx, String soap, int status, byte[] body) {
    ctx.status(status);
    ctx.contentType(SoapParser.SOAP11.equals(soap) ? CONTENT_TYPE_11 : CONTENT_TYPE);
    ctx.result(body);
  }
}
