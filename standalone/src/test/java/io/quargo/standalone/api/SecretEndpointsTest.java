package io.quargo.standalone.api;

import static io.quargo.standalone.api.ApiFixtures.body;
import static io.quargo.standalone.api.ApiFixtures.namespace;
import static io.quargo.standalone.api.ApiFixtures.post;
import static io.quargo.standalone.api.ApiFixtures.put;
import static io.quargo.standalone.api.ApiFixtures.yaml;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quargo.core.resource.ArgoKinds;
import io.quargo.core.secret.SecretData;
import io.quargo.eventbus.testkit.NatsTestResource;
import io.quargo.standalone.workflow.WorkflowServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** v1 Secrets through /api/v1/secrets/{ns}: stored with stringData merged, answered without their values. */
@QuarkusTest
@WithTestResource(NatsTestResource.class)
class SecretEndpointsTest {
  @Inject
  WorkflowServices services;

  private static final String SECRET = """
      apiVersion: v1
      kind: Secret
      metadata: {name: creds}
      type: Opaque
      data: {user: YWRtaW4=}
      stringData: {password: s3cr3t}
      """;

  @Test
  void aSecretIsStoredWithStringDataMergedAndNeverAnsweredWithItsValues() {
    String ns = namespace();
    String created = post("/api/v1/secrets/" + ns, body("secret", yaml(SECRET))).then().statusCode(200)
        .body("kind", is("Secret")).body("data.password", nullValue()).extract().asString();
    assertThat(created).contains("\"user\"").contains("\"password\"").doesNotContain("YWRtaW4=")
        .doesNotContain("s3cr3t").doesNotContain(SecretData.encode("s3cr3t")).doesNotContain("stringData");
    var stored = services.store().get(ArgoKinds.SECRET, ns, "creds").orElseThrow().tree();
    assertThat(SecretData.value(stored, "password")).isEqualTo("s3cr3t");
    assertThat(SecretData.value(stored, "user")).isEqualTo("admin");
    assertThat(stored.has("stringData")).isFalse();

    String listed = given().get("/api/v1/secrets/" + ns).then().statusCode(200).body("items.size()", is(1))
        .body("items[0].metadata.name", is("creds")).extract().asString();
    assertThat(listed).contains("\"user\"").contains("\"password\"").doesNotContain("YWRtaW4=")
        .doesNotContain(SecretData.encode("s3cr3t"));
    String one = given().get("/api/v1/secrets/" + ns + "/creds").then().statusCode(200).extract().asString();
    assertThat(one).contains("\"password\"").doesNotContain(SecretData.encode("s3cr3t"));

    // what GET answered cannot be sent back as it is: that would wipe the values
    put("/api/v1/secrets/" + ns + "/creds", "{\"secret\": " + one + "}").then().statusCode(400)
        .body("message", containsString("secret.data."));
    given().delete("/api/v1/secrets/" + ns + "/creds").then().statusCode(200);
    given().get("/api/v1/secrets/" + ns).then().body("items.size()", is(0));
  }

  @Test
  void aBadBase64ValueIsA400NamingItsKeyAndStoresNothing() {
    String ns = namespace();
    post("/api/v1/secrets/" + ns, body("secret", yaml("""
        apiVersion: v1
        kind: Secret
        metadata: {name: bad}
        data: {token: "not base64!"}
        """))).then().statusCode(400).body("message", containsString("secret.data.token is not valid base64"))
        .body("message", containsString("stringData"));
    assertThat(services.store().get(ArgoKinds.SECRET, ns, "bad")).isEmpty();
    post("/api/v1/secrets/" + ns, body("secret", yaml("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: not-a-secret}
        """))).then().statusCode(400);
  }
}
