package io.omnichannel.launcher.cli;

import io.omnichannel.core.domain.HookCredentials;
import io.omnichannel.core.domain.LineId;
import io.omnichannel.core.domain.RandomTokens;
import io.omnichannel.core.domain.Secret;
import io.omnichannel.launcher.Omnichannel;
import io.omnichannel.launcher.config.ConfigLoader;
import io.omnichannel.launcher.config.ConfigProblems;
import io.omnichannel.launcher.config.LauncherConfig;
import io.omnichannel.launcher.logging.LogFormat;
import io.omnichannel.launcher.logging.Logs;
import io.omnichannel.launcher.messengers.MaxMessenger;
import io.omnichannel.max.MaxConfig;
import io.omnichannel.oneconnect.OneConnectConfig;
import io.omnichannel.telegram.TelegramConfig;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code omnichannel serve}: runs the gateway until SIGTERM (or Ctrl-C), then stops it gracefully.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the gateway: HTTP endpoints, workers, polling or webhooks, monitoring.")
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @ParentCommand OmnichannelCommand parent;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    LauncherConfig config;
    parent.warnAboutUnknownKeys(); // first: a mistyped key may explain the problems below
    try {
      config =
          ConfigLoader.fromEnvironment(parent.environment, Optional.ofNullable(parent.configFile));
    } catch (ConfigProblems problems) {
      err.println(problems.getMessage());
      return 2;
    }
    WarmUp.inBackground(); // while the gateway is wired and its database opens
    // the properties file may name the log settings too: the logs follow them from here on
    Logs.apply(config.operations().logFormat(), config.operations().logLevel());
    Omnichannel gateway;
    try {
      gateway = gateway(config).start();
    } catch (RuntimeException failed) {
      if (config.operations().logFormat() == LogFormat.JSON) {
        // read by a log shipper: the failed start is one more JSON line, not text beside them
        String why = StartFailures.describe(failed, config.storage(), Optional.of(config));
        if (parent.verbose) {
          LOG.error("start failed: {}", why, failed);
        } else {
          LOG.error("start failed: {}", why);
        }
        return StartFailures.EXIT;
      }
      return StartFailures.report(
          failed, config.storage(), Optional.of(config), parent.verbose, err);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  gateway.stop();
                  stopped.countDown();
                },
                "omnichannel-shutdown"));
    stopped.await();
    return 0;
  }

  static Omnichannel gateway(LauncherConfig config) {
    String instance = config.instanceId().orElseGet(ServeCommand::defaultInstanceId);
    TelegramConfig.ReceiveMode mode =
        config.telegramMode() == LauncherConfig.TelegramMode.WEBHOOK
            ? TelegramConfig.ReceiveMode.WEBHOOK
            : TelegramConfig.ReceiveMode.POLLING;
    Omnichannel.Builder builder =
        Omnichannel.builder()
            .persistence(Storages.persistenceConfig(config.storage()))
            .publicBaseUrl(config.publicBaseUrl())
            .telegram(
                TelegramConfig.of(mode, config.publicBaseUrl(), instance)
                    .withApiBaseUrl(config.telegramApiUrl()))
            .oneConnect(oneConnectConfig(config))
            .httpServer(config.httpHost(), config.httpPort())
            .workers(config.workers());
    config
        .max()
        .ifPresent(max -> builder.messenger(MaxMessenger.setup(maxConfig(config, max, instance))));
    config.adminToken().ifPresent(builder::adminToken);
    config.operations().managementPort().ifPresent(builder::managementServer);
    config
        .managementHookPassword()
        .ifPresent(password -> builder.managementHook(new HookCredentials("management", password)));
    return builder.build();
  }

  static MaxConfig maxConfig(
      LauncherConfig config, LauncherConfig.MaxSettings max, String instance) {
    MaxConfig.ReceiveMode mode =
        max.mode() == LauncherConfig.TelegramMode.WEBHOOK
            ? MaxConfig.ReceiveMode.WEBHOOK
            : MaxConfig.ReceiveMode.POLLING;
    MaxConfig maxConfig =
        MaxConfig.of(mode, config.publicBaseUrl(), instance).withApiBaseUrl(max.apiUrl());
    if (max.trustStore().isPresent()) {
      maxConfig =
          maxConfig.withTrustStore(
              new MaxConfig.TrustStore(
                  max.trustStore().get(), max.trustStorePassword().map(Secret::reveal)));
    }
    return maxConfig;
  }

  static OneConnectConfig oneConnectConfig(LauncherConfig config) {
    return OneConnectConfig.of(
            config.oneConnectLogin(),
            config.oneConnectPassword(),
            new LineId(config.managementLineId()),
            config.publicBaseUrl())
        .withEndpoints(config.oneConnectRestUrl(), config.oneConnectSoapUrl())
        .withSoapVersion(
            config.oneConnectSoapVersion() == LauncherConfig.SoapVersion.SOAP_1_2
                ? OneConnectConfig.SoapVersion.SOAP_1_2
                : OneConnectConfig.SoapVersion.SOAP_1_1);
  }

  private static String defaultInstanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException unknown) {
      host = "instance";
    }
    return host + "-" + RandomTokens.secure().token(8);
  }
}
