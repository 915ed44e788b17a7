package io.omnichannel.launcher.web;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jetty.util.MultiMap;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * A small URL-encoded form a person submits (a confirmation, a console login or action): read
 * within {@link BoundedBody#CONFIRMATION_FORM} (413 past it) and decoded by Jetty's form decoder
 * with a bound on the number of fields.
 */
final class SmallForm {
  /** The form's fields and room for a browser's extras; a form with more keys is refused. */
  private static final int FIELDS = 16;

  private SmallForm() {}

  /** The fields; empty when the body is not a form (bad encoding, too many keys, broken). */
  static Optional<MultiMap<String>> read(Context ctx) {
    MultiMap<String> form = new MultiMap<>();
    try {
      UrlEncoded.decodeUtf8To(
          new ByteArrayInputStream(BoundedBody.read(ctx, BoundedBody.CONFIRMATION_FORM)),
          form,
          BoundedBody.CONFIRMATION_FORM,
          FIELDS);
    } catch (IOException | IllegalArgumentException | IllegalStateException unreadable) {
      return Optional.empty();
    }
    return Optional.of(form);
  }

  /** The first value of the field, or empty text. */
  static String value(MultiMap<String> form, String field) {
    return Optional.ofNullable(form.getValue(field, 0)).orElse("");
  }
}
