package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Where a file can be fetched from on its own side: the messenger's file id, a 1C-Connect file URL.
 * File bytes are never stored by the gateway, only these references.
 */
public record FileRef(String value) {
  public FileRef {
    checkArgument(value != null && !value.isBlank(), "file reference must not be blank");
  }
}
