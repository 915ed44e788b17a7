package io.omnichannel.max;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.LinkButton;
import io.omnichannel.core.domain.Menu;
import io.omnichannel.core.domain.MenuButton;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Menus and link buttons as MAX inline keyboards, within MAX's limits; texts split at 4000. */
class KeyboardsTest {

  private static JsonNode keyboard(Keyboard keyboard) {
    return Keyboards.of(keyboard, Fixtures.JSON).orElseThrow();
  }

  @Test
  void aMenuIsAnInlineKeyboardOfMessageButtonsRowByRow() {
    JsonNode attachment =
        keyboard(
            new Keyboard.ShowMenu(
                new Menu(
                    List.of(
                        List.of(new MenuButton("Да"), new MenuButton("Нет")),
                        List.of(new MenuButton("Позвать специалиста"))))));

    assertThat(attachment.path("type").asText()).isEqualTo("inline_keyboard");
    JsonNode rows = attachment.path("payload").path("buttons");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get(1).path("text").asText()).isEqualTo("Нет");
    assertThat(rows.get(0).get(1).path("type").asText()).isEqualTo("message");
    assertThat(rows.get(1).get(0).path("text").asText()).isEqualTo("Позвать специалиста");
  }

  @Test
  void aLongRowWrapsAtSevenAndTheKeyboardStopsAtThirtyRowsAndLongTextsAreCut() {
    List<MenuButton> wide = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      wide.add(new MenuButton("b" + i));
    }
    List<List<MenuButton>> rows = new ArrayList<>();
    rows.add(wide);
    for (int i = 0; i < 40; i++) {
      rows.add(List.of(new MenuButton("x".repeat(200))));
    }

    JsonNode buttons =
        keyboard(new Keyboard.ShowMenu(new Menu(rows))).path("payload").path("buttons");

    assertThat(buttons).hasSize(Keyboards.ROWS);
    assertThat(buttons.get(0)).hasSize(7);
    assertThat(buttons.get(1)).hasSize(7);
    assertThat(buttons.get(2)).hasSize(2);
    assertThat(buttons.get(3).get(0).path("text").asText()).hasSize(Keyboards.TEXT_MAX);
  }

  @Test
  void aLinkIsOneLinkButtonAndUnchangedOrRemovedCarryNoKeyboard() {
    JsonNode link =
        keyboard(new Keyboard.Link(new LinkButton("Открыть", URI.create("https://example.org/a"))))
            .path("payload")
            .path("buttons")
            .get(0)
            .get(0);

    assertThat(link.path("type").asText()).isEqualTo("link");
    assertThat(link.path("url").asText()).isEqualTo("https://example.org/a");
    assertThat(Keyboards.of(Keyboard.UNCHANGED, Fixtures.JSON)).isEmpty();
    assertThat(Keyboards.of(Keyboard.REMOVE, Fixtures.JSON)).isEmpty();
  }
}
