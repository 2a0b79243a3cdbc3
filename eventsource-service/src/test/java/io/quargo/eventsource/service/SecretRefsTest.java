package io.quargo.eventsource.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quargo.core.Json;
import io.quargo.core.resource.Resource;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretRefsTest {
  private static Resource of(String json) {
    return Resource.of(Json.parse(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static Resource secret(String ns, String name) {
    return of("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\""
        + ns + "\"}}");
  }

  private final Resource eventSource = of("""
      {"apiVersion":"argoproj.io/v1alpha1","kind":"EventSource","metadata":{"name":"es","namespace":"team"},
       "spec":{"amqp":{"a":{"url":"amqp://x","auth":{"username":{"name":"rabbit","key":"user"},
         "password":{"name":"rabbit","key":"pw"}}}},
        "webhook":{"w":{"port":"12000","endpoint":"/w","method":"POST","metadata":{"name":"other"}}}}}
      """);

  @Test
  void anEventSourceNamesTheSecretsOfItsSelectorsInItsNamespace() {
    assertThat(SecretRefs.names(eventSource, secret("team", "rabbit"))).isTrue();
    assertThat(SecretRefs.names(eventSource, secret("elsewhere", "rabbit"))).isFalse();
    // {name: other} without a key is not a secret selector
    assertThat(SecretRefs.names(eventSource, secret("team", "other"))).isFalse();
  }
}
