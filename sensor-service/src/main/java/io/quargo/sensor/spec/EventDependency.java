package io.quargo.sensor.spec;

/**
 * One entry of {@code spec.dependencies}: events from {@code eventSourceName}/{@code eventName}, transformed then
 * filtered.
 *
 * @param transform may be null
 */
public record EventDependency(String name, String eventSourceName, String eventName, DependencyFilters filters,
    LogicalOperator filtersLogicalOperator, Transform transform) {
}
