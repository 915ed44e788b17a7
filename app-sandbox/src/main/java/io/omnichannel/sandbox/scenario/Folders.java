package io.omnichannel.sandbox.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders of a run (embedded databases, spooled files). */
public final class Folders {
  private Folders() {}

  /** Deletes the folder and everything in it, as far as it can. */
  public static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temporary folder left behind is harmless: the OS cleans it up
    }
  }
}
