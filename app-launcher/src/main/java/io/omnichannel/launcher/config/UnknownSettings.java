package io.omnichannel.launcher.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Keys that look like settings but are none (a typo, a setting of another version): ignored, so
 * each is named in a warning with the nearest known key, rather than passed over in silence.
 */
final class UnknownSettings {
  static final String PREFIX = "OMNICHANNEL_";
  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private UnknownSettings() {}

  /** Every key the service reads: each setting's variable and, for secrets, its file variant. */
  static Set<String> knownKeys() {
    return Stream.of(Setting.values())
        .flatMap(
            setting ->
                setting.secret()
                    ? Stream.of(setting.variable(), setting.fileVariable())
                    : Stream.of(setting.variable()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * One line per unknown key: {@code OMNICHANNEL_*} variables of the environment (others belong to
   * the host), and every key of the properties file (it holds settings only).
   */
  static List<String> warnings(Map<String, String> environment, Properties file) {
    Set<String> known = knownKeys();
    List<String> warnings = new ArrayList<>();
    new TreeSet<>(environment.keySet())
        .stream()
            .filter(key -> key.startsWith(PREFIX) && !known.contains(key))
            .forEach(key -> warnings.add(warning(key, "environment variable", known)));
    new TreeSet<>(file.stringPropertyNames())
        .stream()
            .filter(key -> !known.contains(key))
            .forEach(key -> warnings.add(warning(key, "key in the properties file", known)));
    return warnings;
  }

  private static String warning(String key, String where, Set<String> known) {
    String nearest =
        known.stream()
            .min(
                Comparator.comparingInt(
                    (String candidate) -> DISTANCE.apply(key.toUpperCase(Locale.ROOT), candidate)))
            .orElseThrow();
    return "unknown setting "
        + key
        + " ("
        + where
        + ") is ignored; the nearest known one is "
        + nearest;
  }
}
