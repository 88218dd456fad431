/**
 * The JUnit Jupiter extension of asyncops: annotate a test class with {@link io.asyncops.junit5.AsyncOpsTest} to
 * run it against an in-process emulator that is injected into test methods, reset between them, and reported on
 * when a test fails.
 */
package io.asyncops.junit5;
