package io.omnichannel.persistence;

/** Fits free text (error reasons, audit details) into its column. */
final class Text {
  private Text() {}

  static String clip(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int end = maxChars - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split an emoji in half
    }
    return text.substring(0, end) + "…";
  }
}
