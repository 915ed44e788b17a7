package io.omnichannel.launcher.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's start-up configuration when no {@code logback.xml} (or {@code
 * -Dlogback.configurationFile}) configures it: {@link Logs} with {@code OMNICHANNEL_LOG_FORMAT} and
 * {@code OMNICHANNEL_LOG_LEVEL} from the environment. Ranked after Logback's file lookup, so a
 * host's or an operator's own file wins, and before Logback's DEBUG fallback, which would flood the
 * console. Found through {@code META-INF/services}.
 */
@ConfiguratorRank(ConfiguratorRank.NOMINAL - 5)
public final class LogsFromEnvironment extends ContextAwareBase implements Configurator {
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    Logs.configure(context, Logs.formatIn(System.getenv()), Logs.levelIn(System.getenv()));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
