package io.omnichannel.testkit.max;

/**
 * An error answer: HTTP status plus the body {@code {"code","message"}} (MAX's error shape; no
 * envelope). Codes and messages seen on the real service are used where the evidence names them
 * (max-bot-api.md §6); the others are our choice and marked so.
 */
final class MaxError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String code;

  MaxError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static MaxError invalidToken() {
    return new MaxError(401, "verify.token", "Invalid access_token");
  }

  static MaxError deprecatedToken() {
    return new MaxError(
        403,
        "deprecated.token",
        "Query parameter access_token is deprecated, use Authorization header");
  }

  static MaxError methodNotFound(String path) {
    return new MaxError(
        404,
        "method.not.found",
        "Path " + path + " is not recognized. Please check docs at https://dev.max.ru/docs");
  }

  /** Our choice of code ({@code proto.payload} is the TamTam-era code for a bad request). */
  static MaxError badRequest(String message) {
    return new MaxError(400, "proto.payload", message);
  }

  static MaxError notReady() {
    return new MaxError(
        400, "attachment.not.ready", "Key: errors.process.attachment.file.not.processed");
  }

  static MaxError chatNotFound(long chatId) {
    return new MaxError(404, "chat.not.found", "Chat " + chatId + " not found");
  }

  /** Code {@code not.found}: our choice (the real code for an unknown message is unconfirmed). */
  static MaxError notFound(String message) {
    return new MaxError(404, "not.found", message);
  }

  /** The observed answer to a send into a dialog whose user stopped the bot (§5, [3P]). */
  static MaxError dialogSuspended(long chatId) {
    return new MaxError(
        403, "chat.denied", "Key: error.dialog.suspended, args: [" + chatId + ",].");
  }

  /** Code {@code access.denied}: our choice for a missing right (unconfirmed). */
  static MaxError denied(String message) {
    return new MaxError(403, "access.denied", message);
  }

  /** The 429 body is unconfirmed (§6): we answer {@code too.many.requests}, no Retry-After. */
  static MaxError tooManyRequests() {
    return new MaxError(429, "too.many.requests", "Too many requests");
  }

  /** What GET /updates answers while a subscription is active: the schema's 405 (unconfirmed). */
  static MaxError pollingDisabled() {
    return new MaxError(
        405,
        "method.not.allowed",
        "Long polling is not available while a webhook subscription is active");
  }

  static MaxError of(int status, String code, String message) {
    return new MaxError(status, code, message);
  }
}
