package io.omnichannel.testkit.oneconnect;

/**
 * A refusal the REST surface answers with: {@code status} and either {@code {"error": text}} or,
 * when {@code error} is null, an empty body (as the real service does for 401 and some 403s).
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String error;

  private ApiError(int status, String error) {
    super(status + (error == null ? "" : " " + error), null, false, false);
    this.status = status;
    this.error = error;
  }

  static ApiError withText(int status, String error) {
    return new ApiError(status, error);
  }

  static ApiError empty(int status) {
    return new ApiError(status, null);
  }

  static ApiError badRequest(String error) {
    return new ApiError(400, error);
  }

  static ApiError unauthorized() {
    return new ApiError(401, null);
  }
}
