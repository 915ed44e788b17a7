package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelLimits;
import io.omnichannel.core.domain.Connection;
import io.omnichannel.core.domain.DialogState;
import io.omnichannel.core.domain.DialogState.AwaitingToken;
import io.omnichannel.core.domain.DialogState.ChannelChoice;
import io.omnichannel.core.domain.DialogState.ChannelMenu;
import io.omnichannel.core.domain.DialogState.ChoosingLine;
import io.omnichannel.core.domain.DialogState.LinkSent;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.Line;
import io.omnichannel.core.domain.Menu;
import io.omnichannel.core.domain.MenuButton;
import io.omnichannel.core.domain.PendingAction;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.Specialist;
import io.omnichannel.core.domain.WizardPurpose;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.port.out.ConfirmationRepository;
import io.omnichannel.core.port.out.ConnectionRepository;
import io.omnichannel.core.port.out.DialogRepository;
import io.omnichannel.core.port.out.ManagementDesk;
import io.omnichannel.core.port.out.MessengerChannel;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The channel-management line (F1, F2, F4, F5): a state machine over the digital menu, one per
 * specialist, saved after every step. Every reply re-shows a menu, so the specialist is never
 * stuck.
 */
public final class ManagementDialog {
  private final ManagementDesk platform;
  private final MessengerChannel messenger;
  private final ConnectionRepository connections;
  private final DialogRepository dialogs;
  private final ConfirmationRepository confirmations;
  private final ConfirmationIssuer issuer;
  private final Clock clock;
  private final DialogTexts texts;

  public ManagementDialog(
      ManagementDesk platform,
      MessengerChannel messenger,
      ConnectionRepository connections,
      DialogRepository dialogs,
      ConfirmationRepository confirmations,
      ConfirmationIssuer issuer,
      Clock clock) {
    this.platform = platform;
    this.messenger = messenger;
    this.connections = connections;
    this.dialogs = dialogs;
    this.confirmations = confirmations;
    this.issuer = issuer;
    this.clock = clock;
    this.texts = new DialogTexts(messenger.kind());
  }

  /** Handles one message (typed text or a pressed button) a user wrote to the management line. */
  public void handle(PlatformUserId user, String input) {
    Optional<Specialist> specialist = platform.specialist(user);
    if (specialist.isEmpty()) {
      platform.replyOnManagementLine(user, texts.notASpecialist(), Keyboard.REMOVE);
      return;
    }
    DialogState state = dialogs.load(user).orElse(DialogState.START);
    DialogReply reply = step(specialist.get(), state, input);
    // Reply first: if the reply fails, the event is retried against the state it was meant for.
    platform.replyOnManagementLine(user, reply.text(), new Keyboard.ShowMenu(reply.menu()));
    dialogs.save(user, reply.next());
  }

  private DialogReply step(Specialist specialist, DialogState state, String input) {
    if (state instanceof ChannelChoice) {
      return onChannelChoice(specialist, input);
    }
    if (state instanceof ChannelMenu) {
      return onChannelMenu(specialist, input);
    }
    if (state instanceof ChoosingLine choosing) {
      return onChoosingLine(specialist, choosing, input);
    }
    if (state instanceof AwaitingToken awaiting) {
      return onToken(specialist, awaiting, input);
    }
    return onLinkSent(specialist, (LinkSent) state, input);
  }

  private DialogReply onChannelChoice(Specialist specialist, String input) {
    if (DialogInput.matches(input, texts.channelButton())) {
      return show(specialist, new ChannelMenu(), null);
    }
    return show(specialist, DialogState.START, isNavigation(input) ? null : texts.notUnderstood());
  }

  private DialogReply onChannelMenu(Specialist specialist, String input) {
    if (DialogInput.matches(input, texts.connectButton())) {
      return startConnect(specialist);
    }
    if (DialogInput.matches(input, texts.disconnectButton())) {
      return startDisconnect(specialist);
    }
    if (DialogInput.matches(input, texts.listButton())) {
      List<Connection> active = connections.activeOf(specialist.company());
      String list = active.isEmpty() ? texts.noLinesToDisconnect() : texts.connectionList(active);
      return new DialogReply(new ChannelMenu(), list, channelMenu());
    }
    if (DialogInput.matches(input, DialogTexts.BACK)
        || DialogInput.matches(input, DialogTexts.CANCEL)) {
      return show(specialist, DialogState.START, null);
    }
    // the channel's own button again (an old keyboard, or after an announcement): just the menu
    String hint = DialogInput.matches(input, texts.channelButton()) ? null : texts.notUnderstood();
    return show(specialist, new ChannelMenu(), hint);
  }

