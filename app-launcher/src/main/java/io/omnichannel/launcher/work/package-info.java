/**
 * Worker threads for the durable queues: {@link io.omnichannel.launcher.work.WorkerPool} runs a
 * core queue worker on a few threads, woken when work is stored; {@code ForwardingQueue} is the
 * base of queue decorators. Plain Java, Guava, SLF4J and the core's ports only.
 */
package io.omnichannel.launcher.work;
