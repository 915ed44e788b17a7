/**
 * A miniature of the system that breaks every rule of {@code ArchitectureRules} on purpose, one
 * class per breach, so the architecture tests can prove each rule fails. {@code
 * io.omnichannel.archfixture.X} stands for {@code io.omnichannel.X}; the rules name both. Test
 * sources only: no product jar carries it, and the suite's own imports leave test classes out.
 */
package io.omnichannel.archfixture;
