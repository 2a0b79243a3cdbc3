package io.quargo.core.lua;

/** What an Argo CD {@code health.lua} returns: {@code {status = "Healthy", message = "..."}}. */
public record LuaHealth(String status, String message) {}
