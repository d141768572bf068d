/* The basis flow diagram, as Graphviz DOT and as plain text. */
#include <string.h>

#include "flow/flow_internal.h"

/* Node name of strand s at layer k: the vector v_s^(k) where s lives, the
   death mark at death + 1, an invisible placeholder elsewhere, so that
   every strand keeps one row of the grid. */
static void node_name(char *buf, size_t n, const rs_flow_t F, slong s, slong k)
{
    if (rs_flow_lives(F, s, k))
        snprintf(buf, n, "v%ld_%ld", (long)s, (long)k);
    else if (k == F->death[s] + 1)
        snprintf(buf, n, "z%ld", (long)s);
    else
        snprintf(buf, n, "p%ld_%ld", (long)s, (long)k);
}

void rs_flow_fprint_dot(FILE *f, const rs_flow_t F)
{
    slong L = F->L, k, s;
    char a[64], b[64];
    fprintf(f, "digraph flow {\n"
               "  rankdir=LR; nodesep=0.12; ranksep=0.5; newrank=true;\n"
               "  node [shape=circle, width=0.3, fixedsize=true, "
               "fontsize=10, style=filled, fillcolor=\"#dde6f5\"];\n"
               "  edge [arrowsize=0.6];\n");
    /* one column per layer: a header, then one row per strand */
    for (k = 0; k <= L; k++) {
        fprintf(f,
                "  subgraph layer%ld {\n    rank=same;\n    h%ld "
                "[shape=plaintext, style=\"\", fixedsize=false, "
                "label=\"layer %ld\"];\n",
                (long)k, (long)k, (long)k);
        for (s = 0; s < F->num; s++) {
            node_name(a, sizeof a, F, s, k);
            if (rs_flow_lives(F, s, k))
                fprintf(f,
                        "    %s [label=\"%ld\", group=s%ld, "
                        "tooltip=\"v_%ld^(%ld), strand %ld on "
                        "[%ld,%ld]\"];\n",
                        a, (long)s, (long)s, (long)s, (long)k, (long)s,
                        (long)F->birth[s], (long)F->death[s]);
            else if (k == F->death[s] + 1)
                fprintf(f,
                        "    %s [shape=plaintext, style=\"\", label=\"0\", "
                        "group=s%ld, fontcolor=\"#b03030\"];\n",
                        a, (long)s);
            else
                fprintf(f, "    %s [style=invis, label=\"\", group=s%ld];\n", a,
                        (long)s);
        }
        /* fixes the order of the rows within the column */
        fprintf(f, "    h%ld", (long)k);
        for (s = 0; s < F->num; s++) {
            node_name(a, sizeof a, F, s, k);
            fprintf(f, " -> %s", a);
        }
        fprintf(f, " [style=invis];\n  }\n");
    }
    for (k = 0; k < L; k++)
        fprintf(f, "  h%ld -> h%ld [style=invis];\n", (long)k, (long)(k + 1));
    for (s = 0; s < F->num; s++)
        for (k = 0; k < L; k++) {
            node_name(a, sizeof a, F, s, k);
            node_name(b, sizeof b, F, s, k + 1);
            if (rs_flow_lives(F, s, k) && rs_flow_lives(F, s, k + 1))
                fprintf(f, "  %s -> %s;\n", a, b);
            else if (rs_flow_lives(F, s, k))
                fprintf(f,
                        "  %s -> %s [arrowhead=tee, "
                        "color=\"#b03030\"];\n",
                        a, b);
            else
                fprintf(f, "  %s -> %s [style=invis];\n", a, b);
        }
    fprintf(f, "}\n");
}

void rs_flow_fprint_diagram(FILE *f, const rs_flow_t F, const char *indent)
{
    slong L = F->L, k, s, w = 0;
    char buf[96];
    /* width of the "sN [a,b]" column */
    for (s = 0; s < F->num; s++) {
        int n = snprintf(buf, sizeof buf, "s%ld [%ld,%ld]", (long)s,
                         (long)F->birth[s], (long)F->death[s]);
        w = FLINT_MAX(w, n);
    }
    w = FLINT_MAX(w, 5);
    fprintf(f, "%s%-*s", indent, (int)w, "layer");
    for (k = 0; k <= L; k++) /* each column is 6 wide: "o --> " */
        fprintf(f, k < L ? "  %-4ld" : "  %ld", (long)k);
    fputc('\n', f);
    for (s = 0; s < F->num; s++) {
        snprintf(buf, sizeof buf, "s%ld [%ld,%ld]", (long)s, (long)F->birth[s],
                 (long)F->death[s]);
        fprintf(f, "%s%-*s  ", indent, (int)w, buf);
        for (k = 0; k < F->birth[s]; k++)
            fprintf(f, "      ");
        for (k = F->birth[s]; k <= F->death[s]; k++) {
            fputc('o', f);
            if (k < F->death[s])
                fprintf(f, " --> ");
            else if (k < L)
                fprintf(f, " --x");
        }
        fputc('\n', f);
    }
}