  private DialogReply startConnect(Specialist specialist) {
    Optional<String> refusal = connectRefusal(specialist);
    if (refusal.isPresent()) {
      return new DialogReply(new ChannelMenu(), refusal.get(), channelMenu());
    }
    if (linesToConnect(specialist).isEmpty()) {
      return new DialogReply(new ChannelMenu(), texts.noLinesToConnect(), channelMenu());
    }
    return show(specialist, new ChoosingLine(WizardPurpose.CONNECT, 0), null);
  }

  private DialogReply startDisconnect(Specialist specialist) {
    if (linesToDisconnect(specialist).isEmpty()) {
      return new DialogReply(new ChannelMenu(), texts.noLinesToDisconnect(), channelMenu());
    }
    return show(specialist, new ChoosingLine(WizardPurpose.DISCONNECT, 0), null);
  }

  /**
   * The company-wide reasons not to connect another bot; checked before and again after the token.
   */
  private Optional<String> connectRefusal(Specialist specialist) {
    if (!platform.externalChannelsEnabled(specialist.company())) {
      return Optional.of(texts.tariffOptionOff());
    }
    if (connections.activeOf(specialist.company()).size() >= ChannelLimits.MAX_BOTS_PER_COMPANY) {
      return Optional.of(texts.companyFull());
    }
    return Optional.empty();
  }

  private DialogReply onChoosingLine(Specialist specialist, ChoosingLine state, String input) {
    LinePages pages = pagesFor(specialist, state.purpose());
    int page = pages.clamp(state.page());
    if (DialogInput.matches(input, DialogTexts.BACK)
        || DialogInput.matches(input, DialogTexts.CANCEL)) {
      String lead = DialogInput.matches(input, DialogTexts.CANCEL) ? texts.cancelled() : null;
      return show(specialist, new ChannelMenu(), lead);
    }
    if (DialogInput.matches(input, DialogTexts.PREVIOUS_PAGE) && page > 0) {
      return show(specialist, new ChoosingLine(state.purpose(), page - 1), null);
    }
    if (DialogInput.matches(input, DialogTexts.NEXT_PAGE) && page < pages.pageCount() - 1) {
      return show(specialist, new ChoosingLine(state.purpose(), page + 1), null);
    }
    Optional<Line> chosen = pages.lineOn(page, input);
    if (chosen.isEmpty()) {
      return show(specialist, new ChoosingLine(state.purpose(), page), texts.notUnderstood());
    }
    if (state.purpose() == WizardPurpose.CONNECT) {
      return show(specialist, new AwaitingToken(chosen.get().id(), page), null);
    }
    return issueDisconnect(specialist, chosen.get());
  }

  private DialogReply issueDisconnect(Specialist specialist, Line line) {
    Optional<Connection> connection = connections.findActiveByLine(line.id());
    if (connection.isEmpty()) {
      return show(
          specialist, new ChoosingLine(WizardPurpose.DISCONNECT, 0), texts.noLinesToDisconnect());
    }
    Connection existing = connection.get();
    URI link =
        issuer.issue(
            specialist,
            new PendingAction.Disconnect(existing.id(), existing.line(), existing.bot()));
    return new DialogReply(
        new LinkSent(WizardPurpose.DISCONNECT),
        texts.disconnectLink(existing.line(), existing.bot(), link),
        wizardMenu());
  }

  private DialogReply onToken(Specialist specialist, AwaitingToken state, String input) {
    if (DialogInput.matches(input, DialogTexts.BACK)) {
      return show(specialist, new ChoosingLine(WizardPurpose.CONNECT, state.page()), null);
    }
    if (DialogInput.matches(input, DialogTexts.CANCEL)) {
      return show(specialist, new ChannelMenu(), texts.cancelled());
    }
    Optional<Line> line =
        linesToConnect(specialist).stream().filter(l -> l.id().equals(state.line())).findFirst();
    if (line.isEmpty()) {
      Optional<Connection> taken = connections.findActiveByLine(state.line());
      String lead = taken.map(texts::lineTaken).orElse(texts.noLinesToConnect());
      return show(specialist, new ChoosingLine(WizardPurpose.CONNECT, 0), lead);
    }
    Optional<BotToken> token = BotToken.parse(input);
    if (token.isEmpty()) {
      return new DialogReply(state, texts.notAToken(), wizardMenu());
    }
    Optional<String> refusal = connectRefusal(specialist);
    if (refusal.isPresent()) {
      return new DialogReply(new ChannelMenu(), refusal.get(), channelMenu());
    }
    Optional<Connection> botInUse = connections.findActiveByBot(token.get().botId());
    if (botInUse.isPresent()) {
      return new DialogReply(state, texts.botAlreadyConnected(botInUse.get()), wizardMenu());
    }
    BotProfile bot;
    try {
      bot = messenger.identify(token.get());
    } catch (InvalidBotToken rejected) {
      return new DialogReply(state, texts.tokenRejected(), wizardMenu());
    } catch (ChannelUnavailable unavailable) {
      return new DialogReply(state, texts.channelUnavailable(), wizardMenu());
    }
    URI link = issuer.issue(specialist, new PendingAction.Connect(line.get(), bot, token.get()));
    return new DialogReply(
        new LinkSent(WizardPurpose.CONNECT),
        texts.connectLink(line.get(), bot, link),
        wizardMenu());
  }

