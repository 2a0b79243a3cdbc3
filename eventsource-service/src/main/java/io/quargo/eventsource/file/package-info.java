/**
 * The file EventSource ({@code spec.file}): {@link io.quargo.eventsource.file.FileSpecParser} reads each entry into a
 * {@link io.quargo.eventsource.file.FileSpec}; a {@link io.quargo.eventsource.file.FileAdapter} watches the directory
 * and publishes a {@code file} event per change.
 *
 * <p>As Argo: {@code eventType} is one fsnotify operation (CREATE, WRITE, REMOVE, RENAME, CHMOD); only direct
 * entries of {@code watchPathConfig.directory} are watched (not recursive); a change is reported when its file name
 * equals {@code path} or, without {@code path}, when {@code pathRegexp} matches anywhere in it (Go's
 * {@code MatchString}); RENAME names the old file, the new name is a CREATE; {@code polling: true} rescans every
 * 100ms instead of using notifications. {@code data = {name: <directory>/<file>, op: <fsnotify bit: CREATE=1,
 * WRITE=2, REMOVE=4, RENAME=8, CHMOD=16>, metadata}}.
 *
 * <p>Ours: Java's WatchService only wakes the watcher (and a rescan runs at least every second); the operations
 * come from diffing directory snapshots (inode, modification time and size, permissions), since WatchService cannot
 * tell a rename or a chmod from a delete or a write. So several writes between two scans are one WRITE (fsnotify
 * reports each write call), and a new non-empty file is a CREATE then a WRITE. A change the bus does not
 * acknowledge is retried with backoff under one event id before the next scan is handled, so no change is lost
 * while the source runs; the directory's state at start is the baseline, changes while it is down are not seen
 * (as in Argo).
 *
 * <p>Not yet: symlinked directories are watched by their link path only; no leader election (run one replica or
 * accept one event per replica).
 */
package io.quargo.eventsource.file;
