"""Pictures for notebooks: Graphviz DOT, rendered to SVG by `dot`.

The one place that turns a diagram into SVG (svg()); the rest of the
package only builds DOT text."""

import html
import subprocess

from . import _lib


def svg(dot_source):
    """SVG text of a DOT graph, by Graphviz's `dot` (Debian: graphviz)."""
    try:
        r = subprocess.run(["dot", "-Tsvg"], input=dot_source.encode("utf-8"), capture_output=True, check=False)
    except FileNotFoundError:
        raise RuntimeError("drawing needs Graphviz 'dot' (Debian: apt-get install graphviz)") from None
    if r.returncode != 0:
        raise RuntimeError("dot failed: " + r.stderr.decode("utf-8", "replace").strip())
    return r.stdout.decode("utf-8")


def hasse_dot(h):
    """DOT source of a Hasse diagram: one node per stratum (its barcode and
    dimension), upper strata above, an edge from each stratum to those it
    covers."""
    lines = ["digraph hasse {", "  rankdir=TB;", '  node [shape=box, fontname="Helvetica"];']
    for s in h.strata:
        label = "%d: %s\\ndim %d" % (s.id, html.escape(str(s.barcode)), s.dim)
        lines.append('  s%d [label="%s"];' % (s.id, label))
    for lo, up in h.covers:
        lines.append("  s%d -> s%d;" % (up, lo))
    lines.append("}")
    return "\n".join(lines) + "\n"


class FlowDiagram:
    """The basis flow diagram of a network (SVG in notebooks); .dot is its
    Graphviz source, written by the library."""

    def __init__(self, net):
        text = net.text()
        self.dot = _lib.call("rs_doc_flow_dot", _lib.cstr(text), len(text), _lib.cstr("net"))

    def _repr_svg_(self):
        return svg(self.dot)
