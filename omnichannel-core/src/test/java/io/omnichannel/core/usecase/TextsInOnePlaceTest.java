package io.omnichannel.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core's words for people sit in one class per audience: the management line's in {@code
 * DialogTexts}, the line's in {@code LineNotices}, the messenger user's in {@code UserNotices}. No
 * other class of the core's main sources has a Russian string literal (comments may quote them).
 */
class TextsInOnePlaceTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Set<String> TEXT_CLASSES =
      Set.of("DialogTexts.java", "LineNotices.java", "UserNotices.java");
  private static final Pattern RUSSIAN = Pattern.compile("[\\u0400-\\u04FF]");

  @Test
  void onlyTheTextClassesHoldRussianStringLiterals() throws IOException {
    List<String> strays = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        if (TEXT_CLASSES.contains(file.getFileName().toString())) {
          continue;
        }
        for (String literal : stringLiterals(Files.readString(file, StandardCharsets.UTF_8))) {
          if (RUSSIAN.matcher(literal).find()) {
            strays.add(SOURCES.relativize(file) + ": \"" + literal + "\"");
          }
        }
      }
    }
    assertThat(strays).isEmpty();
  }

  @Test
  void theScanSeesLiteralsAndSkipsComments() {
    String source =
        "/** \"Отмена\" */ class A { // \"Назад\"\n"
            + " String a = \"Альбом: \" + 'x' + \"a\\\"б\"; /* \"в\" */ String t = \"\"\"\nтекст\"\"\"; }";

    assertThat(stringLiterals(source)).containsExactly("Альбом: ", "a\\\"б", "\nтекст");
  }

  /** The string literals and text blocks of a Java source, as written, without its comments. */
  static List<String> stringLiterals(String source) {
    List<String> literals = new ArrayList<>();
    int i = 0;
    while (i < source.length()) {
      if (source.startsWith("//", i)) {
        i = end(source.indexOf('\n', i), source);
      } else if (source.startsWith("/*", i)) {
        i = end(source.indexOf("*/", i + 2), source) + 2;
      } else if (source.startsWith("\"\"\"", i)) {
        int close = end(source.indexOf("\"\"\"", i + 3), source);
        literals.add(source.substring(i + 3, close));
        i = close + 3;
      } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
        char quote = source.charAt(i);
        int j = i + 1;
        while (j < source.length() && source.charAt(j) != quote) {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        if (quote == '"') {
          literals.add(source.substring(i + 1, Math.min(j, source.length())));
        }
        i = j + 1;
      } else {
        i++;
      }
    }
    return literals;
  }

  private static int end(int found, String source) {
    return found < 0 ? source.length() : found;
  }
}
