package io.quargo.core.template;

/** Where a token or node starts in its source: 1-based line, 0-based column as Go reports. */
record Position(int offset, int line, int column) {}
