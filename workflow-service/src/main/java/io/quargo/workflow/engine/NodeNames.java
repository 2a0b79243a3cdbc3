package io.quargo.workflow.engine;

import java.nio.charset.StandardCharsets;

/** Argo's node ids and pod names ({@code Workflow.NodeID}, {@code GeneratePodName} with POD_NAMES=v2). */
public final class NodeNames {
  private static final int MAX_POD_PREFIX = 242;

  private NodeNames() {}

  /** FNV-1a 32-bit of the UTF-8 bytes, as Go's {@code hash/fnv.New32a}. */
  public static long fnv32a(String text) {
    int hash = 0x811c9dc5;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= (b & 0xff);
      hash *= 0x01000193;
    }
    return Integer.toUnsignedLong(hash);
  }

  /** The root node's id is the workflow's name; every other id is {@code <wf>-<fnv32a(nodeName)>}. */
  public static String nodeId(String workflowName, String nodeName) {
    if (workflowName.equals(nodeName)) {
      return workflowName;
    }
    return workflowName + "-" + fnv32a(nodeName);
  }

  public static String podName(String workflowName, String nodeName, String templateName) {
    if (workflowName.equals(nodeName)) {
      return workflowName;
    }
    String prefix = workflowName;
    if (!nodeName.contains(".inline") && templateName != null && !templateName.isEmpty()) {
      prefix = workflowName + "-" + templateName;
    }
    if (prefix.length() > MAX_POD_PREFIX) {
      prefix = prefix.substring(0, MAX_POD_PREFIX);
    }
    return prefix + "-" + fnv32a(nodeName);
  }
}
