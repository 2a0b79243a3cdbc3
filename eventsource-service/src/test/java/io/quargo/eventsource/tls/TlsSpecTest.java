package io.quargo.eventsource.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.Json;
import io.quargo.core.tls.PemSslContext;
import io.quargo.core.tls.TlsMaterialException;
import io.quargo.eventsource.spec.EventSourceSpecException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TlsSpecTest {
  private static final Map<String, String> SECRETS = Map.of("s/ca", "CA PEM\n", "s/cert", "CERT", "s/key", "KEY",
      "s/blank", "  ");

  @Test
  void readsArgosFieldsThroughTheSecretResolver() {
    TlsSpec tls = read("{\"tls\": {\"caCertSecret\": {\"name\": \"s\", \"key\": \"ca\"}, \"clientCertSecret\":"
        + " {\"name\": \"s\", \"key\": \"cert\"}, \"clientKeySecret\": {\"name\": \"s\", \"key\": \"key\"}}}");
    assertThat(tls).isEqualTo(new TlsSpec("spec.x.e.tls", "CA PEM", "CERT", "KEY", false));
    assertThat(tls.toString()).isEqualTo("tls(ca=true, client=true, insecure=false)");
    assertThat(read("{\"tls\": {\"insecureSkipVerify\": true}}"))
        .isEqualTo(new TlsSpec("spec.x.e.tls", null, null, null, true));
    assertThat(read("{\"url\": \"u\"}")).isNull();
    assertThat(read("{\"tls\": null}")).isNull();
  }

  @Test
  void errorsNameTheFieldAndTheFix() {
    assertError("{\"tls\": \"on\"}", "spec.x.e.tls: must be an object {caCertSecret, clientCertSecret,"
        + " clientKeySecret, insecureSkipVerify}, got string");
    assertError("{\"tls\": {\"insecureSkipVerify\": false}}", "spec.x.e.tls: names no secret: set caCertSecret (the CA"
        + " that signed the server's certificate), clientCertSecret with clientKeySecret (a client certificate), or"
        + " insecureSkipVerify: true");
    assertError("{\"tls\": {\"clientCertSecret\": {\"name\": \"s\", \"key\": \"cert\"}}}",
        "spec.x.e.tls: clientCertSecret and clientKeySecret go together; set both or neither");
    assertError("{\"tls\": {\"caCertSecret\": {\"name\": \"s\", \"key\": \"nope\"}}}",
        "spec.x.e.tls.caCertSecret: secret 's' has no key 'nope'");
    assertError("{\"tls\": {\"caCertSecret\": {\"name\": \"s\", \"key\": \"blank\"}}}",
        "spec.x.e.tls.caCertSecret: the secret's key is empty; it must hold PEM text");
    assertError("{\"tls\": {\"clientKeyPath\": \"/k.pem\"}}", "spec.x.e.tls.clientKeyPath: is the file-path form older"
        + " Argo Events versions read; put the PEM in a Secret and name it with clientKeySecret: {name, key}");
    assertError("{\"tls\": {\"insecureSkipVerify\": \"yes\"}}",
        "spec.x.e.tls.insecureSkipVerify: must be true or false, got 'yes'");
  }

  @Test
  void aBrokenPemNamesItsSecretField() {
    TlsSpec notACert = new TlsSpec("spec.x.e.tls", "not a certificate", null, null, false);
    assertThatThrownBy(() -> PemSslContext.create(notACert)).isInstanceOf(TlsMaterialException.class)
        .hasMessageStartingWith("spec.x.e.tls.caCertSecret: ");
  }

  private static TlsSpec read(String json) {
    JsonNode spec = Json.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return TlsSpec.read(spec, "spec.x.e", (ns, name, key) -> SECRETS.get(name + "/" + key), "team");
  }

  private static void assertError(String json, String message) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(EventSourceSpecException.class).hasMessage(message);
  }
}
