package io.quargo.eventsource.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quargo.eventsource.webhook.Reception;
import io.quargo.eventsource.webhook.WebhookRequest;
import io.quargo.eventsource.webhook.WebhookRoute;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

public class GithubReceiverTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "It's a Secret to Everybody";
  private static final String BODY = "{\"zen\": \"Keep it logically awesome.\", \"hook_id\": 7}";
  private static final WebhookRoute ROUTE = new WebhookRoute("ns", "github", "example", "/push", "POST", 12000,
      WebhookRoute.DEFAULT_MAX_PAYLOAD_SIZE, Map.of(), null, null, null);

  private final GithubReceiver signed = new GithubReceiver(SECRET, Set.of("*"), Map.of("team", "ci"));

  @Test
  void aValidSha256SignatureIsAcceptedAndTheDeliveryHeadersJoinTheBody() throws Exception {
    Reception r = signed.receive(request(BODY, "application/json", "push", "d-1",
        "X-Hub-Signature-256", "sha256=" + hex("HmacSHA256", SECRET, BODY)));

    assertThat(r).isInstanceOf(Reception.Accepted.class);
    var data = ((Reception.Accepted) r).data();
    assertThat(data.fieldNames()).toIterable().containsExactly("headers", "body", "metadata");
    assertThat(data.get("body")).isEqualTo(JSON.readTree(
        "{\"zen\": \"Keep it logically awesome.\", \"hook_id\": 7, \"X-GitHub-Event\": \"push\", \"X-GitHub-Delivery\": \"d-1\"}"));
    assertThat(data.at("/headers/X-Github-Event/0").asText()).isEqualTo("push");
    assertThat(data.get("metadata")).isEqualTo(JSON.readTree("{\"team\": \"ci\"}"));
  }

  @Test
  void githubsPublishedTestVectorMatches() {
    // GitHub's documentation: secret "It's a Secret to Everybody", payload "Hello, World!"
    assertThat(GithubSignature.mismatch(SECRET, "Hello, World!".getBytes(StandardCharsets.UTF_8),
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", null)).isNull();
  }

  @Test
  void theLegacySha1SignatureIsAcceptedWhenNoSha256IsSent() throws Exception {
    Reception r = signed.receive(request(BODY, "application/json", "push", "d-1",
        "X-Hub-Signature", "sha1=" + hex("HmacSHA1", SECRET, BODY)));

    assertThat(r).isInstanceOf(Reception.Accepted.class);
  }

  @Test
  void aWrongOrMissingSignatureIsA400() throws Exception {
    Reception wrong = signed.receive(request(BODY, "application/json", "push", "d-1",
        "X-Hub-Signature-256", "sha256=" + hex("HmacSHA256", "another secret", BODY)));
    Reception missing = signed.receive(request(BODY, "application/json", "push", "d-1"));
    Reception garbled = signed.receive(request(BODY, "application/json", "push", "d-1",
        "X-Hub-Signature-256", "sha256=zz"));

    assertThat(wrong).isEqualTo(new Reception.Refused(400, "payload signature check failed"));
    assertThat(missing).isInstanceOfSatisfying(Reception.Refused.class, x -> {
      assertThat(x.status()).isEqualTo(400);
      assertThat(x.message()).contains("missing signature");
    });
    assertThat(garbled).isInstanceOfSatisfying(Reception.Refused.class, x -> assertThat(x.status()).isEqualTo(400));
  }

  @Test
  void aFormPostCarriesThePayloadFieldAndIsSignedOverTheWholeBody() throws Exception {
    String form = "payload=" + java.net.URLEncoder.encode(BODY, StandardCharsets.UTF_8);
    Reception r = signed.receive(request(form, "application/x-www-form-urlencoded", "push", "d-2",
        "X-Hub-Signature-256", "sha256=" + hex("HmacSHA256", SECRET, form)));

    assertThat(r).isInstanceOfSatisfying(Reception.Accepted.class,
        a -> assertThat(a.data().at("/body/hook_id").asInt()).isEqualTo(7));
  }

  @Test
  void anUnsupportedContentTypeOrANonObjectBodyIsA400() {
    GithubReceiver open = new GithubReceiver(null, Set.of(), Map.of());

    assertThat(open.receive(request(BODY, "text/plain", "push", "d"))).isInstanceOfSatisfying(Reception.Refused.class,
        x -> assertThat(x.message()).contains("unsupported Content-Type"));
    assertThat(open.receive(request("[1]", "application/json", "push", "d")))
        .isEqualTo(new Reception.Refused(400, "the payload must be a JSON object"));
  }

  @Test
  void theEventsListDropsOtherEventsButNeverPing() {
    GithubReceiver pushOnly = new GithubReceiver(null, Set.of("push"), Map.of());

    assertThat(pushOnly.receive(request(BODY, "application/json", "issues", "d"))).isInstanceOf(Reception.Dropped.class);
    assertThat(pushOnly.receive(request(BODY, "application/json", "push", "d"))).isInstanceOf(Reception.Accepted.class);
    assertThat(pushOnly.receive(request(BODY, "application/json", "ping", "d"))).isInstanceOf(Reception.Accepted.class);
  }

  @Test
  void theEventIdIsStablePerDeliveryAndRoute() {
    GithubReceiver open = new GithubReceiver(null, Set.of(), Map.of());
    String first = ((Reception.Accepted) open.receive(request(BODY, "application/json", "push", "d-9"))).eventId();
    String again = ((Reception.Accepted) open.receive(request(BODY, "application/json", "push", "d-9"))).eventId();
    String other = ((Reception.Accepted) open.receive(request(BODY, "application/json", "push", "d-10"))).eventId();

    assertThat(first).matches("[0-9a-f]{32}").isEqualTo(again).isNotEqualTo(other);
  }

  private static WebhookRequest request(String body, String contentType, String event, String delivery,
      String... extra) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(Map.entry("content-type", contentType));
    headers.add(Map.entry("X-GitHub-Event", event));
    headers.add(Map.entry("X-GitHub-Delivery", delivery));
    for (int i = 0; i < extra.length; i += 2) {
      headers.add(Map.entry(extra[i], extra[i + 1]));
    }
    return new WebhookRequest(ROUTE, "POST", headers, null, body.getBytes(StandardCharsets.UTF_8));
  }

  public static String hex(String algorithm, String secret, String body) {
    return HexFormat.of().formatHex(GithubSignature.hmac(algorithm, secret, body.getBytes(StandardCharsets.UTF_8)));
  }
}
