package io.omnichannel.testkit.oneconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void listensOnLoopbackAndStopsOnClose() {
    OneConnectEmulator emulator = OneConnectEmulator.start();
    String base = emulator.baseUrl();
    assertThat(base).startsWith("http://127.0.0.1:");
    assertThat(emulator.restBaseUrl()).isEqualTo(base + "/v1/");
    assertThat(emulator.soapUrl()).isEqualTo(base + "/cus/ws/PartnerWebAPI2");
    assertThat(emulator.controlUrl()).isEqualTo(base + "/_emulator/oneconnect/");
    assertThat(Http.to(base).get("/v1/line/").statusCode()).isEqualTo(401);

    emulator.close();

    assertThatThrownBy(() -> Http.to(base).get("/v1/line/"))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void startsOnAGivenPort() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (OneConnectEmulator emulator =
        OneConnectEmulator.start(OneConnectEmulatorConfig.builder().port(port).build())) {
      assertThat(emulator.port()).isEqualTo(port);
      assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
    }
  }

  @Test
  void theStandaloneMainHonoursPort() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (OneConnectEmulator emulator =
        OneConnectEmulatorMain.startFromArgs("--port", Integer.toString(port))) {
      assertThat(emulator.port()).isEqualTo(port);
      assertThat(Http.to("http://127.0.0.1:" + port).get("/v1/line").statusCode()).isEqualTo(401);
    }
    assertThatThrownBy(() -> OneConnectEmulatorMain.startFromArgs("--verbose"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closeStopsTheHookDeliveryThreads() throws Exception {
    OneConnectEmulator emulator = OneConnectEmulator.start();
    World world = new World(emulator);
    try (HookServer hook = new HookServer(0)) {
      Http.to(emulator.baseUrl())
          .as(World.LOGIN, World.PASSWORD)
          .postJson("/v1/hook/", "{\"type\":\"line\",\"url\":\"" + hook.url() + "\"}");
      emulator.scenario().userWrites(world.support.id(), world.user.id(), "hi");
      hook.next(Duration.ofSeconds(10));
    }
    List<Thread> hookThreads =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("oneconnect-hook"))
            .toList();
    assertThat(hookThreads).isNotEmpty();

    emulator.close();

    for (Thread thread : hookThreads) {
      thread.join(5_000);
    }
    assertThat(hookThreads).noneMatch(Thread::isAlive);
  }

  @Test
  void anInvalidConfigNamesTheField() {
    assertThatThrownBy(() -> OneConnectEmulatorConfig.builder().hookMaxAttempts(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hookMaxAttempts");
    assertThatThrownBy(() -> OneConnectEmulatorConfig.builder().port(70000).build())
        .hasMessageContaining("port");
  }

  @Test
  void passwordsAndBackAuthSecretsStayOutOfToString() {
    assertThat(new ApiAccount("bot", "s3cret", "c", java.util.Map.of()).toString())
        .doesNotContain("s3cret");
    assertThat(BackAuth.basic("gw", "pw-x").toString()).doesNotContain("pw-x");
    assertThat(BackAuth.bearer("tok-y").toString()).doesNotContain("tok-y");
  }
}
