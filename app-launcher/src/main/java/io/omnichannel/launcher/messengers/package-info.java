/**
 * The messengers of one deployment: each switched on by its own settings ({@link
 * io.omnichannel.launcher.messengers.MessengerSetup}), run side by side, and reached by the core
 * through one router that picks a connection's messenger by its channel. A new messenger plugs in
 * here only: a setup that wraps its adapter's public entry, and its settings.
 */
package io.omnichannel.launcher.messengers;
