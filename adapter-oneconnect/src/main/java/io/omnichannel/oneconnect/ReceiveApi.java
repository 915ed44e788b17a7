package io.omnichannel.oneconnect;

import feign.Headers;
import feign.Param;
import feign.RequestLine;

/**
 * <b>Assumed</b> (oneconnect-api.md §4): posting into a line as a client user. Its own interface so
 * that it can be replaced when the real call is known; {@code external_id} makes a retry deliver
 * once.
 */
interface ReceiveApi {
  @RequestLine("POST /v1/line/receive/message/")
  @Headers({"Authorization: {auth}", "Content-Type: application/json"})
  Wire.MessageId receiveMessage(@Param("auth") String auth, Wire.ReceiveMessage message);
}
