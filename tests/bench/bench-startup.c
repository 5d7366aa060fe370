/* bench-startup.c
 *
 * Time to first window and first frame, and peak memory, of an X11
 * program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Measures how long a GUI program takes from the moment it is started to
 * its first top-level window being mapped and to the first frame drawn
 * into it, and its peak memory (VmHWM) a few seconds later:
 *
 *   bench-startup [--runs N] [--label NAME] [--timeout S] [--settle S] -- COMMAND [ARGS…]
 *
 * On the X display in $DISPLAY, the root window's SubstructureNotify
 * events announce every new top-level window. The program's window is the
 * first one mapped whose _NET_WM_PID is the started process or one of its
 * descendants; when no window sets _NET_WM_PID, the first new mapped
 * top-level larger than 100×100. The first frame is the first DamageNotify
 * on that window after its MapNotify after which the window is not blank
 * (a single colour): GTK 4 clears a new window to black a few milliseconds
 * after mapping it, long before its first real frame. The first
 * DamageNotify, blank or not, is reported too. The damage object is
 * created once the MapNotify has arrived, so that the X server painting
 * the window's background as it maps it does not count.
 *
 * Each run prints a line for people and one "RESULT key=value…" line for
 * scripts; with several runs, a "SUMMARY key=value…" line follows. The
 * started program runs in its own process group, which is ended (SIGTERM,
 * then SIGKILL after 2 s) after each run; this program is a child
 * subreaper, so whatever escapes the group is found and ended too.
 */

#define G_LOG_DOMAIN "bench-startup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib-unix.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

#define DEFAULT_RUNS       1
#define DEFAULT_TIMEOUT_S  30.0
#define DEFAULT_SETTLE_S   3.0
#define TERM_GRACE_S       2.0
#define MIN_SIZE           100
#define POLL_MS            10

typedef enum {
  RUN_OK,
  RUN_EXEC_FAILED,
  RUN_DIED,
  RUN_TIMEOUT,
  RUN_INTERRUPTED,
} RunStatus;

static const char *status_names[] = { "ok", "exec-failed", "died", "timeout", "interrupted" };

typedef struct
{
  RunStatus status;
  gboolean exited;          /* the started process itself has ended */
  int exit_code;            /* as from waitpid(), when it has */
  int exec_errno;
  pid_t pid;
  pid_t window_pid;         /* _NET_WM_PID, or 0 */
  Window window;
  int width;
  int height;
  double map_ms;            /* NAN when not reached */
  double damage_ms;         /* the first DamageNotify, blank or not */
  double frame_ms;          /* the first one after which it is not blank */
  double hwm_mib;           /* of the window's process, NAN when unknown */
} Run;

/* A top-level window seen since the program started. */
typedef struct
{
  Window window;
  Damage damage;
  gboolean mapped;
} Candidate;

static volatile sig_atomic_t interrupted;
static int x_error_code;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
on_signal (int signum)
{
  interrupted = signum;
}

/* Windows vanish between an event and a request about them; that is no
 * reason to stop measuring.
 */
static int
on_x_error (Display     *display,
            XErrorEvent *error)
{
  x_error_code = error->error_code;
  return 0;
}

static gboolean
parse_double (const char *text,
              double      min,
              double     *out)
{
  char *end = NULL;
  double value;

  errno = 0;
  value = g_ascii_strtod (text, &end);
  if (errno != 0 || end == text || *end != '\0' || !(value >= min))
    return FALSE;

  *out = value;
  return TRUE;
}

static void
usage (FILE *out)
{
  fprintf (out,
           "Usage: bench-startup [--runs N] [--label NAME] [--timeout S] [--settle S] -- COMMAND [ARGS…]\n"
           "\n"
           "Starts COMMAND on $DISPLAY and times its first mapped top-level window and\n"
           "the first frame drawn into it, then reads its peak memory (VmHWM) after\n"
           "--settle seconds (default 3) and ends it. --timeout (default 30) bounds\n"
           "the wait for the first frame.\n");
}

/* ------------------------------------------------------------------ */
/* Processes                                                            */
/* ------------------------------------------------------------------ */

