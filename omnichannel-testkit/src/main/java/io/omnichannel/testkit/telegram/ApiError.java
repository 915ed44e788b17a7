package io.omnichannel.testkit.telegram;

/** A Bot API failure answer: HTTP status = {@code error_code}, with the real service's wording. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int code;
  final Long retryAfter;
  final Long migrateToChatId;

  private ApiError(int code, String description, Long retryAfter, Long migrateToChatId) {
    super(description, null, false, false);
    this.code = code;
    this.retryAfter = retryAfter;
    this.migrateToChatId = migrateToChatId;
  }

  static ApiError of(int code, String description) {
    return new ApiError(code, description, null, null);
  }

  static ApiError badRequest(String detail) {
    return of(400, "Bad Request: " + detail);
  }

  static ApiError forbidden(String detail) {
    return of(403, "Forbidden: " + detail);
  }

  static ApiError unauthorized() {
    return of(401, "Unauthorized");
  }

  static ApiError notFound() {
    return of(404, "Not Found");
  }

  static ApiError tooLarge() {
    return of(413, "Request Entity Too Large");
  }

  static ApiError conflict(String detail) {
    return of(409, "Conflict: " + detail);
  }

  static ApiError tooManyRequests(long retryAfterSeconds) {
    return new ApiError(
        429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds, null);
  }

  static ApiError migrated(long toChatId) {
    return new ApiError(
        400, "Bad Request: group chat was upgraded to a supergroup chat", null, toChatId);
  }

  String description() {
    return getMessage();
  }
}
