#define _GNU_SOURCE
#include "cprocess.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#ifdef __linux__
#include <sys/prctl.h>
#else
#include <dirent.h>
#endif

// MARK: Registered children and the scratch folder (read by the signal handler)

#define CPROCESS_SLOTS 256
static volatile sig_atomic_t children[CPROCESS_SLOTS];
static char scratch[4096];
static volatile sig_atomic_t scratch_set = 0;
static pthread_mutex_t install_lock = PTHREAD_MUTEX_INITIALIZER;
static int installed = 0;
static struct sigaction previous[65];
static const int handled[] = {SIGTERM, SIGINT, SIGHUP};

static void register_child(pid_t pid) {
  for (int i = 0; i < CPROCESS_SLOTS; i++) {
    if (__sync_bool_compare_and_swap(&children[i], 0, (sig_atomic_t)pid)) return;
  }
  // Full: the child still dies with this process through PR_SET_PDEATHSIG.
}

static void unregister_child(pid_t pid) {
  for (int i = 0; i < CPROCESS_SLOTS; i++) {
    if (__sync_bool_compare_and_swap(&children[i], (sig_atomic_t)pid, 0)) return;
  }
}

static void kill_children(void) {
  for (int i = 0; i < CPROCESS_SLOTS; i++) {
    pid_t pid = (pid_t)children[i];
    if (pid > 0) kill(-pid, SIGKILL);
  }
}

int cprocess_remove_folder(const char *path) {
  int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return -errno;
#ifdef __linux__
  char buffer[4096] __attribute__((aligned(8)));
  for (;;) {
    long n = syscall(SYS_getdents64, fd, buffer, sizeof buffer);
    if (n <= 0) break;
    for (long offset = 0; offset < n;) {
      // struct linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name.
      unsigned short length;
      memcpy(&length, buffer + offset + 16, sizeof length);
      const char *name = buffer + offset + 19;
      if (!(name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0)))) {
        if (unlinkat(fd, name, 0) != 0 && errno == EISDIR) unlinkat(fd, name, AT_REMOVEDIR);
      }
      offset += length;
    }
  }
#else
  DIR *dir = fdopendir(dup(fd));
  if (dir) {
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
      const char *name = entry->d_name;
      if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
      if (unlinkat(fd, name, 0) != 0 && (errno == EISDIR || errno == EPERM))
        unlinkat(fd, name, AT_REMOVEDIR);
    }
    closedir(dir);
  }
#endif
  close(fd);
  return rmdir(path) == 0 ? 0 : -errno;
}

static void remove_scratch(void) {
  if (scratch_set) cprocess_remove_folder(scratch);
}

static void handle_signal(int signal_number) {
  int saved = errno;
  kill_children();
  remove_scratch();
  scratch_set = 0;
  struct sigaction *old = signal_number < 65 ? &previous[signal_number] : NULL;
  if (old && (old->sa_flags & SA_SIGINFO) && old->sa_sigaction) {
    // A previous handler that wants siginfo gets none: call it with what we have.
    old->sa_sigaction(signal_number, NULL, NULL);
  } else if (old && old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN) {
    old->sa_handler(signal_number);
  } else {
    // Die of the signal, as without a handler: default action, then raise it again (it is
    // blocked while this handler runs and is delivered when it returns).
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(signal_number, &action, NULL);
    kill(getpid(), signal_number);
  }
  errno = saved;
}

static void at_exit(void) { remove_scratch(); }

int cprocess_install_cleanup(const char *path) {
  pthread_mutex_lock(&install_lock);
  size_t length = strlen(path);
  if (length >= sizeof scratch) {
    pthread_mutex_unlock(&install_lock);
    return -1;
  }
  scratch_set = 0;
  memcpy(scratch, path, length + 1);
  scratch_set = 1;
  if (!installed) {
    installed = 1;
    atexit(at_exit);
    for (size_t i = 0; i < sizeof handled / sizeof handled[0]; i++) {
      int number = handled[i];
      struct sigaction current;
      if (sigaction(number, NULL, &current) != 0) continue;
      if (!(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_IGN) continue;
      previous[number] = current;
      struct sigaction action;
      memset(&action, 0, sizeof action);
      action.sa_handler = handle_signal;
      sigfillset(&action.sa_mask);
      action.sa_flags = SA_RESTART;
      sigaction(number, &action, NULL);
      // A mask inherited from the parent (a launcher's worker thread) would keep the
      // signal pending forever: let this thread take it.
      sigset_t one;
      sigemptyset(&one);
      sigaddset(&one, number);
      pthread_sigmask(SIG_UNBLOCK, &one, NULL);
    }
  }
  pthread_mutex_unlock(&install_lock);
  return 0;
}

// MARK: Spawning and waiting

static long long now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void close_from(int first, int keep) {
#if defined(__linux__) && defined(SYS_close_range)
  if (keep >= first) {
    if (keep > first) syscall(SYS_close_range, (unsigned)first, (unsigned)(keep - 1), 0);
    if (syscall(SYS_close_range, (unsigned)(keep + 1), ~0U, 0) == 0) return;
  } else if (syscall(SYS_close_range, (unsigned)first, ~0U, 0) == 0) {
    return;
  }
#endif
  long limit = sysconf(_SC_OPEN_MAX);
  if (limit < 0 || limit > 65536) limit = 65536;
  for (int fd = first; fd < limit; fd++) {
    if (fd != keep) close(fd);
  }
}

pid_t cprocess_spawn(const char *path, char *const argv[], char *const envp[],
                     const char *directory, int stderr_fd) {
  int report[2];
#ifdef __linux__
  if (pipe2(report, O_CLOEXEC) != 0) return -errno;
#else
  if (pipe(report) != 0) return -errno;
  fcntl(report[0], F_SETFD, FD_CLOEXEC);
  fcntl(report[1], F_SETFD, FD_CLOEXEC);
#endif
  // No signal handler of ours may run in the child before its dispositions are reset.
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid == 0) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    for (int number = 1; number < 65; number++) {
      if (number != SIGKILL && number != SIGSTOP) sigaction(number, &action, NULL);
    }
    setpgid(0, 0);
    int error = 0;
#ifdef __linux__
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) error = errno;
    // The parent may have died before prctl: then nobody will ever collect the result.
    if (!error && getppid() != parent) _exit(127);
