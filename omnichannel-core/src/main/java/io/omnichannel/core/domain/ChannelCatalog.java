package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The messengers one deployment runs, each as it describes itself, in the order the management
 * line's root menu lists them.
 */
public final class ChannelCatalog {
  private final Map<ChannelKind, ChannelDescription> byKind = new LinkedHashMap<>();

  public ChannelCatalog(List<ChannelDescription> channels) {
    checkArgument(!channels.isEmpty(), "at least one messenger");
    for (ChannelDescription channel : channels) {
      checkArgument(
          byKind.putIfAbsent(channel.kind(), channel) == null,
          "two messengers named %s",
          channel.kind());
    }
  }

  public static ChannelCatalog of(ChannelDescription... channels) {
    return new ChannelCatalog(List.of(channels));
  }

  public List<ChannelDescription> all() {
    return List.copyOf(byKind.values());
  }

  public Optional<ChannelDescription> find(ChannelKind kind) {
    return Optional.ofNullable(byKind.get(kind));
  }

  /**
   * @throws IllegalArgumentException when the messenger is not configured here
   */
  public ChannelDescription describe(ChannelKind kind) {
    return find(kind)
        .orElseThrow(() -> new IllegalArgumentException("no messenger " + kind + " configured"));
  }

  /** The messenger's limits; 1C-Connect's alone for one not configured here. */
  public ChannelLimits limits(ChannelKind kind) {
    return find(kind).map(ChannelDescription::limits).orElse(ChannelLimits.ONE_C_CONNECT);
  }
}
