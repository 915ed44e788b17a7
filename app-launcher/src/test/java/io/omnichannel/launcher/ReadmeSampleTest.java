package io.omnichannel.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.omnichannel.launcher.config.Setting;
import io.omnichannel.testkit.oneconnect.Company;
import io.omnichannel.testkit.oneconnect.Line;
import io.omnichannel.testkit.oneconnect.OneConnectEmulator;
import io.omnichannel.testkit.telegram.TelegramEmulator;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README tells the truth: its embedding sample compiles and runs, its settings table is
 * complete.
 */
class ReadmeSampleTest {
  private static final Path README = Path.of("..", "README.md");

  private static String readme() throws Exception {
    return Files.readString(README, StandardCharsets.UTF_8);
  }

  @Test
  void everySettingIsDocumented() throws Exception {
    String readme = readme();
    for (Setting setting : Setting.values()) {
      assertThat(readme)
          .as("README documents %s", setting.variable())
          .contains("`" + setting.variable() + "`");
    }
  }

  @Test
  void everyLinkOfTheReadmeAndTheDocsPointsAtAFileInTheRepository() throws Exception {
    Path root = README.toAbsolutePath().normalize().getParent();
    List<Path> pages = new ArrayList<>(List.of(README));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(page -> page.toString().endsWith(".md")).forEach(pages::add);
    }
    Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    int links = 0;
    for (Path page : pages) {
      String text = Files.readString(page, StandardCharsets.UTF_8);
      assertThat(text)
          .as(page + " names no folder beside the repository")
          .doesNotContain("../shared");
      Matcher found = link.matcher(text);
      while (found.find()) {
        String target = found.group(1).replaceAll("#.*", "");
        if (target.startsWith("https://") || target.isEmpty()) {
          continue;
        }
        Path resolved = page.toAbsolutePath().normalize().getParent().resolve(target).normalize();
        assertThat(resolved).as("%s links %s", page, target).startsWith(root).exists();
        links++;
      }
    }
    assertThat(links).as("the README links the docs").isGreaterThanOrEqualTo(4);
  }

  @Test
  void theAdminJsonEndpointsAreListed() throws Exception {
    assertThat(readme())
        .contains("`GET /admin/connections`")
        .contains("`GET /admin/connections/{id}/accounts`")
        .contains("`GET /admin/dead-letters`")
        .contains("`GET /admin/audit?company={id}`");
  }

  @Test
  void theEmbeddingSampleCompilesAndRuns(@TempDir Path work) throws Exception {
    Matcher sample = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme());
    assertThat(sample.find()).as("a java block in the README").isTrue();
    String source =
        """
        import io.omnichannel.core.domain.LineId;
        import io.omnichannel.core.domain.Secret;
        import io.omnichannel.launcher.Omnichannel;
        import io.omnichannel.oneconnect.OneConnectConfig;
        import io.omnichannel.persistence.PersistenceConfig;
        import io.omnichannel.telegram.TelegramConfig;
        import java.net.URI;
        import java.nio.file.Path;

        public class ReadmeSample {
          public static void run(Path dataFolder, String password, String managementLine, URI telegramApi,
              URI oneConnectRest, URI oneConnectSoap, io.javalin.Javalin hostJavalin) {
        %s
          }
        }
        """
            .formatted(sample.group(1));
    Files.writeString(work.resolve("ReadmeSample.java"), source);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled =
        compiler
            .getTask(
                diagnostics,
                null,
                null,
                List.of("-classpath", System.getProperty("java.class.path"), "-d", work.toString()),
                null,
                compiler
                    .getStandardFileManager(null, null, StandardCharsets.UTF_8)
                    .getJavaFileObjects(work.resolve("ReadmeSample.java").toFile()))
            .call();
    assertThat(compiled).as("the README sample compiles: %s", diagnostics).isTrue();

    try (TelegramEmulator telegram = TelegramEmulator.start();
        OneConnectEmulator oneConnect = OneConnectEmulator.start();
        URLClassLoader loader =
            new URLClassLoader(new URL[] {work.toUri().toURL()}, getClass().getClassLoader())) {
      Company vendor = oneConnect.world().addCompany("1С-Коннект", true);
      Line management =
          oneConnect.world().addManagementLine(vendor.id(), "1С-Коннект: Управление каналами");
      oneConnect
          .world()
          .addApiAccount("gateway", "gw-pass", vendor.id(), Map.of(management.id(), true));
      Javalin host = Javalin.create().start("127.0.0.1", 0);
      try {
        Method run =
            loader
                .loadClass("ReadmeSample")
                .getMethod(
                    "run",
                    Path.class,
                    String.class,
                    String.class,
                    URI.class,
                    URI.class,
                    URI.class,
                    Javalin.class);
        run.invoke(
            null,
            work.resolve("data"),
            "gw-pass",
            management.id(),
            URI.create(telegram.baseUrl()),
            URI.create(oneConnect.baseUrl()),
            URI.create(oneConnect.soapUrl()),
            host);

        assertThat(
                oneConnect
                    .inspection()
                    .awaitRequest(r -> r.path().startsWith("/v1/hook"), Duration.ofSeconds(10))
                    .body())
            .contains("https://support.example.com/hooks/oneconnect/management");
        HttpResponse<String> live =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + host.port() + "/health/live"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode())
            .as("the sample mounted the endpoints into the host")
            .isEqualTo(200);
      } finally {
        host.stop();
      }
    }
  }
}