#else
    (void)parent;
#endif
    if (!error && directory && chdir(directory) != 0) error = errno;
    if (!error) {
      if (dup2(stderr_fd, 2) < 0) error = errno;
    }
    if (!error) {
      int null = open("/dev/null", O_RDWR);
      if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0) error = errno;
    }
    if (!error) {
      close_from(3, report[1]);
      sigset_t none;
      sigemptyset(&none);
      pthread_sigmask(SIG_SETMASK, &none, NULL);
      execve(path, argv, envp ? envp : environ);
      error = errno;
    }
    while (write(report[1], &error, sizeof error) < 0 && errno == EINTR) {}
    _exit(127);
  }
  int fork_error = errno;
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  close(report[1]);
  if (pid < 0) {
    close(report[0]);
    return -fork_error;
  }
  setpgid(pid, pid);  // also from here, so the group exists whichever side runs first
  register_child(pid);
  int child_error = 0;
  ssize_t n;
  do {
    n = read(report[0], &child_error, sizeof child_error);
  } while (n < 0 && errno == EINTR);
  close(report[0]);
  if (n == (ssize_t)sizeof child_error) {
    cprocess_reap(pid);
    return -(child_error ? child_error : ECHILD);
  }
  return pid;
}

int cprocess_wait(pid_t pid, long long timeout_ms) {
  long long deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
#if defined(__linux__) && defined(SYS_pidfd_open)
  int fd = (int)syscall(SYS_pidfd_open, pid, 0);
  if (fd >= 0) {
    for (;;) {
      long long left = deadline < 0 ? -1 : deadline - now_ms();
      if (deadline >= 0 && left < 0) left = 0;
      struct pollfd entry = {.fd = fd, .events = POLLIN, .revents = 0};
      int r = poll(&entry, 1, left > 2000000000LL ? 2000000000 : (int)left);
      if (r > 0) {
        close(fd);
        return 1;
      }
      if (r == 0 && deadline >= 0 && now_ms() >= deadline) {
        close(fd);
        return 0;
      }
      if (r < 0 && errno != EINTR) break;
    }
    close(fd);
  }
#endif
  // Without pidfd: poll waitid(WNOWAIT) with sleeps of at most 10 ms.
  long long sleep_ms = 1;
  for (;;) {
    siginfo_t info;
    memset(&info, 0, sizeof info);
    if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) != 0) {
      if (errno == EINTR) continue;
      return -errno;
    }
    if (info.si_pid == pid) return 1;
    if (deadline >= 0 && now_ms() >= deadline) return 0;
    struct timespec pause = {.tv_sec = 0, .tv_nsec = sleep_ms * 1000000};
    nanosleep(&pause, NULL);
    if (sleep_ms < 10) sleep_ms *= 2;
  }
}

int cprocess_reap(pid_t pid) {
  // The exited leader is a zombie until reaped, so its group id cannot be reused yet.
  kill(-pid, SIGKILL);
  int status = 0;
  pid_t r;
  do {
    r = waitpid(pid, &status, 0);
  } while (r < 0 && errno == EINTR);
  unregister_child(pid);
  return r == pid ? status : -errno;
}

void cprocess_kill(pid_t pid, long long grace_ms) {
  kill(-pid, SIGTERM);
  kill(pid, SIGTERM);
  if (cprocess_wait(pid, grace_ms) != 1) {
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
  }
  cprocess_reap(pid);
}

int cprocess_exited(int status) { return WIFEXITED(status); }
int cprocess_exit_code(int status) { return WEXITSTATUS(status); }
int cprocess_signaled(int status) { return WIFSIGNALED(status); }
int cprocess_term_signal(int status) { return WTERMSIG(status); }
