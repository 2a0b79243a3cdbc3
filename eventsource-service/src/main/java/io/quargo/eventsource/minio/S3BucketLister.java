package io.quargo.eventsource.minio;

import io.minio.BucketExistsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import java.util.ArrayList;
import java.util.List;

/** Lists a source's bucket with ListObjectsV2 (recursive, {@code filter.prefix} on the server, suffix here). */
final class S3BucketLister implements BucketLister {
  private final MinioSource source;
  private final MinioClient client;

  S3BucketLister(MinioSource source) {
    this.source = source;
    MinioClient.Builder builder = MinioClient.builder().endpoint(source.url()).region(source.region());
    if (source.accessKey() != null) {
      builder.credentials(source.accessKey(), source.secretKey());
    }
    this.client = builder.build();
  }

  @Override
  public void checkBucket() throws Exception {
    if (!client.bucketExists(BucketExistsArgs.builder().bucket(source.bucket()).build())) {
      throw new IllegalStateException("bucket '" + source.bucket() + "' does not exist");
    }
  }

  @Override
  public List<ObjectState> list() throws Exception {
    ListObjectsArgs.Builder args = ListObjectsArgs.builder().bucket(source.bucket()).recursive(true);
    if (!source.prefix().isEmpty()) {
      args.prefix(source.prefix());
    }
    List<ObjectState> objects = new ArrayList<>();
    for (Result<Item> result : client.listObjects(args.build())) {
      Item item = result.get();
      if (!item.isDir() && source.accepts(item.objectName())) {
        objects.add(new ObjectState(item.objectName(), item.etag(), item.size(), item.lastModified().toInstant()));
      }
    }
    return objects;
  }
}
