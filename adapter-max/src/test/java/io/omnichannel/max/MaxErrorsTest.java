package io.omnichannel.max;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.Response;
import io.omnichannel.core.domain.failure.ChannelFailure;
import io.omnichannel.core.domain.failure.ChannelUnavailable;
import io.omnichannel.core.domain.failure.InvalidBotToken;
import io.omnichannel.core.domain.failure.RateLimited;
import io.omnichannel.core.port.out.SendOutcome;
import io.omnichannel.messenger.support.FeignClients;
import io.omnichannel.messenger.support.Undeliverable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** MAX's {@code {code, message}} refusals (bodies from max-bot-api.md §6) → the core's failures. */
class MaxErrorsTest {

  private static ChannelFailure decode(int status, String body) {
    return MaxErrors.decode(
        "messages", status, Optional.empty(), body.getBytes(StandardCharsets.UTF_8), Fixtures.JSON);
  }

  @Test
  void anInvalidTokenIsInvalidBotToken() {
    assertThat(decode(401, "{\"code\":\"verify.token\",\"message\":\"Invalid access_token\"}"))
        .isInstanceOf(InvalidBotToken.class);
    assertThat(decode(403, "{\"code\":\"verify.token\",\"message\":\"Invalid access_token\"}"))
        .as("the old prose example with 403")
        .isInstanceOf(InvalidBotToken.class);
  }

  @Test
  void aSuspendedDialogIsTheUserBlockingTheBot() {
    ChannelFailure failure =
        decode(
            403,
            "{\"code\":\"chat.denied\",\"message\":\"Key: error.dialog.suspended, args: [42,].\"}");

    assertThat(failure).isInstanceOf(Undeliverable.class);
    assertThat(((Undeliverable) failure).outcome()).isEqualTo(new SendOutcome.RecipientBlocked());
    assertThat(failure.retryable()).isFalse();
  }

  @Test
  void anUnknownChatIsChatNotFoundButAnUnknownMethodIsARefusal() {
    ChannelFailure chat =
        decode(404, "{\"code\":\"chat.not.found\",\"message\":\"Chat 42 not found\"}");
    assertThat(chat).isInstanceOf(Undeliverable.class);
    assertThat(((Undeliverable) chat).outcome()).isEqualTo(new SendOutcome.ChatNotFound());
    ChannelFailure method =
        decode(
            404,
            "{\"code\":\"method.not.found\",\"message\":\"Path /x is not recognized. Please check"
                + " docs at https://dev.max.ru/docs\"}");
    assertThat(method).isInstanceOf(MaxErrors.Refused.class);
    assertThat(((MaxErrors.Refused) method).code()).isEqualTo("method.not.found");
  }

  @Test
  void attachmentNotReadyIsItsOwnRetryableFailure() {
    ChannelFailure failure =
        decode(
            400,
            "{\"code\":\"attachment.not.ready\",\"message\":\"Key:"
                + " errors.process.attachment.file.not.processed\"}");

    assertThat(failure).isInstanceOf(MaxErrors.AttachmentNotReady.class);
    assertThat(failure.retryable()).isTrue();
  }

  @Test
  void tooManyRequestsHonoursRetryAfterOrWaitsASecond() {
    ChannelFailure said =
        MaxErrors.decode("messages", 429, Optional.of("7"), new byte[0], Fixtures.JSON);
    ChannelFailure unsaid = decode(429, "{\"code\":\"too.many.requests\",\"message\":\"slow\"}");

    assertThat(said).isInstanceOf(RateLimited.class);
    assertThat(((RateLimited) said).retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(((RateLimited) unsaid).retryAfter()).isEqualTo(MaxErrors.DEFAULT_RETRY);
  }

  @Test
  void serverErrorsAndNonJsonAnswersAreUnavailable() {
    assertThat(decode(503, "<html>busy</html>")).isInstanceOf(ChannelUnavailable.class);
    assertThat(decode(500, "")).isInstanceOf(ChannelUnavailable.class);
    assertThat(decode(502, "{\"error\":\"bad gateway\"}").getMessage()).contains("bad gateway");
  }

  @Test
  void aRefusalNeverCarriesAnAccessToken() {
    ChannelFailure failure =
        decode(
            403,
            "{\"code\":\"deprecated.token\",\"message\":\"Query parameter access_token=SECRET123"
                + " is deprecated, use Authorization header\"}");

    assertThat(failure).isInstanceOf(MaxErrors.Refused.class);
    assertThat(failure.getMessage()).doesNotContain("SECRET123");
  }

  @Test
  void theFeignErrorDecoderReadsStatusBodyAndRetryAfter() {
    Request request =
        Request.create(
            Request.HttpMethod.POST,
            "https://platform-api2.max.ru/messages",
            Map.of(),
            null,
            StandardCharsets.UTF_8,
            null);
    Map<String, Collection<String>> headers = Map.of("Retry-After", List.of("3"));
    Response response =
        Response.builder()
            .status(429)
            .request(request)
            .headers(headers)
            .body("{\"code\":\"too.many.requests\"}", StandardCharsets.UTF_8)
            .build();

    Exception decoded =
        FeignClients.errorDecoder(MaxApis.refusals(Fixtures.JSON))
            .decode("MaxApi#send(Map,NewMessage)", response);

    assertThat(decoded).isInstanceOf(RateLimited.class);
    assertThat(((RateLimited) decoded).retryAfter()).isEqualTo(Duration.ofSeconds(3));
  }
}
