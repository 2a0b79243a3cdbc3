/**
 * The sprig function library as plain Java, for Go templates and expr-lang's {@code sprig.*}:
 * {@link io.quargo.core.sprig.Sprig#call} checks arguments against each function's Go signature and
 * fails only with {@link io.quargo.core.sprig.SprigException}.
 *
 * <p>Values follow Go's shapes: String, Long (int/int64), Double (float64), Boolean, List
 * ([]interface{}), Map (map[string]interface{}), {@link io.quargo.core.sprig.GoTime} and null (nil);
 * {@link io.quargo.core.sprig.GoValues#normalize} converts Java and Jackson values, JSON numbers to
 * float64 as Go's encoding/json does.
 *
 * <p>Differences from sprig: no I/O or crypto-key functions (env, expandenv, getHostByName,
 * genPrivateKey...); regexes run on java.util.regex under a work budget rather than RE2; strings are
 * cut by UTF-16 unit where Go cuts bytes (equal for ASCII); {@code keys} and {@code values} come in
 * sorted key order where Go's is random; results are capped in size so a template cannot exhaust memory.
 */
package io.quargo.core.sprig;
