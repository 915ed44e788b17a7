package io.omnichannel.launcher.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit that fits what the endpoint takes, for declared and chunked
 * bodies alike: a declared {@code Content-Length} over the limit is refused (413) before anything
 * is read, a chunked body is read up to one byte past the limit and refused there. Javalin checks
 * only a declared length and then reads the whole body; Jetty 11 has no limit of its own.
 */
public final class BoundedBody {
  /**
   * A Telegram update: the largest real ones (a 4,096-character text, escaped as {@code \\uXXXX},
   * with its entities and the message it replies to) stay well under 200 KiB.
   */
  static final int TELEGRAM_UPDATE = 1 << 20;

  /** A MAX update: a 4,000-character text with its markup and attachments' references. */
  static final int MAX_UPDATE = 1 << 20;

  /** A 1C-Connect hook event: a message's text, keyboard and file references, never file bytes. */
  static final int ONECONNECT_EVENT = 1 << 20;

  /** The confirmation form: a login and a password, percent-encoded. */
  static final int CONFIRMATION_FORM = 8 << 10;

  /** The largest body any endpoint here takes; the bundled server's own limit is set to it. */
  public static final int LARGEST =
      Math.max(Math.max(TELEGRAM_UPDATE, MAX_UPDATE), ONECONNECT_EVENT);

  private BoundedBody() {}

  /** 413 when the request declares a body longer than {@code limit}; reads nothing. */
  static void refuseDeclaredOver(Context ctx, int limit) {
    if (ctx.req().getContentLengthLong() > limit) {
      throw tooLarge(limit);
    }
  }

  /**
   * The whole body, if it is at most {@code limit} bytes; otherwise 413 with no more than {@code
   * limit + 1} bytes read. A transfer that breaks off or is malformed (bad chunks) is a 400.
   */
  static byte[] read(Context ctx, int limit) {
    refuseDeclaredOver(ctx, limit);
    byte[] body;
    try {
      InputStream in = ctx.req().getInputStream();
      body = in.readNBytes(limit + 1);
    } catch (IOException broken) {
      throw new BadRequestResponse("the request body could not be read");
    }
    if (body.length > limit) {
      throw tooLarge(limit);
    }
    return body;
  }

  private static ContentTooLargeResponse tooLarge(int limit) {
    return new ContentTooLargeResponse(
        "the body is larger than the " + limit + " bytes taken here");
  }
}
