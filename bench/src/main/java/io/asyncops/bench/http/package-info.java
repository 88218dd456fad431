/**
 * HTTP benchmarks of a real asyncops server on loopback: status polls against the same server's
 * {@code /health/live}, starts ({@code PUT} to {@code 202}), large answers, many waiters, a million stored
 * operations. Figures are ratios measured side by side in one run.
 */
package io.asyncops.bench.http;
