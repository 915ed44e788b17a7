package io.omnichannel.testkit.oneconnect;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request the emulator received on the REST or SOAP surface, exactly as sent: {@code path} is the
 * raw request URI (so a test can see that no redirect was needed), {@code headers} have lower-case
 * names and never contain {@code Authorization} (its login is in {@code authLogin}), {@code body}
 * is text capped at {@link OneConnectEmulatorConfig#maxRecordedBodyChars()}, multipart requests
 * list their {@code parts}.
 */
public record RecordedRequest(
    long seq,
    Instant at,
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    String authLogin,
    String contentType,
    String body,
    List<RecordedPart> parts,
    int status) {

  public RecordedRequest {
    headers = Map.copyOf(headers);
    parts = List.copyOf(parts);
  }

  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
