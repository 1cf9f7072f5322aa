#ifndef CPROCESS_H
#define CPROCESS_H

#include <sys/types.h>

/// Child processes that die with their parent, for the Graphviz renderer.
///
/// Why C: on Linux a child is only killed with its parent if it asks for it itself,
/// with prctl(PR_SET_PDEATHSIG) between fork and exec. Neither Foundation's Process nor
/// posix_spawn can run code at that point, and Swift cannot either (only async-signal-safe
/// calls are allowed in the child of a multithreaded process). Everything between fork and
/// execve here is async-signal-safe.

/// Starts `path` with `argv` and `envp` (NULL: this process's environment) in a new process group (its pid), stdin and
/// stdout on /dev/null, stderr on `stderr_fd`, working directory `directory` (NULL: the
/// parent's), every other descriptor closed, signal mask and dispositions reset. On Linux
/// the child gets SIGKILL when the thread that started it ends (PR_SET_PDEATHSIG): keep
/// that thread waiting in cprocess_wait until the child is reaped.
///
/// The child is registered for cprocess_install_cleanup's signal handler until
/// cprocess_reap.
///
/// Returns the child's pid, or -errno (also when execve failed in the child).
pid_t cprocess_spawn(const char *path, char *const argv[], char *const envp[],
                     const char *directory, int stderr_fd);

/// Waits until `pid` has exited (without reaping it) or `timeout_ms` passed
/// (negative: no limit). Returns 1 when it exited, 0 at the timeout, -errno on error.
int cprocess_wait(pid_t pid, long long timeout_ms);

/// Kills the process group of `pid` (SIGTERM, then SIGKILL after `grace_ms`) and reaps
/// `pid`.
void cprocess_kill(pid_t pid, long long grace_ms);

/// Kills what is left of the process group of `pid` (SIGKILL), reaps `pid`, unregisters
/// it and returns its wait status (-errno on error).
int cprocess_reap(pid_t pid);

/// wait(2) status decoding for Swift (the W* macros are not imported).
int cprocess_exited(int status);
int cprocess_exit_code(int status);
int cprocess_signaled(int status);
int cprocess_term_signal(int status);

/// Registers the process's scratch folder (a copy of `path` is kept) and, once,
/// installs handlers for SIGTERM, SIGINT and SIGHUP (not for a signal that was ignored)
/// that SIGKILL every registered child's process group, remove the scratch folder, and
/// then run the previous handler or die of the signal; and an atexit handler that removes
/// the scratch folder. The calling thread unblocks those signals (a blocked mask inherited
/// from the parent would keep them pending forever). Returns 0, or -1 when `path` is too
/// long.
int cprocess_install_cleanup(const char *path);

/// Removes the folder `path` and the files in it (one level, no symbolic link followed),
/// with async-signal-safe calls only. Returns 0 or -errno.
int cprocess_remove_folder(const char *path);

#endif
