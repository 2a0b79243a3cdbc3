package io.quargo.sensor.spec;

/** A data filter's {@code comparator}; empty means {@code =}. Strings only know {@code =} and {@code !=}. */
public enum Comparator {
  GREATER_THAN_OR_EQUAL(">="), GREATER_THAN(">"), EQUAL("="), NOT_EQUAL("!="), LESS_THAN("<"),
  LESS_THAN_OR_EQUAL("<=");

  private final String symbol;

  Comparator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  static Comparator parse(String text, String path) {
    if (text.isEmpty()) {
      return EQUAL;
    }
    for (Comparator c : values()) {
      if (c.symbol.equals(text)) {
        return c;
      }
    }
    throw new SensorSpecException(path, "must be one of >=, >, =, !=, <, <= (or empty for =), got '" + text + "'");
  }

  public boolean test(double event, double filter) {
    return switch (this) {
      case GREATER_THAN_OR_EQUAL -> event >= filter;
      case GREATER_THAN -> event > filter;
      case EQUAL -> event == filter;
      case NOT_EQUAL -> event != filter;
      case LESS_THAN -> event < filter;
      case LESS_THAN_OR_EQUAL -> event <= filter;
    };
  }
}
