package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/** A button of a digital menu; pressing it sends its text as a message. */
public record MenuButton(String text) {
  public MenuButton {
    checkArgument(text != null && !text.isBlank(), "button text must not be blank");
  }
}
