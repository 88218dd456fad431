/**
 * The engine benchmark: drains N no-op operations through asyncops on H2 and PostgreSQL and through the peers
 * (db-scheduler, JobRunr) on the same PostgreSQL with the same worker count, and measures a lone operation's
 * submit-to-complete latency. Run with {@code bin/bench engine}; see {@code bench/README.md}.
 */
package io.asyncops.bench.engine;
