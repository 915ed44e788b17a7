package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.net.URI;
import java.util.Objects;

/** A broadcast's "go to link" button (кнопка перехода по ссылке). */
public record LinkButton(String text, URI url) {
  public LinkButton {
    checkArgument(text != null && !text.isBlank(), "link button text must not be blank");
    Objects.requireNonNull(url, "url");
    checkArgument(
        "https".equals(url.getScheme()) || "http".equals(url.getScheme()),
        "link button needs an http(s) URL");
  }
}
