package io.omnichannel.core.port.out;

/**
 * What became of one message delivered into a line as its user wrote it: delivered, or one of the
 * refusals the core answers in its own way. Unavailability and a rejected API account are no
 * outcome: they are thrown ({@code PlatformUnavailable}, {@code ApiAccountRejected}).
 */
public sealed interface DeliveryOutcome {

  /** The line has the message (now, or from an earlier delivery with the same external id). */
  record Delivered() implements DeliveryOutcome {}

  /** The user's line is switched off in the admin cabinet: the user is banned (F9). */
  record UserBanned() implements DeliveryOutcome {}

  /** 1C-Connect says the user is not a subscriber of the line. */
  record NotASubscriber() implements DeliveryOutcome {}

  /** The company's tariff option "external channels" is not active (F12). */
  record TariffOptionOff() implements DeliveryOutcome {}

  /** The one {@link Delivered}. */
  DeliveryOutcome DELIVERED = new Delivered();
}
