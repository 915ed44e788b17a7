package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.MenuButton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lines offered as buttons, {@value #PAGE_SIZE} per page, sorted by name. Two lines of the same
 * name get numbered labels ("Поддержка (2)"), so that every button names exactly one line.
 */
final class LinePages {
  static final int PAGE_SIZE = 5;

  private final List<Line> lines;
  private final Map<String, Line> byLabel = new LinkedHashMap<>();

  LinePages(List<Line> unsorted) {
    this.lines =
        unsorted.stream()
            .sorted(
                Comparator.comparing(Line::name, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(line -> line.id().value()))
            .toList();
    Map<String, Integer> seen = new HashMap<>();
    for (Line line : lines) {
      int count = seen.merge(line.name(), 1, Integer::sum);
      byLabel.put(count == 1 ? line.name() : line.name() + " (" + count + ")", line);
    }
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  int pageCount() {
    return Math.max(1, (lines.size() + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  /**
   * The page itself if it still exists, else the last one (lines may have gone since it was shown).
   */
  int clamp(int page) {
    return Math.min(Math.max(page, 0), pageCount() - 1);
  }

  List<String> labelsOn(int page) {
    List<String> labels = new ArrayList<>(byLabel.keySet());
    int from = clamp(page) * PAGE_SIZE;
    return labels.subList(from, Math.min(from + PAGE_SIZE, labels.size()));
  }

  /** The line whose button is on the given page, matched as {@link DialogInput} matches buttons. */
  Optional<Line> lineOn(int page, String input) {
    return labelsOn(page).stream()
        .filter(label -> DialogInput.matches(input, label))
        .findFirst()
        .map(byLabel::get);
  }

  List<List<MenuButton>> buttonRows(int page) {
    List<List<MenuButton>> rows = new ArrayList<>();
    labelsOn(page).forEach(label -> rows.add(List.of(new MenuButton(label))));
    List<MenuButton> navigation = new ArrayList<>();
    if (clamp(page) > 0) {
      navigation.add(new MenuButton(DialogTexts.PREVIOUS_PAGE));
    }
    if (clamp(page) < pageCount() - 1) {
      navigation.add(new MenuButton(DialogTexts.NEXT_PAGE));
    }
    if (!navigation.isEmpty()) {
      rows.add(navigation);
    }
    return rows;
  }
}
