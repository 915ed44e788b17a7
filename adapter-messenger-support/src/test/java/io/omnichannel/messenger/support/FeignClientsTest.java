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

  private static void callThrowing(FeignClients<String> clients, RuntimeException thrown) {
    clients.call(
        "t-1",
        "getMe",
        client -> {
          throw thrown;
        });
  }
}
