package io.omnichannel.core.usecase;

import io.omnichannel.core.domain.BotId;
import io.omnichannel.core.domain.BotProfile;
import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelCatalog;
import io.omnichannel.core.domain.ChannelDescription;
import io.omnichannel.core.domain.ChannelKind;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The channel-management line (F1, F2, F4, F5): a state machine over the digital menu, one per
 * specialist, saved after every step. The root menu lists every configured messenger; below it the
 * state remembers which one is managed. Every reply re-shows a menu, so the specialist is never
 * stuck.
 */
public final class ManagementDialog {
  private final ManagementDesk platform;
  private final Map<ChannelKind, MessengerChannel> messengers = new LinkedHashMap<>();
  private final Map<ChannelKind, DialogTexts> texts = new LinkedHashMap<>();
  private final ChannelCatalog channels;
  private final ConnectionRepository connections;
  private final DialogRepository dialogs;
  private final ConfirmationRepository confirmations;
  private final ConfirmationIssuer issuer;
  private final Clock clock;

  /**
   * @param messengers every messenger of the deployment, in the order the root menu lists them
   */
  public ManagementDialog(
      ManagementDesk platform,
      List<MessengerChannel> messengers,
      ConnectionRepository connections,
      DialogRepository dialogs,
      ConfirmationRepository confirmations,
      ConfirmationIssuer issuer,
      Clock clock) {
    this.platform = platform;
    List<ChannelDescription> described = new ArrayList<>();
    for (MessengerChannel messenger : messengers) {
      ChannelDescription description = messenger.describe();
      described.add(description);
      this.messengers.put(description.kind(), messenger);
      this.texts.put(description.kind(), new DialogTexts(description));
    }
    this.channels = new ChannelCatalog(described);
    this.connections = connections;
    this.dialogs = dialogs;
    this.confirmations = confirmations;
    this.issuer = issuer;
    this.clock = clock;
  }

  /** Handles one message (typed text or a pressed button) a user wrote to the management line. */
  public void handle(PlatformUserId user, String input) {
    Optional<Specialist> specialist = platform.specialist(user);
    if (specialist.isEmpty()) {
      platform.replyOnManagementLine(user, DialogTexts.notASpecialist(), Keyboard.REMOVE);
      return;
    }
    DialogState state = dialogs.load(user).filter(this::knowsChannel).orElse(DialogState.START);
    DialogReply reply = step(specialist.get(), state, input);
    // The next state is saved before the reply is said: what the specialist does on reading the
    // reply (confirming a link, whose announcement puts the dialog in the channel menu) comes after
    // it, never overwritten by it. Should the reply fail, the state it was meant for is put back
    // and the event is retried against it.
    dialogs.save(user, reply.next());
    try {
      platform.replyOnManagementLine(user, reply.text(), new Keyboard.ShowMenu(reply.menu()));
    } catch (RuntimeException unsaid) {
      dialogs.save(user, state);
      throw unsaid;
    }
  }

  /** A state of a messenger no longer configured starts over at the root menu. */
  private boolean knowsChannel(DialogState state) {
    return channelOf(state).map(texts::containsKey).orElse(true);
  }

  private static Optional<ChannelKind> channelOf(DialogState state) {
    if (state instanceof ChannelMenu menu) {
      return Optional.of(menu.channel());
    }
    if (state instanceof ChoosingLine choosing) {
      return Optional.of(choosing.channel());
    }
    if (state instanceof AwaitingToken awaiting) {
      return Optional.of(awaiting.channel());
    }
    if (state instanceof LinkSent sent) {
      return Optional.of(sent.channel());
    }
    return Optional.empty();
  }

  private DialogReply step(Specialist specialist, DialogState state, String input) {
    if (state instanceof ChannelChoice) {
      return onChannelChoice(specialist, input);
    }
    if (state instanceof ChannelMenu menu) {
      return onChannelMenu(specialist, menu.channel(), input);
    }
    if (state instanceof ChoosingLine choosing) {
      return onChoosingLine(specialist, choosing, input);
    }
    if (state instanceof AwaitingToken awaiting) {
      return onToken(specialist, awaiting, input);
    }
    return onLinkSent(specialist, (LinkSent) state, input);
  }

