/** The workflow-service: the engine (a pure state machine), the executors, and the API (issue 4). */
package io.quargo.workflow;
