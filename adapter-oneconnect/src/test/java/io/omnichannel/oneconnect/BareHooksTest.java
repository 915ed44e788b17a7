package io.omnichannel.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.ApiAccount;
import io.omnichannel.core.domain.LineAccess;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.testkit.oneconnect.HookRegistration;
import io.omnichannel.testkit.oneconnect.RecordedRequest;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hooks registered before hook URLs carried a path secret are set again with one at start, against
 * the emulator; hooks already secret, absent or unreadable are left alone.
 */
class BareHooksTest extends SharedEmulator {

  @Test
  void aBareHookBecomesASecretUrlWithTheSameBackAuth() {
    LineAccess connection = world.connection();
    String bare = TestWorld.PUBLIC_BASE + "/hooks/oneconnect/" + connection.connection().value();
    setBareHook(connection, bare);
    assertThat(botHook().map(HookRegistration::url)).contains(bare);

    int secured = world.adapter().secureBareHooks(List.of(connection));

    assertThat(secured).isEqualTo(1);
    HookRegistration hook = botHook().orElseThrow();
    assertThat(hook.url()).startsWith(bare + HookPathSecrets.SEPARATOR);
    String secret = hook.url().substring(bare.length() + 1);
    assertThat(
            new HookPathSecrets(Secret.of(TestWorld.SERVICE_PASSWORD))
                .open(connection.connection().value(), secret))
        .as("the path secret carries the connection's own hook credentials")
        .contains(
            new BasicAuth.Presented(
                connection.hookCredentials().login(),
                connection.hookCredentials().password().reveal()));
    assertThat(hook.backAuth().login()).isEqualTo(connection.hookCredentials().login());
  }

  @Test
  void aSecretHookIsOnlyReadAndAnAbsentOneIsNotCreated() {
    LineAccess secret = world.connection();
    world.platform().subscribe(secret);
    String url = botHook().orElseThrow().url();
    emulator.inspection().clear();

    assertThat(world.adapter().secureBareHooks(List.of(secret))).isZero();

    assertThat(botHook().map(HookRegistration::url)).contains(url);
    assertThat(emulator.inspection().requests())
        .extracting(RecordedRequest::method, RecordedRequest::path)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/v1/line/"));

    world.platform().unsubscribe(secret);
    assertThat(world.adapter().secureBareHooks(List.of(secret))).isZero();
    assertThat(botHook()).isEmpty();
  }

  @Test
  void aConnectionThatCannotBeCheckedDoesNotStopTheOthers() {
    LineAccess broken = world.connection(new ApiAccount(world.login, Secret.of("Wr0ng-pass")));
    LineAccess connection = world.connection();
    setBareHook(
        connection, TestWorld.PUBLIC_BASE + "/hooks/oneconnect/" + connection.connection().value());

    assertThat(world.adapter().secureBareHooks(List.of(broken, connection))).isEqualTo(1);
    assertThat(botHook().orElseThrow().url())
        .contains(connection.connection().value() + HookPathSecrets.SEPARATOR);
  }

  /** As the gateway registered hooks before path secrets came. */
  private void setBareHook(LineAccess connection, String url) {
    new RestClients(HttpClient.newHttpClient(), world.config())
        .push.setHook(
            BasicAuth.header(connection.apiAccount()),
            new Wire.HookRequest(
                "bot",
                url,
                connection.line().value(),
                new Wire.BackAuth(
                    "basic",
                    connection.hookCredentials().login(),
                    connection.hookCredentials().password().reveal())));
  }

  private Optional<HookRegistration> botHook() {
    return emulator.world().hooks().stream()
        .filter(h -> h.type() == HookRegistration.Type.BOT && world.support.id().equals(h.lineId()))
        .findFirst();
  }
}
