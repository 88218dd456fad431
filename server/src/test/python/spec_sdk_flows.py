"""Drives asyncops' spec-loaded providers with Microsoft's own Python management SDKs.

Storage (azure-mgmt-storage 21, api 2022-09-01), Key Vault (azure-mgmt-keyvault 10.1, api 2022-07-01) and App
Configuration (azure-mgmt-appconfiguration 2.2, api 2022-05-01): create, read, list, update and delete over HTTPS,
every long-running verb through azure-core's own ARM poller (begin_...().result()), a validation error and an injected
failure. Every request and response (polls included) is recorded for Microsoft's live-traffic validator.

Usage: python3 spec_sdk_flows.py ENDPOINT TOKEN SUBSCRIPTION CA_BUNDLE RECORD_FILE
Exits 0 when every check passed; prints each step on stdout.
"""
import json
import sys
import time
import uuid

from azure.core.credentials import AccessToken
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError
from azure.mgmt.appconfiguration import AppConfigurationManagementClient
from azure.mgmt.appconfiguration import models as ac
from azure.mgmt.keyvault import KeyVaultManagementClient
from azure.mgmt.keyvault import models as kv
from azure.mgmt.resource import ResourceManagementClient
from azure.mgmt.storage import StorageManagementClient
from azure.mgmt.storage import models as st

ENDPOINT, TOKEN, SUB, CA, RECORD = sys.argv[1:6]
EXCHANGES = []
SUFFIX = uuid.uuid4().hex[:8]


class DevTokenCredential:
    """A token credential handing the SDKs asyncops' dev token."""

    def get_token(self, *scopes, **kwargs):
        return AccessToken(TOKEN, int(time.time()) + 3600)


def _json(payload):
    if payload is None or payload == b"" or payload == "":
        return None
    try:
        return json.loads(payload)
    except (TypeError, ValueError):
        return payload if isinstance(payload, str) else payload.decode("utf-8", "replace")


def record(pipeline_response):
    """azure-core's raw_response_hook: called for every response, polls included."""
    request = pipeline_response.http_request
    response = pipeline_response.http_response
    EXCHANGES.append({
        "request": {"method": request.method, "url": request.url,
                    "headers": {k: v for k, v in request.headers.items() if k.lower() != "authorization"},
                    "body": _json(request.body)},
        "response": {"statusCode": response.status_code, "headers": dict(response.headers),
                     "body": _json(response.text())},
    })


def client(cls):
    return cls(DevTokenCredential(), SUB, base_url=ENDPOINT, connection_verify=CA, raw_response_hook=record,
               polling_interval=1, retry_total=0)


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print("  ok:", what, flush=True)


def expect_error(call, code, what):
    try:
        call()
    except HttpResponseError as e:
        check(e.error is not None and e.error.code == code, f"{what}: error code {code} (got {e.error and e.error.code})")
        return e
    raise AssertionError(f"{what}: no error raised")


