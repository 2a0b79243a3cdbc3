/**
 * The redis ({@code spec.redis}, pub/sub) and redisStream ({@code spec.redisStream}, streams) EventSources:
 * {@link io.quargo.eventsource.redis.RedisSpecParser} reads both, {@link io.quargo.eventsource.redis.RedisPubSubAdapter}
 * and {@link io.quargo.eventsource.redis.RedisStreamAdapter} run them.
 *
 * <p>As Argo: {@code hostAddress}, {@code db}, {@code username}, {@code password} (secret), {@code metadata},
 * {@code filter}. redis SUBSCRIBEs to {@code channels} (plain channel names, not patterns, as Argo) with
 * {@code data = {channel, pattern, body, metadata}} ({@code pattern} empty, {@code body} the message string or raw
 * JSON under {@code jsonBody}); {@code namespace} is accepted and unused, as in Argo. redisStream reads
 * {@code streams} with XREADGROUP as consumer {@code argo-events-worker} of {@code consumerGroup}
 * ({@code argo-events-cg}), {@code maxMsgCountPerRead} (10) per read, BLOCK 2s, the group created at {@code $},
 * pending entries first; {@code data = {stream, message_id, values, metadata}}.
 *
 * <p>Ours (redisStream): XACK only after the bus stored the event (Argo also acks after dispatch); an entry whose
 * publish failed stays pending and is read again after a pause (Argo re-reads pending entries only at restart);
 * the event id is derived from stream and entry id, so an entry stored but not acknowledged before a crash is
 * deduplicated on the bus; a missing stream is created with the group (MKSTREAM) where Argo fails to start.
 *
 * <p>Redis pub/sub cannot redeliver: Redis hands a message once to whoever is subscribed then. A message
 * published while we are disconnected is lost, as with Argo; one we received while the bus is down is retried in
 * memory until the bus takes it, and is lost if we stop or crash first. Use redisStream when loss matters.
 *
 * <p>We speak RESP2 ourselves ({@link io.quargo.eventsource.redis.RespConnection}, blocking sockets, one reader
 * thread per source): the pinned Lettuce 7.7 needs Netty 4.2 and the Quarkus platform pins Netty 4.1, so Lettuce
 * fails at runtime with {@code NoClassDefFoundError: io/netty/channel/MultiThreadIoEventLoopGroup}.
 *
 * <p>TLS: {@code tls} ({@link io.quargo.eventsource.tls.TlsSpec}) wraps the connection in TLS; the server's host
 * name is verified unless {@code insecureSkipVerify}.
 *
 * <p>Not yet: RESP3, Sentinel and Cluster are not spoken.
 */
package io.quargo.eventsource.redis;
