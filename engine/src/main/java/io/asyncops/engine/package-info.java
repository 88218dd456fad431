/**
 * The asyncops engine: durable long-running operations for any Java service, with Azure's semantics.
 *
 * <p>Submit an operation ({@link Engine#submit}); it is committed before the call returns. Workers on virtual
 * threads claim it under a lease, run the {@link OperationHandler} registered for its kind, and end it exactly once
 * as {@code Succeeded}, {@code Failed} or {@code Canceled}. A terminal status never changes. Knows nothing of HTTP.
 *
 * <pre>{@code
 * try (Engine engine = Engine.start(EngineConfig.builder(dataSource)
 *         .handler("report/build", ctx -> Outcome.succeeded(buildReport(ctx.input())))
 *         .build())) {
 *     Operation op = engine.submit(Submission.of("report/build", "{\"year\":2026}"));
 *     engine.await(op.id(), op.version(), Duration.ofSeconds(30));
 * }
 * }</pre>
 */
package io.asyncops.engine;
