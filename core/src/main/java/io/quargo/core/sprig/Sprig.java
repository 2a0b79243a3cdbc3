package io.quargo.core.sprig;

import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sprig function library as plain Java, shared by Go templates and expr-lang's {@code sprig.*}.
 * Each function has its Go signature; {@link #call} checks arguments against it the way Go's
 * reflective call does, so a template and an expression fail alike.
 */
public final class Sprig {
  private static final Sprig STANDARD = new Sprig(Clock.systemUTC());
  /** Bounds on what one call may build, so a template cannot exhaust memory. */
  static final int MAX_STRING = 1 << 22;
  static final int MAX_LIST = 1 << 20;

  private final Map<String, Entry> functions;

  record Entry(String name, String signature, SprigFunction body) {}

  private Sprig(Clock clock) {
    Map<String, Entry> all = new HashMap<>();
    Registry r = new Registry(all);
    StringFunctions.register(r);
    CaseFunctions.register(r);
    ListFunctions.register(r);
    DictFunctions.register(r);
    MathFunctions.register(r);
    DateFunctions.register(r, clock);
    EncodingFunctions.register(r);
    RegexFunctions.register(r);
    FlowFunctions.register(r);
    RandomFunctions.register(r);
    this.functions = Collections.unmodifiableMap(all);
  }

  public static Sprig standard() {
    return STANDARD;
  }

  /** A library whose now, ago and date read this clock; for reproducible tests. */
  public static Sprig withClock(Clock clock) {
    return new Sprig(clock);
  }

  public boolean has(String name) {
    return functions.containsKey(name);
  }

  public Set<String> names() {
    return new TreeSet<>(functions.keySet());
  }

  /**
   * Calls a function; every failure is a {@link SprigException} naming it. Java scalars (Integer,
   * Float, BigDecimal...) are accepted as their Go kinds; maps and lists are passed as they are, so
   * {@code set} and {@code unset} change the map the caller gave.
   */
  public Object call(String name, Object... args) {
    Entry e = functions.get(name);
    if (e == null) {
      throw SprigException.badArguments(name, "function \"" + name + "\" not defined");
    }
    Object[] converted = Signatures.convert(name, e.signature(), GoValues.normalizeScalars(args));
    Object result;
    try {
      result = e.body().apply(converted);
    } catch (Fail f) {
      throw SprigException.failed(name, f.getMessage());
    } catch (GoTimeParser.SprigTimeError t) {
      throw SprigException.failed(name, t.getMessage());
    } catch (SprigException s) {
      throw s;
    } catch (StackOverflowError s) {
      throw SprigException.failed(name, "value nested too deeply");
    } catch (RuntimeException bug) {
      // A bug of ours must still reach the caller as a sprig error, never as a raw Java exception.
      throw SprigException.failed(name, "internal error: " + bug);
    }
    checkSize(name, result);
    return result;
  }

  private static void checkSize(String name, Object result) {
    if (result instanceof String s && s.length() > MAX_STRING) {
      throw SprigException.failed(name, "result exceeds " + MAX_STRING + " characters");
    }
    if (result instanceof java.util.List<?> l && l.size() > MAX_LIST) {
      throw SprigException.failed(name, "result exceeds " + MAX_LIST + " elements");
    }
    if (result instanceof Map<?, ?> m && m.size() > MAX_LIST) {
      throw SprigException.failed(name, "result exceeds " + MAX_LIST + " entries");
    }
  }

  /** A fresh mutable map, the Go map literal sprig functions return. */
  static Map<String, Object> newMap() {
    return new LinkedHashMap<>();
  }
}
