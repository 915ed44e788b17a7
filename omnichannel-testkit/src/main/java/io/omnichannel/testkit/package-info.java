/**
 * Test equipment, never shipped in the service jar. {@code EmulatorsMain} starts the emulators
 * alone, to play with by hand; the emulators live in {@code telegram}, {@code oneconnect} and
 * {@code max} (their shared machinery in {@code support}), scratch databases for tests in {@code
 * mariadb}. No class of the gateway is used here.
 */
package io.omnichannel.testkit;
