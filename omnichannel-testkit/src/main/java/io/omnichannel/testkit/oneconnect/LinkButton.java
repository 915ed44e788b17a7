package io.omnichannel.testkit.oneconnect;

import java.util.Objects;

/** The link button of a broadcast; appears in events as {@code data.link_button {text, url}}. */
public record LinkButton(String text, String url) {
  public LinkButton {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(url, "url");
  }
}
