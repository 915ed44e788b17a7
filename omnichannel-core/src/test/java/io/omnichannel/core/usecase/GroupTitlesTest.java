package io.omnichannel.core.usecase;

import static io.omnichannel.core.fakes.ChannelEvents.chat;
import static io.omnichannel.core.fakes.ChannelEvents.groupText;
import static io.omnichannel.core.fakes.ChannelEvents.membership;
import static io.omnichannel.core.fakes.ChannelEvents.privateText;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChannelEvent;
import io.omnichannel.core.domain.ChannelEvent.ChannelMessage;
import io.omnichannel.core.domain.ChannelEvent.Membership;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContext;
import io.omnichannel.core.domain.Sender;
import io.omnichannel.core.fakes.CoreFixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * F10 for a messenger whose messages carry no group title (MAX): the title is asked of the
 * messenger when the group's account is opened, never per message; without it the fallback name.
 */
class GroupTitlesTest {
  private final CoreFixture f = new CoreFixture();
  private final Connection connection = f.connectedLine("Поддержка", "Shop Bot", "shop_bot");
  private int nextUpdate = 1;

  private void relay(ChannelEvent event) {
    f.relayToLine.relay(
        f.connections.find(connection.id()).orElseThrow(), event, "event-" + nextUpdate++);
  }

  private static ChannelMessage untitled(String chatId, String member, String text) {
    return new ChannelMessage(
        chat(chatId),
        ChatKind.GROUP,
        Optional.empty(),
        new Sender(member, Optional.empty()),
        new MessageContent.Text(text),
        MessageContext.PLAIN);
  }

  private String accountName() {
    return f.accounts.of(connection.id()).stream()
        .filter(ChannelAccount::isOpen)
        .findFirst()
        .orElseThrow()
        .displayName();
  }

  @Test
  void aGroupWithoutATitleInItsMessagesIsNamedAfterTheTitleAskedOnceWhenItsAccountOpens() {
    f.messenger.groupTitle(chat("-300"), "Отдел закупок");

    relay(untitled("-300", "Иван Петров", "Нужен счёт"));
    relay(untitled("-300", "Мария Сидорова", "И акт"));
    relay(untitled("-300", "Иван Петров", "Спасибо"));

    assertThat(accountName()).isEqualTo("Отдел закупок");
    assertThat(f.platform.users().get(0).name()).isEqualTo("Отдел закупок");
    assertThat(f.messenger.titlesAsked()).containsExactly(chat("-300"));
  }

  @Test
  void aNewEpochAsksAgainAndGetsTheTitleOfNow() {
    f.messenger.groupTitle(chat("-300"), "Отдел закупок");
    relay(untitled("-300", "Иван Петров", "Первый"));
    relay(membership("-300", ChatKind.GROUP, Membership.LEFT));
    f.messenger.groupTitle(chat("-300"), "Закупки и логистика");

    relay(untitled("-300", "Иван Петров", "Снова мы"));

    assertThat(accountName()).isEqualTo("Закупки и логистика");
    assertThat(f.messenger.titlesAsked()).hasSize(2);
  }

  @Test
  void aTitleThatCannotBeHadLeavesTheFallbackNameAndTheMessageStillGoes() {
    f.messenger.unavailable(true);

    relay(untitled("-300", "Иван Петров", "Нужен счёт"));

    assertThat(accountName()).isEqualTo("Группа -300");
    assertThat(f.platform.deliveries()).hasSize(1);
  }

  @Test
  void aTitleTheMessageCarriesAndAPrivateChatAskNothing() {
    relay(groupText("-300", "Отдел закупок", "Иван Петров", "Нужен счёт"));
    relay(privateText("501", "Иван Петров", "Здравствуйте"));

    assertThat(f.messenger.titlesAsked()).isEmpty();
  }
}
