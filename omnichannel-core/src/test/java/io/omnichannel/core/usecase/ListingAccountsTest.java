package io.omnichannel.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ChannelEvent.ChannelMessage;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ChatKind;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.MessageContent;
import io.omnichannel.core.domain.MessageContext;
import io.omnichannel.core.domain.Sender;
import io.omnichannel.core.fakes.CoreFixture;
import io.omnichannel.core.port.in.AccountDirectory.AccountView;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** F14: the technical client's users can be viewed, with their ban state. */
class ListingAccountsTest {
  private final CoreFixture world = new CoreFixture();
  private final ListingAccounts listing =
      new ListingAccounts(world.connections, world.accounts, world.platform);

  private void write(io.omnichannel.core.domain.Connection connection, long chat, String name) {
    world.relayToLine.relay(
        connection,
        new ChannelMessage(
            new ChatId(String.valueOf(chat)),
            ChatKind.PRIVATE,
            Optional.empty(),
            new Sender(name, Optional.of(name.toLowerCase())),
            new MessageContent.Text("Привет"),
            MessageContext.PLAIN),
        "telegram:1:" + chat);
  }

  @Test
  void listsEveryAccountOfTheTechnicalClientWithItsBanState() {
    var connection = world.connectedLine("Поддержка", "Support", "support_bot");
    write(connection, 11, "Ivan");
    write(connection, 12, "Olga");
    var olga =
        world.accounts.all().stream()
            .filter(a -> a.displayName().equals("Olga"))
            .findFirst()
            .orElseThrow();
    world.platform.ban(olga.platformUser());

    assertThat(listing.accountsOf(connection.id()))
        .extracting(view -> view.account().displayName(), AccountView::banned)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Ivan", false),
            org.assertj.core.groups.Tuple.tuple("Olga", true));
  }

  @Test
  void eachAccountShowsWhenAMessageOfItWasLastRelayed() {
    var connection = world.connectedLine("Поддержка", "Support", "support_bot");
    write(connection, 11, "Ivan");
    Instant first = world.clock.instant();
    world.clock.advance(Duration.ofMinutes(5));
    write(connection, 11, "Ivan");

    assertThat(listing.accountsOf(connection.id()))
        .singleElement()
        .extracting(AccountView::lastActivity)
        .isEqualTo(Optional.of(first.plus(Duration.ofMinutes(5))));
  }

  @Test
  void anUnknownConnectionHasNoAccounts() {
    assertThat(listing.accountsOf(new ConnectionId("nope"))).isEmpty();
  }
}
