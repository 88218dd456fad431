package io.asyncops.server.identity;

import java.util.Objects;

/**
 * A service principal just made, with its secret: the only time the secret is known (the database keeps a hash).
 * {@code az ad sp create-for-rbac} prints the same three fields.
 *
 * @param principal the principal
 * @param password  its client secret
 * @param tenant    the tenant id to sign in with ({@code --tenant})
 */
public record NewServicePrincipal(ServicePrincipal principal, String password, String tenant) {
    public NewServicePrincipal {
        Objects.requireNonNull(principal, "principal == null");
        Objects.requireNonNull(password, "password == null");
        Objects.requireNonNull(tenant, "tenant == null");
    }

    /** The application (client) id: {@code az login --service-principal -u <appId>}. */
    public String appId() {
        return principal.appId();
    }

    @Override
    public String toString() {
        // never the password in logs
        return "NewServicePrincipal[appId=" + principal.appId() + ", tenant=" + tenant + "]";
    }
}