def storage(rg):
    print("storage", flush=True)
    c = client(StorageManagementClient)
    name = "acct" + SUFFIX
    check(c.storage_accounts.check_name_availability(
        st.StorageAccountCheckNameAvailabilityParameters(name=name)).name_available, "a new name is available")
    created = c.storage_accounts.begin_create(rg, name, st.StorageAccountCreateParameters(
        sku=st.Sku(name="Standard_LRS"), kind="StorageV2", location="westus", tags={"env": "dev"},
        minimum_tls_version="TLS1_2")).result()
    check(created.provisioning_state == "Succeeded", "begin_create().result() ends Succeeded")
    check(created.primary_endpoints.blob == f"https://{name}.blob.core.windows.net/", "primaryEndpoints.blob")
    check(created.sku.name == "Standard_LRS" and created.kind == "StorageV2", "sku and kind as sent")
    taken = c.storage_accounts.check_name_availability(st.StorageAccountCheckNameAvailabilityParameters(name=name))
    check(not taken.name_available and taken.reason == "AlreadyExists", "the name is taken once the account exists")
    got = c.storage_accounts.get_properties(rg, name)
    check(got.id == created.id and got.location == "westus" and got.tags == {"env": "dev"}, "get_properties")
    check(name in [a.name for a in c.storage_accounts.list_by_resource_group(rg)], "list_by_resource_group")
    check(name in [a.name for a in c.storage_accounts.list()], "list (subscription)")
    updated = c.storage_accounts.update(rg, name, st.StorageAccountUpdateParameters(tags={"env": "test"}))
    check(updated.tags == {"env": "test"} and updated.sku.name == "Standard_LRS", "update (PATCH) merges")
    keys = c.storage_accounts.list_keys(rg, name).keys
    check([k.key_name for k in keys] == ["key1", "key2"] and all(len(k.value) == 88 for k in keys), "list_keys")
    again = c.storage_accounts.list_keys(rg, name).keys
    check([k.value for k in again] == [k.value for k in keys], "keys stay the same between reads")
    c.storage_accounts.begin_failover(rg, name).result()
    check(True, "begin_failover().result() (a long-running POST, final state via Location)")
    e = expect_error(lambda: c.storage_accounts.begin_create(rg, "bad" + SUFFIX, st.StorageAccountCreateParameters(
        sku=st.Sku(name="Standard_LRS"), kind="StorageV2", location="westus", access_tier="Frozen")),
        "InvalidParameter", "an access tier outside the enum")
    check(e.error.target == "properties.accessTier" and "properties.accessTier" in e.message,
          "the validation error names properties.accessTier")
    expect_error(lambda: c.storage_accounts.begin_create(rg, "flt" + SUFFIX, st.StorageAccountCreateParameters(
        sku=st.Sku(name="Standard_LRS"), kind="StorageV2", location="westus",
        tags={"asyncops-fault": "StorageAccountQuotaExceeded"})).result(),
        "StorageAccountQuotaExceeded", "an injected failure")
    c.storage_accounts.delete(rg, name)
    try:
        c.storage_accounts.get_properties(rg, name)
        raise AssertionError("the account is still there after delete")
    except ResourceNotFoundError:
        check(True, "delete, then get is ResourceNotFound")


def keyvault(rg):
    print("keyvault", flush=True)
    c = client(KeyVaultManagementClient)
    name = "kv-" + SUFFIX
    tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47"
    check(c.vaults.check_name_availability(kv.VaultCheckNameAvailabilityParameters(name=name)).name_available,
          "a new vault name is available")
    vault = c.vaults.begin_create_or_update(rg, name, kv.VaultCreateOrUpdateParameters(
        location="westus", tags={"env": "dev"}, properties=kv.VaultProperties(
            tenant_id=tenant, sku=kv.Sku(family="A", name="standard"), access_policies=[]))).result()
    check(vault.properties.provisioning_state == "Succeeded", "begin_create_or_update().result() ends Succeeded")
    check(vault.properties.vault_uri == f"https://{name}.vault.azure.net/", "vaultUri")
    check(vault.properties.tenant_id == tenant and vault.properties.sku.name == "standard", "tenant and sku")
    check(not c.vaults.check_name_availability(kv.VaultCheckNameAvailabilityParameters(name=name)).name_available,
          "the vault name is taken once it exists")
    check(c.vaults.get(rg, name).id == vault.id, "get")
    check(name in [v.name for v in c.vaults.list_by_resource_group(rg)], "list_by_resource_group")
    check(name in [v.name for v in c.vaults.list_by_subscription()], "list_by_subscription")
    patched = c.vaults.update(rg, name, kv.VaultPatchParameters(tags={"env": "test"},
                                                                properties=kv.VaultPatchProperties(enabled_for_deployment=True)))
    check(patched.tags == {"env": "test"} and patched.properties.enabled_for_deployment is True
          and patched.properties.sku.name == "standard", "update (PATCH) merges")
    pec = "pec-" + SUFFIX
    c.private_endpoint_connections.put(rg, name, pec, kv.PrivateEndpointConnection(
        private_link_service_connection_state=kv.PrivateLinkServiceConnectionState(status="Approved")))
    check(c.private_endpoint_connections.get(rg, name, pec).name == pec, "a child resource (private endpoint connection)")
    c.private_endpoint_connections.begin_delete(rg, name, pec).result()
    check(pec not in [p.name for p in c.private_endpoint_connections.list_by_resource(rg, name)],
          "begin_delete().result() of the child (a long-running DELETE)")
    e = expect_error(lambda: c.vaults.begin_create_or_update(rg, "kv-bad-" + SUFFIX, kv.VaultCreateOrUpdateParameters(
        location="westus", properties=kv.VaultProperties(tenant_id=tenant, sku=kv.Sku(family="A", name="gold")))),
        "InvalidParameter", "a sku outside the enum")
    # Key Vault's error schema has no target: the message names the property
    check("properties.sku.name" in e.error.message, "the validation error names properties.sku.name")
    expect_error(lambda: c.vaults.begin_create_or_update(rg, "kv-flt-" + SUFFIX, kv.VaultCreateOrUpdateParameters(
        location="westus", tags={"asyncops-fault": "VaultQuotaExceeded"},
        properties=kv.VaultProperties(tenant_id=tenant, sku=kv.Sku(family="A", name="standard")))).result(),
        "VaultQuotaExceeded", "an injected failure")
    c.vaults.delete(rg, name)
    try:
        c.vaults.get(rg, name)
        raise AssertionError("the vault is still there after delete")
    except ResourceNotFoundError:
        check(True, "delete, then get is ResourceNotFound")