static pid_t
parent_of (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *contents = NULL;
  const char *after_name;
  int ppid;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;

  /* The name in parentheses may itself hold spaces and parentheses. */
  after_name = strrchr (contents, ')');
  if (after_name == NULL || sscanf (after_name + 1, " %*c %d", &ppid) != 1)
    return 0;

  return ppid;
}

static gboolean
is_descendant (pid_t pid,
               pid_t ancestor)
{
  for (int depth = 0; pid > 1 && depth < 64; depth++)
    {
      if (pid == ancestor)
        return TRUE;
      pid = parent_of (pid);
    }

  return FALSE;
}

/* VmHWM of @pid in MiB, or NAN. */
static double
peak_rss_mib (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *contents = NULL;
  const char *line;
  unsigned long kib;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NAN;

  line = strstr (contents, "\nVmHWM:");
  if (line == NULL || sscanf (line, "\nVmHWM: %lu kB", &kib) != 1)
    return NAN;

  return kib / 1024.0;
}

/* Our children, including orphans of the started program that were handed
 * to us as subreaper.
 */
static GArray *
list_children (void)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/task/%d/children", (int) getpid (), (int) getpid ());
  g_autofree char *contents = NULL;
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (pid_t));
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return pids;

  fields = g_strsplit_set (g_strstrip (contents), " \n", -1);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      pid_t pid = (pid_t) g_ascii_strtoll (fields[i], NULL, 10);

      if (pid > 0)
        g_array_append_val (pids, pid);
    }

  return pids;
}

static gboolean
has_children (void)
{
  g_autoptr(GArray) children = list_children ();

  return children->len > 0;
}

static void
reap_all (void)
{
  while (waitpid (-1, NULL, WNOHANG) > 0)
    ;
}

/* Ends the started program's process group and anything else left of it:
 * SIGTERM first, SIGKILL for what is still there after TERM_GRACE_S.
 */
static void
end_program (pid_t     pid,
             gboolean *reaped,
             int      *wait_status)
{
  double deadline = now_ms () + TERM_GRACE_S * 1000;
  g_autoptr(GArray) left = NULL;

  kill (-pid, SIGTERM);
  while (!*reaped && now_ms () < deadline)
    {
      if (waitpid (pid, wait_status, WNOHANG) == pid)
        *reaped = TRUE;
      else
        g_usleep (POLL_MS * 1000);
    }

  kill (-pid, SIGKILL);
  if (!*reaped && waitpid (pid, wait_status, 0) == pid)
    *reaped = TRUE;

  /* Descendants that left the group, or outlived their parent. */
  left = list_children ();
  for (guint i = 0; i < left->len; i++)
    kill (g_array_index (left, pid_t, i), SIGTERM);
  deadline = now_ms () + TERM_GRACE_S * 1000;
  while (left->len > 0 && now_ms () < deadline)
    {
      reap_all ();
      g_clear_pointer (&left, g_array_unref);
      left = list_children ();
      if (left->len > 0)
        g_usleep (POLL_MS * 1000);
    }
  for (guint i = 0; i < left->len; i++)
    {
      pid_t child = g_array_index (left, pid_t, i);

      g_printerr ("bench-startup: pid %d outlived the program; killing it\n", (int) child);
      kill (child, SIGKILL);
      waitpid (child, NULL, 0);
    }
  reap_all ();
}

/* Starts @argv in a process group of its own. Returns 0 and sets
 * *exec_errno when it could not be executed.
 */
static pid_t
start_program (char **argv,
               int   *exec_errno)
{
  g_autoptr(GError) error = NULL;
  int fds[2];
  pid_t pid;
  ssize_t n;
  int child_errno = 0;

  if (!g_unix_open_pipe (fds, FD_CLOEXEC, &error))
    g_error ("pipe: %s", error->message);

  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));

  if (pid == 0)
    {
      /* Only async-signal-safe calls from here on. */
      setpgid (0, 0);
      signal (SIGINT, SIG_DFL);
      signal (SIGTERM, SIG_DFL);
      signal (SIGHUP, SIG_DFL);
      execvp (argv[0], argv);
      child_errno = errno;
      (void) !write (fds[1], &child_errno, sizeof child_errno);
      _exit (127);
    }

  /* Also from here, so that the group exists before anything is sent to it. */
  setpgid (pid, pid);
  close (fds[1]);

  /* The pipe closes on a successful exec, or brings the error. */
  do
    n = read (fds[0], &child_errno, sizeof child_errno);
  while (n < 0 && errno == EINTR);
  close (fds[0]);

  if (n == sizeof child_errno)
    {
      *exec_errno = child_errno;
      waitpid (pid, NULL, 0);
      return 0;
    }

  return pid;
}

