package io.omnichannel.testkit.oneconnect;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** One button of a digital menu (keyboard); {@code id} is optional, as in the push API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Button(String id, String text) {
  public Button {
    Objects.requireNonNull(text, "text");
  }

  public static Button of(String text) {
    return new Button(null, text);
  }
}
