package io.quargo.eventsource.gitlab;

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
 * Reads {@code spec.gitlab} into webhook routes served by the shared per-port servers. Errors name the JSON path.
 * Quargo does not register hooks through GitLab's API: with {@code accessToken} set it logs that the hook must be
 * created by hand.
 */
public final class GitlabSpecParser {
  private static final Logger LOG = Logger.getLogger(GitlabSpecParser.class);

  private final SecretResolver secrets;

  public GitlabSpecParser(SecretResolver secrets) {
    this.secrets = secrets;
  }

  /** Every entry of {@code spec.gitlab}, in manifest order. */
  public List<WebhookRoute> parse(Resource eventSource) {
    JsonNode gitlab = eventSource.spec() == null ? null : eventSource.spec().get("gitlab");
    if (gitlab == null || gitlab.isNull()) {
      return List.of();
    }
    if (!gitlab.isObject()) {
      throw new WebhookSpecException("spec.gitlab", "must be a map of event name to GitLab event source");
    }
    String namespace = eventSource.namespace() == null ? "default" : eventSource.namespace();
    List<WebhookRoute> routes = new ArrayList<>();
    gitlab.fields().forEachRemaining(e -> routes.add(
        route(namespace, eventSource.name(), e.getKey(), e.getValue(), "spec.gitlab." + e.getKey())));
    return routes;
  }

  private WebhookRoute route(String namespace, String eventSource, String eventName, JsonNode spec, String path) {
    if (spec == null || !spec.isObject()) {
      throw new WebhookSpecException(path, "must be an object with webhook, projects and events");
    }
    WebhookSpecParser webhooks = new WebhookSpecParser(secrets);
    WebhookRoute webhook = webhooks.route(namespace, eventSource, eventName, spec.get("webhook"), path + ".webhook");
    boolean projects = spec.hasNonNull("projects") || spec.hasNonNull("projectID");
    if (!projects && !spec.hasNonNull("groups")) {
      throw new WebhookSpecException(path, "either projects or groups is required");
    }
    Set<String> headers = eventHeaders(spec.get("events"), path + ".events");
    if (spec.hasNonNull("accessToken")) {
      LOG.warnf("%s: hook registration through the GitLab API is not supported; create the hook in GitLab by hand"
          + " (URL %s%s, the secretToken as secret token, events %s)", webhook.ref(),
          spec.path("webhook").path("url").asText("<webhook.url>"), webhook.endpoint(), spec.path("events"));
    }
    String secretToken = webhooks.secret(spec.get("secretToken"), path + ".secretToken", namespace);
    Map<String, String> metadata = WebhookSpecParser.metadata(spec.get("metadata"), path + ".metadata");
    return webhook.servedBy(new GitlabReceiver(secretToken, headers, metadata), metadata,
        WebhookSpecParser.filter(spec.get("filter"), path + ".filter"));
  }

  /** Argo's event names (PushEvents, ...) as the X-Gitlab-Event values GitLab sends for them. */
  private static Set<String> eventHeaders(JsonNode value, String path) {
    if (value == null || value.isNull() || !value.isArray() || value.isEmpty()) {
      throw new WebhookSpecException(path, "must list at least one event, e.g. [PushEvents]; known: "
          + GitlabEvents.HEADER_BY_EVENT.keySet().stream().sorted().toList());
    }
    Set<String> headers = new LinkedHashSet<>();
    for (int i = 0; i < value.size(); i++) {
      String header = GitlabEvents.HEADER_BY_EVENT.get(value.get(i).asText());
      if (header == null) {
        throw new WebhookSpecException(path + "[" + i + "]", "unknown event " + value.get(i) + "; known: "
            + GitlabEvents.HEADER_BY_EVENT.keySet().stream().sorted().toList());
      }
      headers.add(header);
    }
    return headers;
  }
}