/* ------------------------------------------------------------------ */
/* Windows                                                              */
/* ------------------------------------------------------------------ */

static pid_t
window_pid (Display *display,
            Window   window)
{
  Atom net_wm_pid = XInternAtom (display, "_NET_WM_PID", False);
  Atom type = None;
  int format = 0;
  unsigned long n_items = 0, bytes_after = 0;
  unsigned char *data = NULL;
  pid_t pid = 0;

  if (XGetWindowProperty (display, window, net_wm_pid, 0, 1, False, XA_CARDINAL,
                          &type, &format, &n_items, &bytes_after, &data) == Success &&
      type == XA_CARDINAL && format == 32 && n_items == 1)
    pid = (pid_t) *(unsigned long *) data;

  if (data != NULL)
    XFree (data);

  return pid;
}

static Candidate *
find_candidate (GArray *candidates,
                Window  window)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);

      if (candidate->window == window)
        return candidate;
    }

  return NULL;
}

static void
forget_candidates (Display *display,
                   GArray  *candidates)
{
  x_error_code = 0;
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);

      if (candidate->damage != None)
        XDamageDestroy (display, candidate->damage);
    }
  g_array_set_size (candidates, 0);
  XSync (display, False);
}

static gboolean
image_is_uniform (XImage        *image,
                  unsigned long *first,
                  gboolean      *have_first)
{
  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      {
        unsigned long pixel = XGetPixel (image, x, y);

        if (!*have_first)
          {
            *first = pixel;
            *have_first = TRUE;
          }
        else if (pixel != *first)
          return FALSE;
      }

  return TRUE;
}

/* Whether @window shows a single colour, as after a clear: sampled along
 * a row and two columns, which cross a header bar and the content of any
 * window drawn by GTK. A window that went away counts as blank.
 */
static gboolean
is_blank_sample (Display       *display,
                 Window         window,
                 int            x,
                 int            y,
                 int            width,
                 int            height,
                 unsigned long *first,
                 gboolean      *have_first)
{
  XImage *image;
  gboolean uniform;

  x_error_code = 0;
  image = XGetImage (display, window, x, y, width, height, AllPlanes, ZPixmap);
  if (image == NULL)
    return TRUE;

  uniform = image_is_uniform (image, first, have_first);
  XDestroyImage (image);
  return uniform;
}

static gboolean
window_is_blank (Display *display,
                 Window   window,
                 int      width,
                 int      height)
{
  unsigned long first = 0;
  gboolean have_first = FALSE;

  if (width <= 0 || height <= 0)
    return TRUE;

  return is_blank_sample (display, window, 0, height / 2, width, 1, &first, &have_first) &&
         is_blank_sample (display, window, width / 2, 0, 1, height, &first, &have_first) &&
         is_blank_sample (display, window, width / 4, 0, 1, height, &first, &have_first);
}

