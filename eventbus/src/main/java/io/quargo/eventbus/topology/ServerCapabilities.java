package io.quargo.eventbus.topology;

import io.nats.client.api.ServerInfo;
import io.quargo.eventbus.BusConnection;
import io.quargo.eventbus.BusException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the connected nats-server can do, from its INFO: its version (2.9.10 is Quargo's floor) and whether it
 * is part of a cluster. A server ignores JSON fields it does not know, so a feature it lacks would be
 * silently dropped rather than refused; these checks turn that into an error.
 *
 * @param version e.g. {@code 2.9.10}
 * @param clustered true when the server runs in a cluster (replicas above 1 are possible)
 * @param url where it was reached, for messages
 */
public record ServerCapabilities(String version, boolean clustered, String url) {
  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

  /** Features Quargo may ask for that appeared after 2.9. */
  public enum Feature {
    MULTIPLE_FILTER_SUBJECTS("more than one filter subject per consumer", 2, 10),
    SUBJECT_TRANSFORMS("stream subject transforms", 2, 10),
    MESSAGE_TTL("per-message TTL (allow_msg_ttl)", 2, 11);

    private final String description;
    private final int major;
    private final int minor;

    Feature(String description, int major, int minor) {
      this.description = description;
      this.major = major;
      this.minor = minor;
    }

    public String since() {
      return major + "." + minor;
    }
  }

  public static ServerCapabilities of(BusConnection bus) {
    ServerInfo info = bus.nats().getServerInfo();
    String cluster = info.getCluster();
    return new ServerCapabilities(info.getVersion(), cluster != null && !cluster.isBlank(), bus.nats().getConnectedUrl());
  }

  public boolean supports(Feature feature) {
    Matcher m = VERSION.matcher(version == null ? "" : version);
    if (!m.matches()) {
      return false;
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    return major > feature.major || (major == feature.major && minor >= feature.minor);
  }

  /** Refuses {@code feature} on an older server, naming what asked for it. */
  void require(Feature feature, String requester) {
    if (!supports(feature)) {
      throw new BusException(requester + " needs " + feature.description + ", which nats-server " + feature.since()
          + " introduced, but the server at " + url + " is " + version + " (it would silently ignore the setting)."
          + " Upgrade nats-server to " + feature.since() + " or later, or drop the setting.");
    }
  }

  /** Refuses more than one replica on a single server. */
  void requireReplicas(int replicas, String requester, String key) {
    if (replicas > 1 && !clustered) {
      throw new BusException(requester + " asks for " + replicas + " replicas, but the nats-server at " + url
          + " is not clustered and can keep only one copy. Set " + key + "=1, or run a JetStream cluster"
          + " of at least " + replicas + " servers.");
    }
  }
}
