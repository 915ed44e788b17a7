/**
 * The machinery the emulators share, each passing in what is its messenger's own: the loopback
 * server and runtime, the standalone main, the control API's plumbing, failure injection, the held
 * long poll, webhook POSTs, counted logs, waits, generated file content and sliding windows.
 */
package io.omnichannel.testkit.support;