  private DialogReply onLinkSent(Specialist specialist, LinkSent state, String input) {
    if (DialogInput.matches(input, DialogTexts.CANCEL)) {
      confirmations.withdrawUnused(specialist.id(), clock.instant());
      return show(specialist, new ChannelMenu(), texts.linkWithdrawn());
    }
    if (DialogInput.matches(input, DialogTexts.BACK)) {
      return show(specialist, new ChannelMenu(), null);
    }
    return new DialogReply(
        state, texts.notUnderstood() + " " + texts.linkStillValid(), wizardMenu());
  }

  /** The standard prompt and menu of a state, after an optional lead message. */
  private DialogReply show(Specialist specialist, DialogState state, String lead) {
    DialogReply shown = prompt(specialist, state);
    String text = lead == null ? shown.text() : lead + "\n\n" + shown.text();
    return new DialogReply(shown.next(), text, shown.menu());
  }

  private DialogReply prompt(Specialist specialist, DialogState state) {
    if (state instanceof ChannelChoice) {
      return new DialogReply(state, texts.chooseChannel(), Menu.column(texts.channelButton()));
    }
    if (state instanceof ChannelMenu) {
      return new DialogReply(state, texts.channelMenuPrompt(), channelMenu());
    }
    if (state instanceof ChoosingLine choosing) {
      LinePages pages = pagesFor(specialist, choosing.purpose());
      if (pages.isEmpty()) {
        String none =
            choosing.purpose() == WizardPurpose.CONNECT
                ? texts.noLinesToConnect()
                : texts.noLinesToDisconnect();
        return new DialogReply(new ChannelMenu(), none, channelMenu());
      }
      int page = pages.clamp(choosing.page());
      List<List<MenuButton>> rows = new ArrayList<>(pages.buttonRows(page));
      rows.addAll(wizardMenu().rows());
      return new DialogReply(
          new ChoosingLine(choosing.purpose(), page),
          texts.chooseLine(choosing.purpose(), page, pages.pageCount()),
          new Menu(rows));
    }
    if (state instanceof AwaitingToken awaiting) {
      Optional<Line> line =
          linesToConnect(specialist).stream()
              .filter(l -> l.id().equals(awaiting.line()))
              .findFirst();
      if (line.isEmpty()) {
        return prompt(specialist, new ChoosingLine(WizardPurpose.CONNECT, awaiting.page()));
      }
      return new DialogReply(state, texts.askToken(line.get()), wizardMenu());
    }
    return new DialogReply(state, texts.linkStillValid(), wizardMenu());
  }

  private LinePages pagesFor(Specialist specialist, WizardPurpose purpose) {
    return new LinePages(
        purpose == WizardPurpose.CONNECT
            ? linesToConnect(specialist)
            : linesToDisconnect(specialist));
  }

  /** F2: the company's lines open to clients and specialists that have no bot yet. */
  private List<Line> linesToConnect(Specialist specialist) {
    Set<String> taken =
        connections.activeOf(specialist.company()).stream()
            .map(connection -> connection.line().id().value())
            .collect(Collectors.toSet());
    return platform.linesOf(specialist.company()).stream()
        .filter(Line::canGetBot)
        .filter(line -> !taken.contains(line.id().value()))
        .toList();
  }

  private List<Line> linesToDisconnect(Specialist specialist) {
    return connections.activeOf(specialist.company()).stream().map(Connection::line).toList();
  }

  private Menu channelMenu() {
    return texts.channelMenu();
  }

  private static Menu wizardMenu() {
    return DialogTexts.wizardMenu();
  }

  private static boolean isNavigation(String input) {
    return DialogInput.matches(input, DialogTexts.BACK)
        || DialogInput.matches(input, DialogTexts.CANCEL);
  }
}
