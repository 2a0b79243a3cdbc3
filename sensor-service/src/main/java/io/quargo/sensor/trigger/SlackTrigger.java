package io.quargo.sensor.trigger;

import io.quargo.core.secret.SecretResolver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.core.Json;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.parameters.TriggerParameters;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.SensorSpecException;
import io.quargo.sensor.spec.Trigger;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * The {@code slack} trigger: {@code chat.postMessage} with {@code channel}, {@code message} (as {@code text}),
 * {@code attachments} and {@code blocks} (JSON text, as Argo takes them) and {@code sender} ({@code username},
 * {@code icon}), authorised with the bot token from the {@code slackToken} secret. The execution key travels as the
 * message's {@code metadata} and the {@value HttpTrigger#TRIGGER_ID_HEADER} header; Slack itself has no
 * idempotency, so a repeated firing may post twice. Slack answers 200 with {@code ok: false} on errors: errors that
 * cannot heal (bad token, unknown channel, malformed blocks) are permanent, others (rate limits) transient.
 * Not yet: {@code thread} (refused when the runner starts).
 */
public final class SlackTrigger implements TriggerExecutor {
  public static final URI DEFAULT_API = URI.create("https://slack.com/api/");
  private static final Set<String> PERMANENT = Set.of("invalid_auth", "not_authed", "account_inactive",
      "token_revoked", "token_expired", "channel_not_found", "is_archived", "not_in_channel", "invalid_blocks",
      "invalid_attachments", "msg_too_long", "no_text", "missing_scope", "invalid_arguments");

  private final HttpClient client;
  private final SecretResolver secrets;
  private final URI api;

  /** @param api the Web API base, {@link #DEFAULT_API} in production */
  public SlackTrigger(SecretResolver secrets, URI api) {
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.secrets = secrets;
    this.api = api.toString().endsWith("/") ? api : URI.create(api + "/");
  }

  public SlackTrigger(SecretResolver secrets) {
    this(secrets, DEFAULT_API);
  }

  @Override
  public String kind() {
    return "slack";
  }

  @Override
  public void validate(Trigger trigger) {
    if (!trigger.typeSpec().hasNonNull("slackToken")) {
      throw new SensorSpecException(trigger.where() + ".template.slack.slackToken",
          "is required: {name: <secret>, key: <key>} holding the bot token");
    }
    if (trigger.typeSpec().hasNonNull("thread")) {
      throw new SensorSpecException(trigger.where() + ".template.slack.thread",
          "is not supported by this sensor service yet; remove it to post plain messages");
    }
  }

  @Override
  public void execute(Sensor sensor, Trigger trigger, ObjectNode template, Firing firing) {
    String where = trigger.where() + ".template.slack";
    JsonNode spec = TriggerParameters.apply(template.get("slack"), trigger.typeParameters(), firing.events());
    String token = Secrets.read(secrets, sensor, spec.path("slackToken"), where + ".slackToken");
    ObjectNode body = message(spec, firing, where);
    HttpRequest request = HttpRequest.newBuilder(api.resolve("chat.postMessage")).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json; charset=utf-8")
        .header(HttpTrigger.TRIGGER_ID_HEADER, firing.executionKey())
        .POST(HttpRequest.BodyPublishers.ofString(Json.string(body), StandardCharsets.UTF_8)).build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw TriggerFailure.transientFailure(where + ": calling " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw TriggerFailure.transientFailure(where + ": interrupted while calling Slack", e);
    }
    answer(response, where);
  }

  private static ObjectNode message(JsonNode spec, Firing firing, String where) {
    String channel = spec.path("channel").asText("").replaceFirst("^#", "");
    if (channel.isBlank()) {
      throw TriggerFailure.permanent(where + ".channel: is required");
    }
    ObjectNode body = Json.object().put("channel", channel);
    String message = spec.path("message").asText("");
    if (!message.isEmpty()) {
      body.put("text", message);
    }
    for (String field : new String[] {"attachments", "blocks"}) {
      String text = spec.path(field).asText("");
      if (!text.isBlank()) {
        try {
          body.set(field, Json.parse(text.getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
          throw TriggerFailure.permanent(where + "." + field + ": must be a JSON array as text: " + e.getMessage());
        }
      }
    }
    if (!body.has("text") && !body.has("blocks") && !body.has("attachments")) {
      throw TriggerFailure.permanent(where + ": needs a message, blocks or attachments");
    }
    JsonNode sender = spec.path("sender");
    if (sender.hasNonNull("username")) {
      body.put("username", sender.path("username").asText());
    }
    String icon = sender.path("icon").asText("");
    if (!icon.isEmpty()) {
      body.put(icon.startsWith(":") ? "icon_emoji" : "icon_url", icon);
    }
    body.putObject("metadata").put("event_type", "quargo_trigger").putObject("event_payload")
        .put("executionKey", firing.executionKey());
    return body;
  }

  private static void answer(HttpResponse<String> response, String where) {
    if (response.statusCode() == 429 || response.statusCode() >= 500) {
      throw TriggerFailure.transientFailure(where + ": Slack answered " + response.statusCode(), null);
    }
    JsonNode answer;
    try {
      answer = Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw TriggerFailure.transientFailure(where + ": Slack answered " + response.statusCode()
          + " with something other than JSON", e);
    }
    if (!answer.path("ok").asBoolean(false)) {
      String error = answer.path("error").asText("unknown error (status " + response.statusCode() + ")");
      String message = where + ": Slack refused the message: " + error;
      throw PERMANENT.contains(error) ? TriggerFailure.permanent(message)
          : TriggerFailure.transientFailure(message, null);
    }
  }
}
