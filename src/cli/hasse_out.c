/* The Hasse diagram of the closure order as Graphviz DOT, as TikZ (with a
   layered layout of its own: levels by dimension, order within a level by
   a few barycenter sweeps) and as SVG rendered by Graphviz `dot`. */
#include <errno.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/hasse_out.h"
#include "cli/strata_out.h"

extern char **environ;

static void wbuf_dims(rs_wbuf *w, const rs_strata_t S)
{
    rs_wbuf_fiber(w, S->r, S->d, S->L);
}

void rs_hasse_print_dot(FILE *f, const rs_strata_t S, const rs_covers_t C)
{
    rs_wbuf w;
    rs_barcode_t B;
    slong id, k, start;
    rs_wbuf_init(&w, f);
    rs_barcode_init(B, S->L);
    rs_wbuf_str(&w, "// Hasse diagram of the closure order on the strata of "
                    "the fiber of a\n// ");
    wbuf_dims(&w, S);
    rs_wbuf_str(&w, ".  Node sN is stratum N of\n// 'rankstrat strata' "
                    "(same ids); each edge goes up from a stratum to one\n"
                    "// whose closure contains it, with nothing in between."
                    "\ndigraph hasse {\n  rankdir=BT;\n"
                    "  node [shape=box, fontname=\"Helvetica\", "
                    "fontsize=10];\n  edge [arrowhead=none];\n");
    for (id = 0; id < S->n; id++) {
        rs_strata_get_barcode(B, S, id);
        rs_wbuf_str(&w, "  s");
        rs_wbuf_slong(&w, id);
        rs_wbuf_str(&w, " [label=\"");
        rs_wbuf_barcode(&w, B, " + ");
        rs_wbuf_str(&w, "\\ndim ");
        rs_wbuf_slong(&w, rs_strata_dim(S, id));
        rs_wbuf_str(&w, "\"];\n");
    }
    /* strata are sorted by dimension: one group per run */
    for (start = 0; start < S->n; start = id) {
        for (id = start; id < S->n && S->dim[id] == S->dim[start]; id++)
            ;
        rs_wbuf_str(&w, "  {rank=same;");
        for (k = start; k < id; k++) {
            rs_wbuf_str(&w, " s");
            rs_wbuf_slong(&w, k);
            rs_wbuf_char(&w, ';');
        }
        rs_wbuf_str(&w, "}\n");
    }
    for (k = 0; k < C->n; k++) {
        rs_wbuf_str(&w, "  s");
        rs_wbuf_slong(&w, rs_covers_lower(C, k));
        rs_wbuf_str(&w, " -> s");
        rs_wbuf_slong(&w, rs_covers_upper(C, k));
        rs_wbuf_str(&w, ";\n");
    }
    rs_wbuf_str(&w, "}\n");
    rs_barcode_clear(B);
    rs_wbuf_clear(&w);
}

/* ---- TikZ ------------------------------------------------------------ */

typedef struct {
    double key;
    slong pos, id;
} slot_key;

static int cmp_slot(const void *a, const void *b)
{
    const slot_key *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->pos < y->pos ? -1 : (x->pos > y->pos);
}

/* Reorders the nodes of each level by the mean position of their
   neighbours one level away (below when up = 1, else above). */
static void barycenter_sweep(slong *order, slong *pos, const slong *lstart,
                             slong nlev, const slong *adj_off, const slong *adj,
                             int up)
{
    slong l, k, j;
    for (l = up ? 1 : nlev - 2; up ? l < nlev : l >= 0; l += up ? 1 : -1) {
        slong a = lstart[l], b = lstart[l + 1];
        slot_key *s = flint_malloc((b - a + 1) * sizeof(slot_key));
        for (k = a; k < b; k++) {
            slong v = order[k], cnt = 0;
            double sum = 0.0;
            for (j = adj_off[v]; j < adj_off[v + 1]; j++) {
                sum += (double)pos[adj[j]];
                cnt++;
            }
            s[k - a].key = cnt ? sum / (double)cnt : (double)pos[v];
            s[k - a].pos = pos[v];
            s[k - a].id = v;
        }
        qsort(s, b - a, sizeof(slot_key), cmp_slot);
        for (k = a; k < b; k++) {
            order[k] = s[k - a].id;
            pos[s[k - a].id] = k - a;
        }
        flint_free(s);
    }
}

