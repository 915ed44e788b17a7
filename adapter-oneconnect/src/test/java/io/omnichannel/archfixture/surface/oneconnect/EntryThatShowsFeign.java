package io.omnichannel.archfixture.surface.oneconnect;

import feign.Feign;

/** Breaks "the public entry shows no Feign or Jackson": its caller would need Feign. */
public class EntryThatShowsFeign {
  public Feign.Builder client() {
    return Feign.builder();
  }
}