/* Whether a newly mapped top-level is the program's window. */
static gboolean
is_program_window (Display *display,
                   Window   window,
                   pid_t    program,
                   Run     *run)
{
  XWindowAttributes attributes;
  pid_t owner;

  x_error_code = 0;
  if (!XGetWindowAttributes (display, window, &attributes) || x_error_code != 0)
    return FALSE;
  if (attributes.override_redirect)
    return FALSE;

  /* Orphans of the program are handed to this process, their subreaper;
   * only this run's processes are its children.
   */
  owner = window_pid (display, window);
  if (owner != 0 && !is_descendant (owner, program) && !is_descendant (owner, getpid ()))
    return FALSE;
  if (owner == 0 && (attributes.width <= MIN_SIZE || attributes.height <= MIN_SIZE))
    return FALSE;

  run->window = window;
  run->window_pid = owner;
  run->width = attributes.width;
  run->height = attributes.height;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* A run                                                                */
/* ------------------------------------------------------------------ */

static void
run_once (Display *display,
          int      damage_event_base,
          char   **argv,
          double   timeout_s,
          double   settle_s,
          Run     *run)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  Window root = DefaultRootWindow (display);
  gboolean reaped = FALSE;
  int wait_status = 0;
  double t0, deadline;
  pid_t pid;

  memset (run, 0, sizeof *run);
  run->map_ms = run->damage_ms = run->frame_ms = run->hwm_mib = NAN;

  /* Nothing from before this run. */
  XSync (display, True);

  t0 = now_ms ();
  pid = start_program (argv, &run->exec_errno);
  if (pid == 0)
    {
      run->status = RUN_EXEC_FAILED;
      return;
    }
  run->pid = pid;

  deadline = t0 + timeout_s * 1000;
  run->status = RUN_TIMEOUT;

  while (isnan (run->frame_ms))
    {
      struct pollfd pfd = { .fd = ConnectionNumber (display), .events = POLLIN };
      double left = deadline - now_ms ();

      if (interrupted)
        {
          run->status = RUN_INTERRUPTED;
          break;
        }

      /* A program may leave its window to a child and exit itself; the run
       * has failed only once the window can no longer come.
       */
      if (!reaped && waitpid (pid, &wait_status, WNOHANG) == pid)
        reaped = TRUE;
      if (reaped && (!has_children () ||
                     (run->window != None && (run->window_pid == 0 || run->window_pid == pid))))
        {
          run->status = RUN_DIED;
          break;
        }

      if (left <= 0)
        break;

      if (XPending (display) == 0)
        {
          poll (&pfd, 1, MIN (POLL_MS, (int) ceil (left)));
          continue;
        }

      while (XPending (display) > 0 && isnan (run->frame_ms))
        {
          XEvent event;
          double t;

          XNextEvent (display, &event);
          t = now_ms ();

          if (event.type == CreateNotify && event.xcreatewindow.parent == root &&
              !event.xcreatewindow.override_redirect &&
              find_candidate (candidates, event.xcreatewindow.window) == NULL)
            {
              Candidate candidate = { .window = event.xcreatewindow.window };

              g_array_append_val (candidates, candidate);
            }
          else if (event.type == MapNotify && event.xmap.event == root &&
                   run->window == None && !event.xmap.override_redirect)
            {
              Window window = event.xmap.window;
              Candidate *candidate = find_candidate (candidates, window);

              /* Only windows created since the start. */
              if (candidate == NULL || !is_program_window (display, window, pid, run))
                continue;

              run->map_ms = t - t0;
              candidate->mapped = TRUE;

              /* Only now, so that the X server painting the background as
               * it maps the window is no frame of the program's.
               */
              if (candidate->damage != None)
                XDamageDestroy (display, candidate->damage);
              x_error_code = 0;
              candidate->damage = XDamageCreate (display, window, XDamageReportRawRectangles);
              XSync (display, False);
              if (x_error_code != 0)
                {
                  candidate->damage = None;
                  run->window = None;
                  run->window_pid = 0;
                  run->map_ms = NAN;
                }
            }
          else if (event.type == UnmapNotify && event.xunmap.window == run->window)
            {
              /* Mapped and unmapped before anything was drawn: not it. */
              run->window = None;
              run->window_pid = 0;
              run->map_ms = run->damage_ms = NAN;
            }
          else if (event.type == DestroyNotify && event.xdestroywindow.window == run->window)
            {
              run->window = None;
              run->window_pid = 0;
              run->map_ms = run->damage_ms = NAN;
            }
          else if (event.type == damage_event_base + XDamageNotify)
            {
              XDamageNotifyEvent *damage = (XDamageNotifyEvent *) &event;
              Candidate *candidate;

              if (damage->drawable != run->window || run->window == None)
                continue;

              candidate = find_candidate (candidates, run->window);
              if (candidate == NULL || !candidate->mapped)
                continue;

              if (isnan (run->damage_ms))
                run->damage_ms = t - t0;

              /* Toolkits clear a window before they draw the first frame. */
              if (window_is_blank (display, run->window, damage->geometry.width, damage->geometry.height))
                continue;

              run->frame_ms = t - t0;
              run->status = RUN_OK;
            }
        }
    }

  forget_candidates (display, candidates);

  /* Peak memory, once the program has settled. */
  if (run->status == RUN_OK)
    {
      pid_t measured = run->window_pid != 0 ? run->window_pid : pid;
      double until = now_ms () + settle_s * 1000;

      while (now_ms () < until && !interrupted)
        {
          if (!reaped && waitpid (pid, &wait_status, WNOHANG) == pid)
            reaped = TRUE;
          if (reaped && measured == pid)
            break;
          g_usleep (POLL_MS * 1000);
        }

      if (interrupted)
        run->status = RUN_INTERRUPTED;
      else
        run->hwm_mib = peak_rss_mib (measured);

      /* Dying while settling is a failure too: the figure would be of a
       * program that did not stay up.
       */
      if (isnan (run->hwm_mib) && run->status == RUN_OK)
        run->status = RUN_DIED;
    }

  if (run->status == RUN_DIED && reaped)
    {
      run->exited = TRUE;
      run->exit_code = wait_status;
    }

  end_program (pid, &reaped, &wait_status);

  /* Whatever the X server still holds for us from this run. */
  XSync (display, True);
}