void rs_hasse_print_tikz(FILE *f, const rs_strata_t S, const rs_covers_t C)
{
    rs_wbuf w;
    rs_barcode_t B;
    slong n = S->n, id, k, l, nlev = 0, maxlen = 1, it;
    slong *level = flint_malloc((n + 1) * sizeof(slong));
    slong *lstart = flint_malloc((n + 2) * sizeof(slong));
    slong *order = flint_malloc((n + 1) * sizeof(slong));
    slong *pos = flint_malloc((n + 1) * sizeof(slong));
    slong *down_off = flint_calloc(n + 2, sizeof(slong));
    slong *up_off = flint_calloc(n + 2, sizeof(slong));
    slong *down = flint_malloc((C->n + 1) * sizeof(slong));
    slong *up = flint_malloc((C->n + 1) * sizeof(slong));
    char buf[64];
    double xsep;

    /* levels: runs of equal dimension, lowest dimension first (ids are
       sorted by decreasing dimension) */
    for (id = n - 1; id >= 0; id--) {
        if (id == n - 1 || S->dim[id] != S->dim[id + 1])
            lstart[nlev++] = n - 1 - id;
        level[id] = nlev - 1;
        order[n - 1 - id] = id;
    }
    lstart[nlev] = n;
    /* within a level start from the sorted order */
    for (l = 0; l < nlev; l++) {
        slong a = lstart[l], b = lstart[l + 1];
        for (k = a; k < (a + b) / 2; k++) {
            slong t = order[k];
            order[k] = order[a + b - 1 - k];
            order[a + b - 1 - k] = t;
        }
        for (k = a; k < b; k++)
            pos[order[k]] = k - a;
    }
    /* adjacency: down[v] = strata v covers, up[v] = strata covering v */
    for (k = 0; k < C->n; k++) {
        down_off[rs_covers_upper(C, k) + 1]++;
        up_off[rs_covers_lower(C, k) + 1]++;
    }
    for (id = 0; id < n; id++) {
        down_off[id + 1] += down_off[id];
        up_off[id + 1] += up_off[id];
    }
    {
        slong *fd = flint_malloc((n + 1) * sizeof(slong));
        slong *fu = flint_malloc((n + 1) * sizeof(slong));
        memcpy(fd, down_off, n * sizeof(slong));
        memcpy(fu, up_off, n * sizeof(slong));
        for (k = 0; k < C->n; k++) {
            down[fd[rs_covers_upper(C, k)]++] = rs_covers_lower(C, k);
            up[fu[rs_covers_lower(C, k)]++] = rs_covers_upper(C, k);
        }
        flint_free(fd);
        flint_free(fu);
    }
    for (it = 0; it < 4; it++) {
        barycenter_sweep(order, pos, lstart, nlev, down_off, down, 1);
        barycenter_sweep(order, pos, lstart, nlev, up_off, up, 0);
    }

    rs_barcode_init(B, S->L);
    for (id = 0; id < n; id++) {
        rs_strata_get_barcode(B, S, id);
        maxlen = FLINT_MAX(maxlen, rs_cli_barcode_text_len(B));
    }
    /* about 0.12 cm per character of \scriptsize math, and a margin */
    xsep = 0.12 * (double)maxlen + 0.6;

    rs_wbuf_init(&w, f);
    rs_wbuf_str(&w, "% Hasse diagram of the closure order on the strata of "
                    "the fiber of a\n% ");
    wbuf_dims(&w, S);
    rs_wbuf_str(&w, " (rankstrat hasse); S_k is row k of the\n% LaTeX "
                    "table of 'rankstrat strata'.  A tikzpicture; for a "
                    "standalone\n% document: \\documentclass[tikz]"
                    "{standalone} \\begin{document}\n% \\input{THIS FILE} "
                    "\\end{document}\n");
    rs_wbuf_str(&w, "\\begin{tikzpicture}[x=1cm, y=1.5cm, every node/.style="
                    "{draw, rounded corners=2pt,\n    align=center, "
                    "font=\\scriptsize, inner sep=2pt}]\n");
    for (id = 0; id < n; id++) {
        slong cnt = lstart[level[id] + 1] - lstart[level[id]];
        rs_strata_get_barcode(B, S, id);
        rs_wbuf_str(&w, "\\node (s");
        rs_wbuf_slong(&w, id);
        snprintf(buf, sizeof buf, ") at (%.3f,%ld) {$S_{",
                 xsep * ((double)pos[id] - (double)(cnt - 1) / 2.0),
                 (long)level[id]);
        rs_wbuf_str(&w, buf);
        rs_wbuf_slong(&w, id + 1);
        rs_wbuf_str(&w, "}$: $");
        rs_wbuf_barcode(&w, B, "+");
        rs_wbuf_str(&w, "$\\\\ $\\dim = ");
        rs_wbuf_slong(&w, rs_strata_dim(S, id));
        rs_wbuf_str(&w, "$};\n");
    }
    for (k = 0; k < C->n; k++) {
        rs_wbuf_str(&w, "\\draw (s");
        rs_wbuf_slong(&w, rs_covers_lower(C, k));
        rs_wbuf_str(&w, ") -- (s");
        rs_wbuf_slong(&w, rs_covers_upper(C, k));
        rs_wbuf_str(&w, ");\n");
    }
    rs_wbuf_str(&w, "\\end{tikzpicture}\n");
    rs_wbuf_clear(&w);
    rs_barcode_clear(B);
    flint_free(level);
    flint_free(lstart);
    flint_free(order);
    flint_free(pos);
    flint_free(down_off);
    flint_free(up_off);
    flint_free(down);
    flint_free(up);
}

