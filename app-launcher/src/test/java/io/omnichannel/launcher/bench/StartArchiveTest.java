package io.omnichannel.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartArchiveTest {
  @TempDir Path folder;

  @Test
  void aStaleArchiveIsGoneWhenThereIsNoJarToTrainOn() throws Exception {
    Path archive = Files.writeString(folder.resolve("omnichannel.jsa"), "of another jar");

    assertThat(StartArchive.make(folder.resolve("omnichannel.jar"), archive))
        .hasValueSatisfying(why -> assertThat(why).startsWith("no "));
    assertThat(archive).doesNotExist();
  }

  @Test
  void aTrainingStartThatFailsLeavesNoArchiveNorAnyPartOfOne() throws Exception {
    Path notAServiceJar = Files.writeString(folder.resolve("omnichannel.jar"), "not a jar");
    Path archive = folder.resolve("omnichannel.jsa");

    assertThat(StartArchive.make(notAServiceJar, archive))
        .hasValue("the training start was not ready");
    try (var left = Files.list(folder)) {
      assertThat(left).containsExactly(notAServiceJar);
    }
  }
}
