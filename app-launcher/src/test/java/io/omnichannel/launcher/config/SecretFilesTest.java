package io.omnichannel.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every secret can come from a file named by its {@code _FILE} variable. */
class SecretFilesTest {
  @TempDir Path dir;

  private final Map<String, String> env =
      new HashMap<>(
          Map.of(
              "OMNICHANNEL_ONECONNECT_LOGIN", "gateway",
              "OMNICHANNEL_MANAGEMENT_LINE_ID", "mgmt-line"));

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private LauncherConfig load() {
    return ConfigLoader.fromEnvironment(env, Optional.empty());
  }

  private ConfigProblems problems() {
    return catchThrowableOfType(ConfigProblems.class, this::load);
  }

  @Test
  void everySecretIsReadFromItsFileWithoutTheTrailingNewline() throws Exception {
    env.put("OMNICHANNEL_ONECONNECT_PASSWORD_FILE", file("oc", "p4ss w0rd \n").toString());
    env.put("OMNICHANNEL_ADMIN_TOKEN_FILE", file("admin", "admin-token-0123456789\r\n").toString());
    env.put(
        "OMNICHANNEL_MANAGEMENT_HOOK_PASSWORD_FILE",
        file("hook", "hook-password-0123456789").toString());
    env.put("OMNICHANNEL_DB_URL", "jdbc:mysql://db/omnichannel");
    env.put("OMNICHANNEL_DB_PASSWORD_FILE", file("db", "db-secret\n\n").toString());
    String key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    env.put("OMNICHANNEL_MASTER_KEY_FILE", file("key", key + "\n").toString());

    LauncherConfig config = load();

    assertThat(config.oneConnectPassword().reveal())
        .as("only the one trailing newline goes; inner and other spaces stay")
        .isEqualTo("p4ss w0rd ");
    assertThat(config.adminToken().orElseThrow().reveal()).isEqualTo("admin-token-0123456789");
    assertThat(config.managementHookPassword().orElseThrow().reveal())
        .isEqualTo("hook-password-0123456789");
    assertThat(config.storage().database().orElseThrow().password().orElseThrow().reveal())
        .isEqualTo("db-secret\n");
    assertThat(config.storage().masterKey().orElseThrow().reveal()).isEqualTo(key);
  }

  @Test
  void everySecretSettingHasAFileVariantAndNoOtherSettingHasOne() {
    for (Setting setting : Setting.values()) {
      if (setting.secret()) {
        assertThat(setting.fileVariable()).isEqualTo(setting.variable() + "_FILE");
      } else {
        assertThat(catchThrowableOfType(IllegalStateException.class, setting::fileVariable))
            .as(setting.variable())
            .isNotNull();
      }
    }
  }

  @Test
  void aSecretAndItsFileTogetherAreRefused() throws Exception {
    env.put("OMNICHANNEL_ONECONNECT_PASSWORD", "in-the-environment");
    env.put("OMNICHANNEL_ONECONNECT_PASSWORD_FILE", file("oc", "in-the-file").toString());

    assertThat(problems().problems())
        .containsExactly(
            "set either OMNICHANNEL_ONECONNECT_PASSWORD or OMNICHANNEL_ONECONNECT_PASSWORD_FILE,"
                + " not both: which one is meant cannot be told");
    assertThat(problems().getMessage())
        .doesNotContain("in-the-environment")
        .doesNotContain("in-the-file");
  }

  @Test
  void aMissingOversizeOrEmptyFileIsAProblemNamingTheFileNotItsContent() throws Exception {
    env.put("OMNICHANNEL_ONECONNECT_PASSWORD", "p4ss-w0rd");
    env.put("OMNICHANNEL_ADMIN_TOKEN_FILE", dir.resolve("absent").toString());
    Path huge = file("huge", "secret-".repeat(SecretFile.MAX_BYTES / 7 + 1));
    env.put("OMNICHANNEL_MASTER_KEY_FILE", huge.toString());
    env.put("OMNICHANNEL_MANAGEMENT_HOOK_PASSWORD_FILE", file("empty", "\n").toString());

    ConfigProblems problems = problems();

    assertThat(problems.problems())
        .containsExactlyInAnyOrder(
            "OMNICHANNEL_ADMIN_TOKEN_FILE: cannot read "
                + dir.resolve("absent")
                + " (NoSuchFileException)",
            "OMNICHANNEL_MASTER_KEY_FILE: " + huge + " is larger than 64 KiB: not a secret file",
            "OMNICHANNEL_MANAGEMENT_HOOK_PASSWORD_FILE: " + dir.resolve("empty") + " is empty");
    assertThat(problems.getMessage()).doesNotContain("secret-secret");
  }

  @Test
  void thePropertiesFileMayNameTheSecretFile() throws Exception {
    Path properties =
        file(
            "omnichannel.properties",
            "OMNICHANNEL_ONECONNECT_PASSWORD_FILE=" + file("oc", "from-file\n") + "\n");

    assertThat(
            ConfigLoader.fromEnvironment(env, Optional.of(properties))
                .oneConnectPassword()
                .reveal())
        .isEqualTo("from-file");
  }
}