/* ---- SVG ------------------------------------------------------------- */

static int dot_missing(rs_error_t err)
{
    return rs_error_set(err, RS_EINPUT,
                        "--format svg: Graphviz 'dot' was not found on PATH; "
                        "install Graphviz (Debian: apt-get install graphviz) "
                        "or use --format dot");
}

/* Runs `dot -Tsvg` with standard input `in` and output `svg`, both
   temporary files, without a shell. */
static int run_dot(FILE *in, FILE *svg, rs_error_t err)
{
    posix_spawn_file_actions_t fa;
    char *argv[] = {"dot", "-Tsvg", NULL};
    pid_t pid;
    int rc, wstatus;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fileno(in), 0);
    posix_spawn_file_actions_adddup2(&fa, fileno(svg), 1);
    rc = posix_spawnp(&pid, "dot", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc == ENOENT)
        return dot_missing(err);
    if (rc != 0)
        return rs_error_set(err, RS_EINPUT,
                            "--format svg: cannot run Graphviz 'dot': %s",
                            strerror(rc));
    while (waitpid(pid, &wstatus, 0) < 0)
        if (errno != EINTR)
            return rs_error_set(err, RS_EINTERNAL,
                                "internal error: --format svg: waitpid: %s",
                                strerror(errno));
    if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 127)
        return dot_missing(err);
    if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0)
        return rs_error_set(err, RS_EINTERNAL,
                            "internal error: --format svg: Graphviz 'dot' "
                            "failed on the Hasse diagram");
    return RS_OK;
}

int rs_hasse_write_svg(FILE *out, const rs_strata_t S, const rs_covers_t C,
                       rs_error_t err)
{
    FILE *in = tmpfile(), *svg = tmpfile();
    int status = RS_OK;
    char buf[65536];
    size_t got;

    if (in == NULL || svg == NULL)
        status = rs_error_set(err, RS_EINPUT,
                              "--format svg: cannot create a temporary "
                              "file: %s",
                              strerror(errno));
    if (status == RS_OK) {
        rs_hasse_print_dot(in, S, C);
        if (fflush(in) != 0 || fseek(in, 0, SEEK_SET) != 0)
            status = rs_error_set(err, RS_EINPUT,
                                  "--format svg: cannot write a temporary "
                                  "file: %s",
                                  strerror(errno));
    }
    if (status == RS_OK)
        status = run_dot(in, svg, err);
    /* only a complete rendering reaches the output */
    if (status == RS_OK && fseek(svg, 0, SEEK_SET) == 0)
        while ((got = fread(buf, 1, sizeof buf, svg)) > 0)
            fwrite(buf, 1, got, out);
    if (in != NULL)
        fclose(in);
    if (svg != NULL)
        fclose(svg);
    return status;
}
