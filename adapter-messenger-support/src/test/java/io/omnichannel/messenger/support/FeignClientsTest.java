package io.omnichannel.messenger.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Request;
import feign.Response;
import io.omnichannel.core.domain.failure.ChannelFailure;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FeignClientsTest {

  @Test
  void aRefusalIsReadByMethodNameStatusRetryAfterAndBody() {
    Request request =
        Request.create(
            Request.HttpMethod.POST, "http://x/messages", Map.of(), null, StandardCharsets.UTF_8);
    Response response =
        Response.builder()
            .status(429)
            .request(request)
            .headers(Map.of("Retry-After", List.of("3")))
            .body("{\"code\":\"too.many.requests\"}", StandardCharsets.UTF_8)
            .build();

    Exception decoded =
        FeignClients.errorDecoder(
                (method, status, retryAfter, body) ->
                    new ChannelUnavailable(
                        method
                            + " "
                            + status
                            + " "
                            + retryAfter.orElse("-")
                            + " "
                            + new String(body, StandardCharsets.UTF_8)))
            .decode("MaxApi#send(Map,NewMessage)", response);

    assertThat(decoded).hasMessage("send 429 3 {\"code\":\"too.many.requests\"}");
    assertThat(FeignClients.methodName("BotApi#getMe()")).isEqualTo("getMe");
    assertThat(FeignClients.methodName("odd")).isEqualTo("odd");
  }

  @Test
  void oneClientPerTokenAndWhatFeignThrowsLeavesOnlyAsTheAdaptersFailure() {
    AtomicInteger built = new AtomicInteger();
    FeignClients<String> clients =
        new FeignClients<>(
            token -> {
              built.incrementAndGet();
              return "client of " + token;
            },
            (method, token, cause) ->
                new ChannelUnavailable(method + ": " + cause.getMessage().replace(token, "***")));

    assertThat(clients.<String>call("t-1", "getMe", client -> client)).isEqualTo("client of t-1");
    assertThat(clients.<String>call("t-1", "getMe", client -> client)).isEqualTo("client of t-1");
    assertThat(built).hasValue(1);
    assertThatThrownBy(
            () ->
                callThrowing(
                    clients, new IllegalStateException("GET http://x/bott-1/getMe failed")))
        .isInstanceOf(ChannelUnavailable.class)
        .hasMessage("getMe: GET http://x/bot***/getMe failed");
    ChannelFailure revoked = new InvalidBotToken("401");
    assertThatThrownBy(() -> callThrowing(clients, revoked)).isSameAs(revoked);

    clients.forget("t-1");
    clients.call("t-1", "getMe", client -> client);
    assertThat(built).hasValue(2);
  }

  @Test
  void aClientBeingBuiltHoldsNoCallOfAnotherToken() throws Exception {
    CountDownLatch building = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FeignClients<String> clients =
        new FeignClients<>(
            token -> {
              if (token.equals("Aa")) {
                building.countDown();
                await(release);
              }
              return "client of " + token;
            },
            (method, token, cause) -> new ChannelUnavailable(method));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<String> slow = threads.submit(() -> clients.call("Aa", "getMe", client -> client));
      assertThat(building.await(10, TimeUnit.SECONDS)).isTrue();
      // "BB" has the hash of "Aa": one bin of the map, which computeIfAbsent would hold
      Future<String> other = threads.submit(() -> clients.call("BB", "getMe", client -> client));

      assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("client of BB");
      assertThat(slow).isNotDone();
      release.countDown();
      assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("client of Aa");
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void callThrowing(FeignClients<String> clients, RuntimeException thrown) {
    clients.call(
        "t-1",
        "getMe",
        client -> {
          throw thrown;
        });
  }
}
