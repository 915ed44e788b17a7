/** Small pieces the emulators share. */
package io.omnichannel.testkit.support;
