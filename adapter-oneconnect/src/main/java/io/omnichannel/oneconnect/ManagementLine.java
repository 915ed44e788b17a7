package io.omnichannel.oneconnect;

import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.Keyboard;
import io.omnichannel.core.domain.MenuButton;
import io.omnichannel.core.domain.PlatformUserId;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel-management line, spoken to with the service account: its hook ({@code type: "line"})
 * and the dialog's replies, a digital menu as the keyboard's rows, {@link Keyboard.Remove} as
 * {@code drop/keyboard}.
 */
final class ManagementLine {
  private static final Logger LOG = LoggerFactory.getLogger(ManagementLine.class);

  private final PushApi push;
  private final String serviceAuth;
  private final String line;
  private final String hooksBase;
  private final HookPathSecrets secrets;
  private volatile URI hookUrl;

  /** {@code hooksBase}: {@code <publicBase>/hooks/oneconnect/}. */
  ManagementLine(
      PushApi push, String serviceAuth, String line, String hooksBase, HookPathSecrets secrets) {
    this.push = push;
    this.serviceAuth = serviceAuth;
    this.line = line;
    this.hooksBase = hooksBase;
    this.secrets = secrets;
    this.hookUrl = URI.create(hooksBase + HookEndpoint.MANAGEMENT);
  }

  void reply(PlatformUserId specialist, String text, Keyboard keyboard) {
    List<List<Wire.Button>> rows =
        keyboard instanceof Keyboard.ShowMenu menu ? buttons(menu) : null;
    RestClients.run(
        "replyOnManagementLine",
        () ->
            push.sendMessage(
                serviceAuth, new Wire.SendMessage(line, specialist.value(), null, text, rows)));
    if (keyboard instanceof Keyboard.Remove) {
      RestClients.run(
          "replyOnManagementLine",
          () -> push.dropKeyboard(serviceAuth, new Wire.Chat(line, specialist.value())));
    }
  }

  void registerHook(HookCredentials credentials) {
    URI url = URI.create(hooksBase + secrets.segment(HookEndpoint.MANAGEMENT, credentials));
    Wire.HookRequest hook =
        new Wire.HookRequest(
            "line",
            url.toString(),
            line,
            new Wire.BackAuth("basic", credentials.login(), credentials.password().reveal()));
    RestClients.run("registerManagementHook", () -> push.setHook(serviceAuth, hook));
    hookUrl = url;
    LOG.info("management line {}: hook set (with its path secret)", line);
  }

  URI hookUrl() {
    return hookUrl;
  }

  private static List<List<Wire.Button>> buttons(Keyboard.ShowMenu menu) {
    return menu.menu().rows().stream()
        .map(
            row ->
                row.stream()
                    .map(MenuButton::text)
                    .map(text -> new Wire.Button(null, text))
                    .toList())
        .toList();
  }
}
