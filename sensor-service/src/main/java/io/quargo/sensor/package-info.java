/**
 * The sensor-service (issue 6): Sensor resources turned into trigger executions. {@code spec} reads the
 * Sensor, {@code filter} applies a dependency's transform and filters, {@code conditions} keeps each trigger's
 * condition state in NATS KV, {@code parameters} resolves trigger parameters, {@code trigger} performs log and
 * http triggers and {@code runner} wires them to the bus. Exactly-once triggering comes from compare-and-set
 * state plus an execution key = hash(sensor, trigger, event ids) carried by every effect (DESIGN §4).
 */
package io.quargo.sensor;
