/** The sensor-service: Sensor resources turned into trigger executions (issue 6). */
package io.quargo.sensor;
