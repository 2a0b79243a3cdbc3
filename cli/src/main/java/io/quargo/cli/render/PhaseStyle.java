package io.quargo.cli.render;

/** argo's phase symbols and colours (colours only when printing to a terminal). */
public final class PhaseStyle {
  private static final String RESET = "\u001b[0m";

  private PhaseStyle() {}

  public static String icon(String phase) {
    return switch (phase == null ? "" : phase) {
      case "Succeeded" -> "✔";
      case "Running" -> "●";
      case "Failed" -> "✖";
      case "Error" -> "⚠";
      case "Skipped", "Omitted" -> "○";
      case "Pending" -> "◷";
      default -> "◷";
    };
  }

  /** ANSI colour code for the phase, or null for none. */
  static String colour(String phase) {
    return switch (phase == null ? "" : phase) {
      case "Succeeded" -> "\u001b[32m";
      case "Running" -> "\u001b[34m";
      case "Failed", "Error" -> "\u001b[31m";
      case "Pending" -> "\u001b[33m";
      default -> null;
    };
  }

  static String paint(String text, String phase, boolean colour) {
    String c = colour ? colour(phase) : null;
    return c == null ? text : c + text + RESET;
  }

  public static boolean completed(String phase) {
    return "Succeeded".equals(phase) || "Failed".equals(phase) || "Error".equals(phase);
  }
}
