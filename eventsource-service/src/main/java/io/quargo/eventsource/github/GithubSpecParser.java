package io.quargo.eventsource.github;

import com.fasterxml.jackson.databind.JsonNode;
import io.quargo.core.resource.Resource;
import io.quargo.core.secret.SecretResolver;
import io.quargo.eventsource.webhook.WebhookRoute;
import io.quargo.eventsource.webhook.WebhookSpecException;
import io.quargo.eventsource.webhook.WebhookSpecParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reads {@code spec.github} into webhook routes served by the shared per-port servers. Errors name the JSON path,
 * e.g. {@code spec.github.example.contentType}. Quargo does not register hooks through GitHub's API: with
 * {@code apiToken} or {@code githubApp} set it logs that the hook must be created by hand.
 */
public final class GithubSpecParser {
  private static final Logger LOG = Logger.getLogger(GithubSpecParser.class);

  private final SecretResolver secrets;

  public GithubSpecParser(SecretResolver secrets) {
    this.secrets = secrets;
  }

  /** Every entry of {@code spec.github}, in manifest order. */
  public List<WebhookRoute> parse(Resource eventSource) {
    JsonNode github = eventSource.spec() == null ? null : eventSource.spec().get("github");
    if (github == null || github.isNull()) {
      return List.of();
    }
    if (!github.isObject()) {
      throw new WebhookSpecException("spec.github", "must be a map of event name to GitHub event source");
    }
    String namespace = eventSource.namespace() == null ? "default" : eventSource.namespace();
    List<WebhookRoute> routes = new ArrayList<>();
    github.fields().forEachRemaining(e -> routes.add(
        route(namespace, eventSource.name(), e.getKey(), e.getValue(), "spec.github." + e.getKey())));
    return routes;
  }

  private WebhookRoute route(String namespace, String eventSource, String eventName, JsonNode spec, String path) {
    if (spec == null || !spec.isObject()) {
      throw new WebhookSpecException(path, "must be an object with webhook, repositories and events");
    }
    WebhookSpecParser webhooks = new WebhookSpecParser(secrets);
    WebhookRoute webhook = webhooks.route(namespace, eventSource, eventName, spec.get("webhook"), path + ".webhook");
    requireTargets(spec, path);
    String contentType = spec.path("contentType").asText("");
    if (!contentType.isEmpty() && !contentType.equals("json") && !contentType.equals("form")) {
      throw new WebhookSpecException(path + ".contentType", "must be \"json\" or \"form\", got \"" + contentType + "\"");
    }
    Set<String> events = events(spec.get("events"), path + ".events");
    boolean credentials = spec.hasNonNull("apiToken") || spec.hasNonNull("githubApp");
    if (credentials && events.isEmpty()) {
      throw new WebhookSpecException(path + ".events", "must list the events to create a GitHub hook for (or \"*\")");
    }
    if (credentials) {
      LOG.warnf("%s: hook registration through the GitHub API is not supported; create the hook in GitHub by hand"
          + " (payload URL %s%s, content type %s, the webhookSecret as secret)", webhook.ref(),
          spec.path("webhook").path("url").asText("<webhook.url>"), webhook.endpoint(),
          contentType.isEmpty() ? "json" : contentType);
    }
    String secret = webhooks.secret(spec.get("webhookSecret"), path + ".webhookSecret", namespace);
    Map<String, String> metadata = WebhookSpecParser.metadata(spec.get("metadata"), path + ".metadata");
    return webhook.servedBy(new GithubReceiver(secret, events, metadata), metadata,
        WebhookSpecParser.filter(spec.get("filter"), path + ".filter"));
  }

  /** As Argo: repositories (or the legacy owner/repository) or organizations, not both. */
  private static void requireTargets(JsonNode spec, String path) {
    boolean repositories = spec.hasNonNull("repositories") || spec.hasNonNull("repository");
    boolean organizations = spec.hasNonNull("organizations");
    if (!repositories && !organizations) {
      throw new WebhookSpecException(path, "either repositories or organizations is required");
    }
    if (spec.hasNonNull("repositories") && organizations) {
      throw new WebhookSpecException(path, "only one of repositories and organizations is allowed");
    }
    JsonNode list = spec.get("repositories");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        throw new WebhookSpecException(path + ".repositories", "must be a list of {owner, names}");
      }
      for (int i = 0; i < list.size(); i++) {
        JsonNode r = list.get(i);
        if (!r.path("owner").isTextual() || !r.path("names").isArray() || r.path("names").isEmpty()) {
          throw new WebhookSpecException(path + ".repositories[" + i + "]", "needs an owner and a non-empty names list");
        }
      }
    }
  }

  private static Set<String> events(JsonNode value, String path) {
    Set<String> events = new LinkedHashSet<>();
    if (value == null || value.isNull()) {
      return events;
    }
    if (!value.isArray()) {
      throw new WebhookSpecException(path, "must be a list of GitHub event names such as push, or \"*\"");
    }
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual() || value.get(i).asText().isBlank()) {
        throw new WebhookSpecException(path + "[" + i + "]", "must be a GitHub event name such as push, or \"*\"");
      }
      events.add(value.get(i).asText().trim());
    }
    return events;
  }
}
