/**
 * The minio EventSource ({@code spec.minio}) for any S3-compatible server:
 * {@link io.quargo.eventsource.minio.MinioSpecParser} reads the spec into
 * {@link io.quargo.eventsource.minio.MinioSource}s and {@link io.quargo.eventsource.minio.MinioAdapter} reports
 * object changes as {@code minio} CloudEvents whose {@code data.notification} holds one S3 event record.
 *
 * <p>Ours: Argo uses MinIO's ListenBucketNotification stream; we list the bucket (ListObjectsV2) every
 * {@value io.quargo.eventsource.minio.MinioAdapter#POLL_SECONDS} seconds and compare with the objects seen, kept one
 * KV entry per object in the {@value io.quargo.eventsource.minio.KvSnapshotStore#BUCKET} KV bucket. So only
 * {@code s3:ObjectCreated:Put}, {@code s3:ObjectCreated:CompleteMultipartUpload} (told by the ETag) and
 * {@code s3:ObjectRemoved:Delete} are reported, objects written several times between two listings are reported
 * once, and {@code caCertificate} is refused with a message.
 */
package io.quargo.eventsource.minio;
