package io.omnichannel.testkit.oneconnect;

import io.javalin.http.Context;
import jakarta.servlet.http.Part;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Journals each REST and SOAP request after it is answered, without the Authorization secret. */
final class RequestRecorder {
  private final Journal journal;
  private final int maxBodyChars;

  RequestRecorder(Journal journal, int maxBodyChars) {
    this.journal = journal;
    this.maxBodyChars = maxBodyChars;
  }

  void record(Context ctx) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      String key = name.toLowerCase(Locale.ROOT);
      if (!key.equals("authorization")) {
        headers.put(key, List.copyOf(Collections.list(ctx.req().getHeaders(name))));
      }
    }
    List<RecordedPart> parts = new ArrayList<>();
    String body = "";
    if (Multipart.isMultipart(ctx)) {
      parts = parts(ctx);
    } else {
      body = cap(bodyText(ctx));
    }
    journal.request(
        new RecordedRequest(
            journal.nextSeq(),
            PushApiTime.now(),
            ctx.method().name(),
            ctx.req().getRequestURI(),
            ctx.queryString(),
            headers,
            Access.loginOf(ctx.header("Authorization")),
            ctx.contentType(),
            body,
            parts,
            ctx.statusCode()));
  }

  private List<RecordedPart> parts(Context ctx) {
    List<RecordedPart> parts = new ArrayList<>();
    try {
      for (Part part : ctx.req().getParts()) {
        String text =
            part.getSubmittedFileName() == null
                ? cap(new String(Multipart.bytes(part), StandardCharsets.UTF_8))
                : null;
        parts.add(
            new RecordedPart(
                part.getName(),
                part.getContentType(),
                part.getSubmittedFileName(),
                part.getSize(),
                text));
      }
    } catch (Exception unparseable) {
      // A malformed body was already answered with 400; the log keeps the request without parts.
    }
    return parts;
  }

  private static String bodyText(Context ctx) {
    try {
      return new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
    } catch (RuntimeException tooLarge) {
      return "";
    }
  }

  private String cap(String text) {
    return text.length() <= maxBodyChars ? text : text.substring(0, maxBodyChars);
  }
}
