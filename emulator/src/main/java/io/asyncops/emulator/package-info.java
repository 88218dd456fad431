/**
 * The provider core, without HTTP. A resource type is one {@link io.asyncops.emulator.ResourceType} description
 * (path template, api-versions, per-verb {@link io.asyncops.emulator.VerbStyle}, name rule, global names, where the
 * provisioning state shows) with optional {@link io.asyncops.emulator.ResourceHooks} and
 * {@link io.asyncops.emulator.ResourceAction}s; {@link io.asyncops.emulator.ResourceTypes} checks a set of them and
 * makes their engine handlers; {@link io.asyncops.emulator.ProviderCore} serves every request on them over the
 * generic resource store, submitting to the engine it is given. The built-in types are descriptions too:
 * {@link io.asyncops.emulator.resources.ResourceGroups}, {@link io.asyncops.emulator.sql.Sql}, BizTalk Services.
 *
 * <p>Rules kept: a request is validated synchronously with Azure's error codes ({@link io.asyncops.emulator.AzureException},
 * the one error type) and a refused request stores nothing; an accepted long-running request is an engine operation
 * committed with the resource's new state; its end commits with the resource's final state; the tag
 * {@code "asyncops-fault": "SomeErrorCode"} makes any long-running write fail with that code.
 */
package io.asyncops.emulator;