  /** The messenger whose root-menu button the input is, if it is one. */
  private Optional<ChannelKind> channelButton(String input) {
    return texts.entrySet().stream()
        .filter(entry -> DialogInput.matches(input, entry.getValue().channelButton()))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private DialogReply onChannelChoice(Specialist specialist, String input) {
    Optional<ChannelKind> chosen = channelButton(input);
    if (chosen.isPresent()) {
      return show(specialist, new ChannelMenu(chosen.get()), null);
    }
    return show(
        specialist, DialogState.START, isNavigation(input) ? null : DialogTexts.notUnderstood());
  }

  private DialogReply onChannelMenu(Specialist specialist, ChannelKind channel, String input) {
    DialogTexts text = texts.get(channel);
    if (DialogInput.matches(input, text.connectButton())) {
      return startConnect(specialist, channel);
    }
    if (DialogInput.matches(input, text.disconnectButton())) {
      return startDisconnect(specialist, channel);
    }
    if (DialogInput.matches(input, text.listButton())) {
      List<Connection> active = activeOf(specialist, channel);
      String list = active.isEmpty() ? text.noLinesToDisconnect() : text.connectionList(active);
      return new DialogReply(new ChannelMenu(channel), list, text.channelMenu());
    }
    if (isNavigation(input)) {
      return show(specialist, DialogState.START, null);
    }
    // a messenger's own button again (an old keyboard, or after an announcement): just its menu
    Optional<ChannelKind> button = channelButton(input);
    if (button.isPresent()) {
      return show(specialist, new ChannelMenu(button.get()), null);
    }
    return show(specialist, new ChannelMenu(channel), DialogTexts.notUnderstood());
  }

  private DialogReply startConnect(Specialist specialist, ChannelKind channel) {
    DialogTexts text = texts.get(channel);
    Optional<String> refusal = connectRefusal(specialist, channel);
    if (refusal.isPresent()) {
      return new DialogReply(new ChannelMenu(channel), refusal.get(), text.channelMenu());
    }
    if (linesToConnect(specialist).isEmpty()) {
      return new DialogReply(new ChannelMenu(channel), text.noLinesToConnect(), text.channelMenu());
    }
    return show(specialist, new ChoosingLine(channel, WizardPurpose.CONNECT, 0), null);
  }

  private DialogReply startDisconnect(Specialist specialist, ChannelKind channel) {
    DialogTexts text = texts.get(channel);
    if (activeOf(specialist, channel).isEmpty()) {
      return new DialogReply(
          new ChannelMenu(channel), text.noLinesToDisconnect(), text.channelMenu());
    }
    return show(specialist, new ChoosingLine(channel, WizardPurpose.DISCONNECT, 0), null);
  }

  /**
   * The company-wide reasons not to connect another bot of the messenger; checked before and again
   * after the token.
   */
  private Optional<String> connectRefusal(Specialist specialist, ChannelKind channel) {
    if (!platform.externalChannelsEnabled(specialist.company())) {
      return Optional.of(texts.get(channel).tariffOptionOff());
    }
    if (activeOf(specialist, channel).size() >= ChannelLimits.MAX_BOTS_PER_COMPANY) {
      return Optional.of(texts.get(channel).companyFull());
    }
    return Optional.empty();
  }

  private DialogReply onChoosingLine(Specialist specialist, ChoosingLine state, String input) {
    ChannelKind channel = state.channel();
    LinePages pages = pagesFor(specialist, channel, state.purpose());
    int page = pages.clamp(state.page());
    if (isNavigation(input)) {
      String lead = DialogInput.matches(input, DialogTexts.CANCEL) ? DialogTexts.cancelled() : null;
      return show(specialist, new ChannelMenu(channel), lead);
    }
    if (DialogInput.matches(input, DialogTexts.PREVIOUS_PAGE) && page > 0) {
      return show(specialist, new ChoosingLine(channel, state.purpose(), page - 1), null);
    }
    if (DialogInput.matches(input, DialogTexts.NEXT_PAGE) && page < pages.pageCount() - 1) {
      return show(specialist, new ChoosingLine(channel, state.purpose(), page + 1), null);
    }
    Optional<Line> chosen = pages.lineOn(page, input);
    if (chosen.isEmpty()) {
      return show(
          specialist,
          new ChoosingLine(channel, state.purpose(), page),
          DialogTexts.notUnderstood());
    }
    if (state.purpose() == WizardPurpose.CONNECT) {
      return show(specialist, new AwaitingToken(channel, chosen.get().id(), page), null);
    }
    return issueDisconnect(specialist, channel, chosen.get());
  }

  private DialogReply issueDisconnect(Specialist specialist, ChannelKind channel, Line line) {
    Optional<Connection> connection =
        connections.findActiveByLine(line.id()).filter(c -> c.channel().equals(channel));
    if (connection.isEmpty()) {
      return show(
          specialist,
          new ChoosingLine(channel, WizardPurpose.DISCONNECT, 0),
          texts.get(channel).noLinesToDisconnect());
    }
    Connection existing = connection.get();
    URI link =
        issuer.issue(
            specialist,
            new PendingAction.Disconnect(
                existing.channel(), existing.id(), existing.line(), existing.bot()));
    return new DialogReply(
        new LinkSent(channel, WizardPurpose.DISCONNECT),
        texts.get(channel).disconnectLink(existing.line(), existing.bot(), link),
        wizardMenu());
  }

  private DialogReply onToken(Specialist specialist, AwaitingToken state, String input) {
    ChannelKind channel = state.channel();
    DialogTexts text = texts.get(channel);
    if (DialogInput.matches(input, DialogTexts.BACK)) {
      return show(specialist, new ChoosingLine(channel, WizardPurpose.CONNECT, state.page()), null);
    }
    if (DialogInput.matches(input, DialogTexts.CANCEL)) {
      return show(specialist, new ChannelMenu(channel), DialogTexts.cancelled());
    }
    Optional<Line> line =
        linesToConnect(specialist).stream().filter(l -> l.id().equals(state.line())).findFirst();
    if (line.isEmpty()) {
      Optional<Connection> taken = connections.findActiveByLine(state.line());
      String lead = taken.map(text::lineTaken).orElse(text.noLinesToConnect());
      return show(specialist, new ChoosingLine(channel, WizardPurpose.CONNECT, 0), lead);
    }
    ChannelDescription description = channels.describe(channel);
    Optional<BotToken> token = description.tokenFormat().parse(input);
    if (token.isEmpty()) {
      return new DialogReply(state, text.notAToken(), wizardMenu());
    }
    Optional<String> refusal = connectRefusal(specialist, channel);
    if (refusal.isPresent()) {
      return new DialogReply(new ChannelMenu(channel), refusal.get(), text.channelMenu());
    }
    // a token that tells its bot spares the messenger a call when the bot is taken already
    Optional<Connection> inUse =
        description.tokenFormat().botIdIn(token.get()).flatMap(bot -> botInUse(channel, bot));
    if (inUse.isPresent()) {
      return new DialogReply(state, text.botAlreadyConnected(inUse.get()), wizardMenu());
    }
    BotProfile bot;
    try {
      bot = messengers.get(channel).identify(token.get());
    } catch (InvalidBotToken rejected) {
      return new DialogReply(state, text.tokenRejected(), wizardMenu());
    } catch (ChannelUnavailable unavailable) {
      return new DialogReply(state, text.channelUnavailable(), wizardMenu());
    }
    inUse = botInUse(channel, bot.id());
    if (inUse.isPresent()) {
      return new DialogReply(state, text.botAlreadyConnected(inUse.get()), wizardMenu());
    }
    URI link =
        issuer.issue(specialist, new PendingAction.Connect(channel, line.get(), bot, token.get()));
    return new DialogReply(
        new LinkSent(channel, WizardPurpose.CONNECT),
        text.connectLink(line.get(), bot, link),
        wizardMenu());
  }

  private Optional<Connection> botInUse(ChannelKind channel, BotId bot) {
    return connections.findActiveByBot(channel, bot);
  }

  private DialogReply onLinkSent(Specialist specialist, LinkSent state, String input) {
    if (DialogInput.matches(input, DialogTexts.CANCEL)) {
      confirmations.withdrawUnused(specialist.id(), clock.instant());
      return show(specialist, new ChannelMenu(state.channel()), DialogTexts.linkWithdrawn());
    }
    if (DialogInput.matches(input, DialogTexts.BACK)) {
      return show(specialist, new ChannelMenu(state.channel()), null);
    }
    return new DialogReply(
        state, DialogTexts.notUnderstood() + " " + DialogTexts.linkStillValid(), wizardMenu());
  }

  /** The standard prompt and menu of a state, after an optional lead message. */
  private DialogReply show(Specialist specialist, DialogState state, String lead) {
    DialogReply shown = prompt(specialist, state);
    String text = lead == null ? shown.text() : lead + "\n\n" + shown.text();
    return new DialogReply(shown.next(), text, shown.menu());
  }

  private DialogReply prompt(Specialist specialist, DialogState state) {
    if (state instanceof ChannelChoice) {
      return new DialogReply(state, DialogTexts.chooseChannel(), DialogTexts.rootMenu(channels));
    }
    if (state instanceof ChannelMenu menu) {
      DialogTexts text = texts.get(menu.channel());
      return new DialogReply(state, text.channelMenuPrompt(), text.channelMenu());
    }
    if (state instanceof ChoosingLine choosing) {
      DialogTexts text = texts.get(choosing.channel());
      LinePages pages = pagesFor(specialist, choosing.channel(), choosing.purpose());
      if (pages.isEmpty()) {
        String none =
            choosing.purpose() == WizardPurpose.CONNECT
                ? text.noLinesToConnect()
                : text.noLinesToDisconnect();
        return new DialogReply(new ChannelMenu(choosing.channel()), none, text.channelMenu());
      }
      int page = pages.clamp(choosing.page());
      List<List<MenuButton>> rows = new ArrayList<>(pages.buttonRows(page));
      rows.addAll(wizardMenu().rows());
      return new DialogReply(
          new ChoosingLine(choosing.channel(), choosing.purpose(), page),
          text.chooseLine(choosing.purpose(), page, pages.pageCount()),
          new Menu(rows));
    }
    if (state instanceof AwaitingToken awaiting) {
      Optional<Line> line =
          linesToConnect(specialist).stream()
              .filter(l -> l.id().equals(awaiting.line()))
              .findFirst();
      if (line.isEmpty()) {
        return prompt(
            specialist,
            new ChoosingLine(awaiting.channel(), WizardPurpose.CONNECT, awaiting.page()));
      }
      return new DialogReply(
          state, texts.get(awaiting.channel()).askToken(line.get()), wizardMenu());
    }
    return new DialogReply(state, DialogTexts.linkStillValid(), wizardMenu());
  }

  private LinePages pagesFor(Specialist specialist, ChannelKind channel, WizardPurpose purpose) {
    return new LinePages(
        purpose == WizardPurpose.CONNECT
            ? linesToConnect(specialist)
            : activeOf(specialist, channel).stream().map(Connection::line).toList());
  }

  /**
   * F2: the company's lines open to clients and specialists that have no bot yet, of any messenger:
   * a line has one bot at most.
   */
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

  /** The company's connections of the messenger that hold a slot. */
  private List<Connection> activeOf(Specialist specialist, ChannelKind channel) {
    return connections.activeOf(specialist.company(), channel);
  }

  private static Menu wizardMenu() {
    return DialogTexts.wizardMenu();
  }

  private static boolean isNavigation(String input) {
    return DialogInput.matches(input, DialogTexts.BACK)
        || DialogInput.matches(input, DialogTexts.CANCEL);
  }
}
