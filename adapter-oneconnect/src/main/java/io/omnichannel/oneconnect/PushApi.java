package io.omnichannel.oneconnect;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.List;

/**
 * The push REST API v1 as the gateway uses it. Every path ends with a slash, the form the service
 * answers without a redirect on every resource; {@code auth} is the Basic header of the API account
 * acting.
 */
interface PushApi {
  @RequestLine("GET /v1/line/")
  @Headers("Authorization: {auth}")
  List<Wire.LineInfo> lines(@Param("auth") String auth);

  @RequestLine("POST /v1/hook/")
  @Headers({"Authorization: {auth}", "Content-Type: application/json"})
  void setHook(@Param("auth") String auth, Wire.HookRequest hook);

  @RequestLine("DELETE /v1/hook/bot/{lineId}/")
  @Headers("Authorization: {auth}")
  void deleteBotHook(@Param("auth") String auth, @Param("lineId") String lineId);

  @RequestLine("DELETE /v1/hook/line/{lineId}/")
  @Headers("Authorization: {auth}")
  void deleteLineHook(@Param("auth") String auth, @Param("lineId") String lineId);

  @RequestLine("POST /v1/line/send/message/")
  @Headers({"Authorization: {auth}", "Content-Type: application/json"})
  void sendMessage(@Param("auth") String auth, Wire.SendMessage message);

  @RequestLine("POST /v1/line/drop/keyboard/")
  @Headers({"Authorization: {auth}", "Content-Type: application/json"})
  void dropKeyboard(@Param("auth") String auth, Wire.Chat chat);
}
