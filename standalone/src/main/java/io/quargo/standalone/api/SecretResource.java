package io.quargo.standalone.api;

import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.secret.SecretData;
import io.quargo.standalone.workflow.WorkflowServices;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/**
 * Secrets (v1), a Quargo addition for {@code quargo apply}: {@code /api/v1/secrets/{namespace}}, body field
 * {@code secret}. Standalone has no apiserver, so this is where webhook tokens and trigger credentials come from.
 * {@code stringData} is merged into {@code data} as Kubernetes does, and a {@code data} value must be base64.
 * No answer ever carries a value: {@code data} lists the keys, each with null.
 */
@Path("/api/v1/secrets/{namespace}")
public class SecretResource extends NamespacedCrud {
  static final String FIELD = "secret";

  @Inject
  WorkflowServices services;

  @Override
  protected ResourceApi api() {
    return new ResourceApi(services.store(), ArgoKinds.SECRET, FIELD, false)
        .shaped(secret -> SecretData.admit(secret, FIELD), SecretData::redact);
  }
}
