package io.omnichannel.sandbox;

import io.omnichannel.sandbox.scenario.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The run's data folder: the one given with {@code --data-dir}, which must hold nothing yet (the
 * story needs a fresh database, and the emulators start empty each time) and is kept; else a
 * temporary folder, removed when the run ends — by its end or, on Ctrl-C, by the shutdown hook.
 */
final class SandboxData {
  private final Path folder;
  private final boolean temporary;

  private SandboxData(Path folder, boolean temporary) {
    this.folder = folder;
    this.temporary = temporary;
  }

  /** Prepares the folder; an {@link IllegalArgumentException} says why a given one cannot serve. */
  static SandboxData prepare(Optional<Path> given) {
    try {
      if (given.isEmpty()) {
        return new SandboxData(Files.createTempDirectory("omnichannel-sandbox-"), true);
      }
      Path folder = given.get().toAbsolutePath().normalize();
      if (Files.exists(folder) && !isEmptyFolder(folder)) {
        throw new IllegalArgumentException(
            "--data-dir "
                + folder
                + " is not an empty folder: the sandbox needs a fresh database, give a new or empty"
                + " folder");
      }
      return new SandboxData(Files.createDirectories(folder), false);
    } catch (IOException failed) {
      throw new UncheckedIOException("cannot prepare the sandbox's data folder", failed);
    }
  }

  private static boolean isEmptyFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  Path folder() {
    return folder;
  }

  boolean temporary() {
    return temporary;
  }

  /** Removes a temporary folder; a folder given with {@code --data-dir} stays. */
  void release() {
    if (temporary) {
      Folders.deleteQuietly(folder);
    }
  }

  /** How the transcript names the folder and its fate. */
  String describe() {
    return folder + (temporary ? " (temporary, removed at exit)" : " (kept)");
  }
}
