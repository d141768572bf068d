/* See tmpfiles.h.  The slots hold pointers that the main program sets
   (registration) and clears (before rename or unlink); the handler reads
   each slot once, so at worst it unlinks a name that was just renamed
   away (ENOENT, harmless) and never a file the program committed, because
   the slot is cleared before the rename. */
#include <signal.h>
#include <stddef.h>
#include <unistd.h>

#include "core/tmpfiles.h"

#define SLOTS 32

static const char *volatile slots[SLOTS];
static volatile sig_atomic_t installed;

static const int signals[] = {SIGINT, SIGTERM, SIGHUP};

void rs_tmpfiles_unlink_all(void)
{
    int i;
    for (i = 0; i < SLOTS; i++) {
        const char *p = slots[i];
        if (p != NULL)
            unlink(p);
    }
}

static void on_signal(int sig)
{
    struct sigaction sa;
    rs_tmpfiles_unlink_all();
    /* die of the same signal, so that the parent sees it */
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(sig, &sa, NULL);
    raise(sig);
}

static void install(void)
{
    size_t i;
    installed = 1;
    for (i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction old, sa;
        if (sigaction(signals[i], NULL, &old) != 0 || old.sa_handler != SIG_DFL)
            continue;
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        /* the other two signals wait while the handler runs */
        sigaddset(&sa.sa_mask, SIGINT);
        sigaddset(&sa.sa_mask, SIGTERM);
        sigaddset(&sa.sa_mask, SIGHUP);
        sa.sa_flags = SA_RESETHAND;
        sigaction(signals[i], &sa, NULL);
    }
}

int rs_tmpfiles_add(const char *path)
{
    int i;
    if (!installed)
        install();
    for (i = 0; i < SLOTS; i++)
        if (slots[i] == NULL) {
            slots[i] = path;
            return 0;
        }
    return -1;
}

void rs_tmpfiles_remove(const char *path)
{
    int i;
    for (i = 0; i < SLOTS; i++)
        if (slots[i] == path)
            slots[i] = NULL;
}
