package io.omnichannel.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.List;

/** A digital menu (цифровое меню): rows of text buttons. */
public record Menu(List<List<MenuButton>> rows) {
  public Menu {
    checkArgument(rows != null && !rows.isEmpty(), "a menu has at least one row");
    rows = rows.stream().map(ImmutableList::copyOf).collect(ImmutableList.toImmutableList());
    checkArgument(rows.stream().noneMatch(List::isEmpty), "a menu row has at least one button");
  }

  /** One button per row, in order. */
  public static Menu column(String... texts) {
    return new Menu(Arrays.stream(texts).map(text -> List.of(new MenuButton(text))).toList());
  }

  public List<String> buttonTexts() {
    return rows.stream().flatMap(List::stream).map(MenuButton::text).toList();
  }
}