static char *
describe_exit (int wait_status)
{
  if (WIFEXITED (wait_status))
    return g_strdup_printf ("exit=%d", WEXITSTATUS (wait_status));
  if (WIFSIGNALED (wait_status))
    return g_strdup_printf ("signal=%d", WTERMSIG (wait_status));
  return g_strdup ("exit=unknown");
}

static void
print_run (const char *label,
           guint       number,
           const Run  *run)
{
  g_autofree char *exit_text = NULL;

  switch (run->status)
    {
    case RUN_OK:
      printf ("%s run %u: mapped %.1f ms, first damage %.1f ms, first frame %.1f ms, peak RSS %.1f MiB (%dx%d)\n",
              label, number, run->map_ms, run->damage_ms, run->frame_ms, run->hwm_mib, run->width, run->height);
      break;

    case RUN_EXEC_FAILED:
      printf ("%s run %u: could not start: %s\n", label, number, g_strerror (run->exec_errno));
      break;

    case RUN_DIED:
      exit_text = run->exited ? describe_exit (run->exit_code) : g_strdup ("its window's process ended");
      printf ("%s run %u: the program ended before %s (%s)\n", label, number,
              isnan (run->map_ms) ? "mapping a window" : isnan (run->frame_ms) ? "drawing a frame" : "its memory was read",
              exit_text);
      break;

    case RUN_TIMEOUT:
      printf ("%s run %u: timed out before %s\n", label, number,
              isnan (run->map_ms) ? "mapping a window" : "drawing a frame");
      break;

    case RUN_INTERRUPTED:
      printf ("%s run %u: interrupted\n", label, number);
      break;
    }

  printf ("RESULT label=%s run=%u status=%s pid=%d window=0x%lx size=%dx%d map_ms=%.1f damage_ms=%.1f "
          "frame_ms=%.1f peak_rss_mib=%.1f",
          label, number, status_names[run->status], (int) run->pid, (unsigned long) run->window,
          run->width, run->height, run->map_ms, run->damage_ms, run->frame_ms, run->hwm_mib);
  if (run->status == RUN_DIED && run->exited)
    {
      g_autofree char *status_text = describe_exit (run->exit_code);

      printf (" %s", status_text);
    }
  printf ("\n");
  fflush (stdout);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return NAN;

  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

static double
minimum (GArray *values)
{
  double min = NAN;

  for (guint i = 0; i < values->len; i++)
    if (isnan (min) || g_array_index (values, double, i) < min)
      min = g_array_index (values, double, i);

  return min;
}

static void
print_summary (const char *label,
               const Run  *runs,
               guint       n_runs)
{
  g_autoptr(GArray) map = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rss = g_array_new (FALSE, FALSE, sizeof (double));
  double map_median, map_min, frame_median, frame_min, rss_median;

  for (guint i = 0; i < n_runs; i++)
    {
      if (runs[i].status != RUN_OK)
        continue;
      g_array_append_val (map, runs[i].map_ms);
      g_array_append_val (frame, runs[i].frame_ms);
      g_array_append_val (rss, runs[i].hwm_mib);
    }

  map_min = minimum (map);
  frame_min = minimum (frame);
  map_median = median (map);
  frame_median = median (frame);
  rss_median = median (rss);

  printf ("%s: %u of %u runs ok; first frame median %.1f ms, min %.1f ms; "
          "mapped median %.1f ms, min %.1f ms; peak RSS median %.1f MiB\n",
          label, frame->len, n_runs, frame_median, frame_min, map_median, map_min, rss_median);
  printf ("SUMMARY label=%s runs=%u ok=%u frame_median_ms=%.1f frame_min_ms=%.1f "
          "map_median_ms=%.1f map_min_ms=%.1f peak_rss_median_mib=%.1f\n",
          label, n_runs, frame->len, frame_median, frame_min, map_median, map_min, rss_median);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree Run *runs = NULL;
  g_autofree char *label = NULL;
  Display *display;
  int damage_event_base, damage_error_base;
  double timeout_s = DEFAULT_TIMEOUT_S;
  double settle_s = DEFAULT_SETTLE_S;
  guint n_runs = DEFAULT_RUNS;
  guint n_ok = 0;
  guint n_done = 0;
  struct sigaction action = { .sa_handler = on_signal };
  int i;

  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      double value;

      if (strcmp (arg, "--") == 0)
        {
          i++;
          break;
        }
      else if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
        {
          usage (stdout);
          return EXIT_SUCCESS;
        }
      else if (i + 1 < argc && strcmp (arg, "--runs") == 0 && parse_double (argv[i + 1], 1, &value) &&
               value == floor (value) && value <= 1000)
        n_runs = (guint) value;
      else if (i + 1 < argc && strcmp (arg, "--timeout") == 0 && parse_double (argv[i + 1], 0.1, &value))
        timeout_s = value;
      else if (i + 1 < argc && strcmp (arg, "--settle") == 0 && parse_double (argv[i + 1], 0, &value))
        settle_s = value;
      else if (i + 1 < argc && strcmp (arg, "--label") == 0 && argv[i + 1][0] != '\0' &&
               strpbrk (argv[i + 1], " \t\n=") == NULL)
        {
          g_free (label);
          label = g_strdup (argv[i + 1]);
        }
      else
        {
          fprintf (stderr, "bench-startup: bad argument: %s\n", arg);
          usage (stderr);
          return 2;
        }
      i++;
    }

  if (i >= argc)
    {
      usage (stderr);
      return 2;
    }
  if (label == NULL)
    label = g_path_get_basename (argv[i]);

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "bench-startup: cannot open display \"%s\"\n", g_getenv ("DISPLAY") ?: "");
      return 1;
    }
  if (!XDamageQueryExtension (display, &damage_event_base, &damage_error_base))
    {
      fprintf (stderr, "bench-startup: the X server has no DAMAGE extension\n");
      return 1;
    }

  /* The started program must not inherit the connection. */
  fcntl (ConnectionNumber (display), F_SETFD, FD_CLOEXEC);
  XSetErrorHandler (on_x_error);
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, False);

  /* Orphans of the program come to us, so that none is left behind. */
  prctl (PR_SET_CHILD_SUBREAPER, 1);
  sigaction (SIGINT, &action, NULL);
  sigaction (SIGTERM, &action, NULL);
  sigaction (SIGHUP, &action, NULL);

  runs = g_new0 (Run, n_runs);
  for (guint r = 0; r < n_runs && !interrupted; r++)
    {
      run_once (display, damage_event_base, argv + i, timeout_s, settle_s, &runs[r]);
      print_run (label, r + 1, &runs[r]);
      n_done++;
      if (runs[r].status == RUN_OK)
        n_ok++;
      if (runs[r].status == RUN_EXEC_FAILED)
        break;
    }

  if (n_runs > 1)
    print_summary (label, runs, n_done);

  XCloseDisplay (display);

  if (interrupted)
    return 128 + interrupted;
  return n_ok == n_runs ? EXIT_SUCCESS : EXIT_FAILURE;
}
