/**
 * The core's storage ports over JDBC: MySQL 8 / MariaDB 10.11 or embedded H2, pooled by HikariCP,
 * migrated by Flyway ({@code db/migration}), secrets sealed with AES-GCM. The launcher uses {@link
 * Persistence} and {@link PersistenceConfig}; the rest is package-private. Depends on the core's
 * domain and driven ports, Guava, Jackson (stored posts) and SLF4J; on no other adapter.
 */
package io.omnichannel.persistence;