def appconfiguration(rg):
    print("appconfiguration", flush=True)
    c = client(AppConfigurationManagementClient)
    name = "store-" + SUFFIX
    check(c.operations.check_name_availability(ac.CheckNameAvailabilityParameters(
        name=name, type="Microsoft.AppConfiguration/configurationStores")).name_available, "a new name is available")
    store = c.configuration_stores.begin_create(rg, name, ac.ConfigurationStore(
        location="westus", sku=ac.Sku(name="standard"), tags={"env": "dev"})).result()
    check(store.provisioning_state == "Succeeded", "begin_create().result() ends Succeeded")
    check(store.endpoint == f"https://{name}.azconfig.io/", "endpoint")
    check(store.system_data is not None and store.system_data.created_at is not None, "systemData")
    check(c.configuration_stores.get(rg, name).id == store.id, "get")
    check(name in [s.name for s in c.configuration_stores.list_by_resource_group(rg)], "list_by_resource_group")
    check(name in [s.name for s in c.configuration_stores.list()], "list (subscription)")
    updated = c.configuration_stores.begin_update(rg, name, ac.ConfigurationStoreUpdateParameters(
        tags={"env": "test"}, disable_local_auth=True)).result()
    check(updated.tags == {"env": "test"} and updated.disable_local_auth is True and updated.sku.name == "standard",
          "begin_update().result() (a long-running PATCH) merges")
    keys = list(c.configuration_stores.list_keys(rg, name))
    check(len(keys) == 2 and all(k.value for k in keys), "list_keys (a paged POST)")
    regenerated = c.configuration_stores.regenerate_key(rg, name, ac.RegenerateKeyParameters(id=keys[0].id))
    check(regenerated.value is not None, "regenerate_key")
    e = expect_error(lambda: c.configuration_stores.begin_create(rg, "bad-" + SUFFIX, ac.ConfigurationStore(
        location="westus", sku=ac.Sku(name="standard"), create_mode="Restore")),
        "InvalidParameter", "a create mode outside the enum")
    check("properties.createMode" in e.error.message, "the validation error names properties.createMode")
    expect_error(lambda: c.configuration_stores.begin_create(rg, "flt-" + SUFFIX, ac.ConfigurationStore(
        location="westus", sku=ac.Sku(name="standard"), tags={"asyncops-fault": "QuotaExceeded"})).result(),
        "QuotaExceeded", "an injected failure")
    c.configuration_stores.begin_delete(rg, name).result()
    try:
        c.configuration_stores.get(rg, name)
        raise AssertionError("the store is still there after delete")
    except ResourceNotFoundError:
        check(True, "begin_delete().result() (a long-running DELETE), then get is ResourceNotFound")


def main():
    rg = "sdk-" + SUFFIX
    resources = client(ResourceManagementClient)
    resources.resource_groups.create_or_update(rg, {"location": "westus"})
    try:
        storage(rg)
        keyvault(rg)
        appconfiguration(rg)
        resources.resource_groups.begin_delete(rg).result()
        check(not resources.resource_groups.check_existence(rg), "the resource group is gone with all inside")
    finally:
        with open(RECORD, "w") as f:
            json.dump(EXCHANGES, f)
    print("all flows passed", flush=True)


if __name__ == "__main__":
    main()
