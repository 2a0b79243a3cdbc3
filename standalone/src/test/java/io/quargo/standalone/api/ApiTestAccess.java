package io.quargo.standalone.api;

/** Lets tests in other packages create workflows through the API. */
public final class ApiTestAccess {
  private ApiTestAccess() {}

  public static String createHello(String namespace) {
    return ApiFixtures.create(namespace, ApiFixtures.HELLO);
  }
}
