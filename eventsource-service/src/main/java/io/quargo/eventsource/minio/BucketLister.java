package io.quargo.eventsource.minio;

import java.util.List;

/** The objects of a source's bucket that pass its key filter. */
interface BucketLister {
  /** Throws when the endpoint cannot be reached or the bucket does not exist. */
  void checkBucket() throws Exception;

  List<ObjectState> list() throws Exception;
}
