package io.omnichannel.oneconnect;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Everything an exception would show in a log: messages, toString and stack traces of the whole
 * chain.
 */
final class Secrets {
  private Secrets() {}

  static String everythingPrintable(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
