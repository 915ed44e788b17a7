package io.omnichannel.sandbox;

/**
 * A step of the sandbox story did not reach its expected outcome; the message names the step and
 * the expectation.
 */
final class StepFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int step;
  private final String title;

  StepFailed(int step, int total, String title, String expected, Throwable cause) {
    super(
        "step "
            + step
            + "/"
            + total
            + " «"
            + title
            + "»: expected "
            + expected
            + " — "
            + describe(cause),
        cause);
    this.step = step;
    this.title = title;
  }

  public int step() {
    return step;
  }

  public String title() {
    return title;
  }

  static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }
}
