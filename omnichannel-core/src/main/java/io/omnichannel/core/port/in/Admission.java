package io.omnichannel.core.port.in;

import io.omnichannel.core.port.in.InboundGateway.Acceptance;

/**
 * A hook call checked before its body is read (one credential lookup): either the caller may hand
 * in its event, or the answer is already known and the body need not be read at all.
 */
public sealed interface Admission {

  /** Hands in the event, once read; an {@link Answered} call gives its known answer. */
  Acceptance accept(RawEvent event);

  /** The caller is who it claims to be and the connection takes events. */
  non-sealed interface Admitted extends Admission {}

  /**
   * Known without the body: {@code UNAUTHORIZED}, {@code UNKNOWN_CONNECTION}, {@code DISCONNECTED}
   * or {@code INVALID}. Nothing is stored.
   */
  record Answered(Acceptance acceptance) implements Admission {
    @Override
    public Acceptance accept(RawEvent event) {
      return acceptance;
    }
  }
}
