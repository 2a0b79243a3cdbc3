package io.quargo.eventsource.file;

import java.nio.file.Path;

/** One operation seen on one file of the watched directory. */
public record FileChange(Path path, FileOp op) {}
