package io.quargo.eventsource.gitlab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code events} names Argo accepts for GitLab (the boolean fields of GitLab's add-hook options it sets) and
 * the {@code X-Gitlab-Event} header GitLab sends for each.
 */
final class GitlabEvents {
  static final Map<String, String> HEADER_BY_EVENT = headers();

  private GitlabEvents() {}

  private static Map<String, String> headers() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("PushEvents", "Push Hook");
    m.put("TagPushEvents", "Tag Push Hook");
    m.put("IssuesEvents", "Issue Hook");
    m.put("ConfidentialIssuesEvents", "Confidential Issue Hook");
    m.put("MergeRequestsEvents", "Merge Request Hook");
    m.put("NoteEvents", "Note Hook");
    m.put("ConfidentialNoteEvents", "Confidential Note Hook");
    m.put("JobEvents", "Job Hook");
    m.put("PipelineEvents", "Pipeline Hook");
    m.put("WikiPageEvents", "Wiki Page Hook");
    m.put("EmojiEvents", "Emoji Hook");
    m.put("DeploymentEvents", "Deployment Hook");
    m.put("ReleasesEvents", "Release Hook");
    return Map.copyOf(m);
  }
}
