/**
 * The launcher's load benchmark (issue 7, "Benchmark"): not a test, never run by {@code ./mvnw
 * verify}.
 *
 * <h2>Run</h2>
 *
 * <pre>{@code
 * ./mvnw -B -ntp -pl app-launcher -am verify -DskipTests -Dbench.gateway                 # H2, then MariaDB
 * ./mvnw -B -ntp -pl app-launcher -am verify -DskipTests -Dbench.gateway -Dbench.probe=true -Dbench.mariadb.skip=true
 * }</pre>
 *
 * The property activates app-launcher's {@code bench} profile alone ({@code -Pbench} would also run
 * the benchmarks of adapter-telegram and adapter-persistence, which {@code -am} builds). Each
 * database runs {@link io.omnichannel.launcher.bench.GatewayBenchmark} in a JVM of its own; the
 * MariaDB run takes a scratch database from the testkit's {@code ScratchMariaDb} (127.0.0.1:3306,
 * root, no password, or what {@code OMNICHANNEL_TEST_MARIADB_URL|USER|PASSWORD} say, as for the
 * tests) and drops it, and says "skipped" when the server is unreachable. Defaults: 50 msg/s from
 * 20 users, 3 s warm-up and 15 s measured per path, 4 workers per queue; about 45 s per database on
 * two cores. A watchdog halts a run that passes {@code bench.timeout} (300 s).
 *
 * <h2>What is measured</h2>
 *
 * Both emulators on loopback (Telegram's rate limits off), the gateway in webhook mode with one bot
 * connected the real way (management line wizard, confirmation page). Private-chat text updates,
 * each with a unique id, are injected into the Telegram emulator at a fixed rate; the emulator
 * posts them to the webhook; latency of a message is the time of its entry in the 1C-Connect
 * emulator's transcript minus the instant just before its injection. The baseline is {@link
 * io.omnichannel.launcher.bench.NoOpRelay} — the same webhook in, one {@code POST
 * /v1/line/receive/message/} out, nothing stored — with a second bot and line, the same rate and
 * users, in the same process. Each path's measured time is split in two halves run relay, gateway,
 * gateway, relay. "Added latency" is gateway minus relay; throughput is delivered messages over
 * first injection to last delivery (equal to the offered rate while a path keeps up; {@code
 * bench.probe} doubles the rate, 5 s a step, to find where the gateway falls behind). Losses and
 * doubles are counted on the transcript; any in the gateway path makes the run exit non-zero and
 * the build fail.
 *
 * <h2>Caveats</h2>
 *
 * RSS ({@code /proc/self/status}) is the whole benchmark process: both emulators, the relay and the
 * gateway, mostly JVM heap sizing; the growth during the gateway's halves is the closer figure. Per
 * message the gateway does more than the relay by design: it stores the update before answering the
 * webhook, and its worker reads the user's recorded ban state (learnt from subscription events, no
 * SOAP call) before the receive call; the first message of each user also creates the client user
 * (done during the warm-up). Logging is at WARN. On a shared two-core machine the tails (p99, max)
 * move with the other load; the report prints the load average.
 */
package io.omnichannel.launcher.bench;
