package io.omnichannel.testkit.oneconnect;

import java.util.Objects;

/**
 * The link button of a broadcast; appears in events as {@code partner_notification}'s {@code
 * description_hint} and {@code description_url}.
 */
public record LinkButton(String text, String url) {
  public LinkButton {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(url, "url");
  }
}
