/* The process's named temporary output files, removed when the process is
   ended by SIGINT, SIGTERM or SIGHUP, or by the out-of-memory handler.
   Not installed.

   This is process-wide state by necessity: a signal handler can only reach
   what is global.  Everything the handler touches is a fixed array of
   pointers set and cleared before and after the file exists under that
   name, and it calls only unlink(2), sigaction(2) and raise(3), which are
   async-signal-safe. */
#ifndef RS_CORE_TMPFILES_H
#define RS_CORE_TMPFILES_H

/* Registers path (which must stay valid until unregistered) for removal;
   installs the signal handlers on first use (a signal the process ignores
   stays ignored, a handler someone else installed is kept).  Returns 0, or
   -1 if every slot is taken (then nothing removes the file on a signal). */
int rs_tmpfiles_add(const char *path);
/* Forgets path (pointer comparison); call it before renaming or unlinking
   the file. */
void rs_tmpfiles_remove(const char *path);
/* Unlinks every registered file; async-signal-safe.  Called by the signal
   handler and by the out-of-memory handler before _exit. */
void rs_tmpfiles_unlink_all(void);

#endif
