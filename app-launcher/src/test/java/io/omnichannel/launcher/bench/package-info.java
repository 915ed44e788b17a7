/**
 * The launcher's load benchmark (issues 7 and 13): not a test, never run by {@code ./mvnw verify}.
 *
 * <h2>Run</h2>
 *
 * <pre>{@code
 * ./mvnw -B -ntp -pl app-launcher -am verify -DskipTests -Dbench.gateway                 # H2, then MariaDB
 * ./mvnw -B -ntp -pl app-launcher -am verify -DskipTests -Dbench.gateway -Dbench.mariadb.skip=true
 * ./mvnw -B -ntp -pl app-launcher -am verify -DskipTests -Dbench.gateway -Dbench.gateway.only=coldstart
 * ./mvnw -B -ntp -pl app-launcher -am verify -DskipTests -Dbench.gateway -Dbench.gateway.only=outbound
 * }</pre>
 *
 * {@code only=outbound} runs the set-up, the warm-ups and the outbound pair of steps alone (about a
 * minute a database; add {@code -Dbench.mariadb.skip=true} for H2 alone), and prints the statements
 * and commits per send, the most frequent statements and a RESULT line with {@code outbound_ratio};
 * {@code only=inbound} likewise the inbound saturation pair.
 *
 * <p>{@code only=coldstart} runs only the cold start of {@code serve} (the emulators, no load),
 * {@code -Dbench.coldstart.runs} times (3), printing each with the CPU time the process had used
 * when ready, by kind of thread (main, JIT compilers, GC and VM, the rest), when each start-up
 * phase ended (the database opened on its thread, with its connections and migrations apart; the
 * HTTP server serving) and a RESULT line with the median. {@code serve} is launched as the README
 * runs it: the shipped jar with its class archive, {@code java
 * -XX:SharedArchiveFile=target/omnichannel.jsa -jar target/omnichannel.jar serve} (both made by
 * {@code package}, the archive by {@link io.omnichannel.launcher.bench.StartArchive}; the report's
 * "launched as" line says when the archive is missing). {@code -Dbench.coldstart.archive=} (empty)
 * launches the jar without the archive, {@code -Dbench.coldstart.jar=} (empty) from the class path
 * instead; {@code -Dbench.coldstart.jvm="-Xlog:class+load:file=x"} passes options to the launched
 * JVM (space-separated), for profiling.
 *
 * <p>The property activates app-launcher's {@code bench} profile alone ({@code -Pbench} would also
 * run the benchmarks of adapter-telegram and adapter-persistence, which {@code -am} builds). Each
 * database runs {@link io.omnichannel.launcher.bench.GatewayBenchmark} in a JVM of its own; the
 * MariaDB run takes a scratch database from the testkit's {@code ScratchMariaDb} and drops it, and
 * says "skipped" when the server is unreachable. About 2.5 minutes per database on a quiet 2-core
 * machine; a watchdog halts a run that passes {@code bench.timeout} (420 s).
 *
 * <h2>What is measured</h2>
 *
 * Both emulators on loopback (Telegram's limits off), the gateway in webhook mode with one bot
 * connected the real way and its own Telegram pacing off: {@code TelegramConfig.withPacing} with
 * Telegram's windows scaled to a microsecond, so every send still claims and settles its slots in
 * the shared {@code sending_lanes} budget (the statements are the production ones), but no send
 * waits for one. With Telegram's pacing the outbound step measured only it: 20 chats at 1 msg/s
 * each (and 30/s per bot) held the gateway at 20 msg/s. An inbound message's echo (1C-Connect's
 * line event of the user's own text) is acknowledged unstored, as in production; the baseline is
 * {@link io.omnichannel.launcher.bench.NoOpRelay} on a second bot and line — a webhook in and one
 * receive call out, a hook in and one sendMessage out, nothing stored — in the same process and
 * run. After a warm-up (both paths, both directions; the gateway meets every known user), three
 * pairs of steps of {@code bench.step} (15 s) each, relay first:
 *
 * <ol>
 *   <li>inbound at a fixed rate ({@code bench.rate}, 100 msg/s): latency is arrival in the
 *       1C-Connect transcript minus the message's <em>scheduled</em> time, so a lagging injector or
 *       a queue cannot hide (no coordinated omission); "added p99" is gateway minus relay;
 *   <li>inbound saturating: messages are offered as fast as {@code bench.window} (300) in flight
 *       allow — above what either path carries, with a bounded backlog; throughput counts arrivals
 *       from 2 s into the step to its end;
 *   <li>outbound saturating: a specialist's texts in the line, arrival = the bot's message in the
 *       Telegram emulator (stamped by a watcher every 5 ms).
 * </ol>
 *
 * Every {@code bench.firstTimeEvery}-th inbound message (20th) comes from a Telegram user never
 * seen before, who the gateway must register in 1C-Connect (the relay posts it as a known user).
 * {@link io.omnichannel.launcher.bench.CountingDriver} counts, below the pool, the statements
 * (including {@code setAutoCommit}, {@code COMMIT}, {@code ROLLBACK}) and commits (explicit, and
 * writes in auto-commit) per delivered message, and prints the most frequent statements; the
 * 1C-Connect emulator's journal gives the calls per message. First of all, on H2, before the
 * gateway and the relay start, {@code serve} is launched as above on an empty data folder and timed
 * until {@code /health/ready} answers 200: on a quiet machine, as an operator's start is. (It used
 * to come after the steps, when this JVM's gateway was still draining the saturation step's backlog
 * on both cores: 4.2–4.5 s instead of 2.7–3.3.) Losses and doubles are counted per message id; any
 * in the gateway path makes the run exit non-zero. The last lines are the RESULT lines of issue 13:
 * {@code cold_start_ms} is that start; {@code statements_per_msg} and {@code commits_per_msg} are
 * the worse of the two inbound steps, {@code platform_calls_per_msg} is taken at the fixed rate
 * (first-time users included: their registration costs two SOAP calls each, {@code ClientUserAdd}
 * and {@code UserServiceLineAdd}, besides the message). Each inbound step also prints the calls per
 * message of returning and of first-time users apart, and the background calls (the ban reconcile's
 * reads) that fell into the step.
 *
 * <h2>Caveats</h2>
 *
 * Everything shares the machine: on a loaded one, the load average printed with each step says how
 * much the figures are worth. So does the JIT's compiling time each step prints (the warm-ups too):
 * on two cores the compiler works through every step, the relay's as much as the gateway's (13–18 s
 * of compiling in a 15 s saturating step, 35–37 s in a 60 s one), so the saturation figures are not
 * those of a settled JVM. The statements counted include the gateway's background work during the
 * step (monitoring, lease renewals).
 */
package io.omnichannel.launcher.bench;
