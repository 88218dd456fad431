/** The spec-loaded providers' benchmark: PUT-to-202 throughput against the hand-written SQL type, start-up time. */
package io.asyncops.bench.specs;
