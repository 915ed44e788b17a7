/**
 * Test equipment, never shipped in the service jar. {@code EmulatorsMain} starts both emulators
 * alone, to play with by hand; the emulators live in {@code telegram} and {@code oneconnect},
 * scratch databases for tests in {@code mariadb}. No class of the gateway is used here.
 */
package io.omnichannel.testkit;
