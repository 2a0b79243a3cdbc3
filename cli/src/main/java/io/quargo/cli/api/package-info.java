/**
 * The HTTP client side of the Argo Server API: requests shaped as argo's swagger.json names them
 * ({"namespace","workflow"}, {"resourceKind","resourceName","submitOptions"}, {"name","namespace",...}
 * for the PUT actions), grpc-gateway errors ({"code","message"}) shown as the server's message, and
 * streams read line by line as either newline-delimited {"result":..} or server-sent "data:" events.
 * Ours: EventBus and WorkflowEventBinding writes use Quargo paths (docs/cli.md); argo has none.
 */
package io.quargo.cli.api;
