/* The Hasse figure as one self-contained HTML page: the SVG of svg.c
   inline, the strata and covers as JSON, and a script (no external
   resource, nothing fetched) for pan (drag), zoom (wheel), search by id
   or by a barcode in any printed form, and a detail panel on click with
   the barcode's glyph, rank list, dimension and components, the closure
   and star highlighted.  With the fragment #selftest the page checks
   itself (every stratum present, a real click, the highlights against
   rank dominance, search) and appends <pre id="rs-selftest">. */
#include <string.h>

#include "format/figure.h"

static const char page_css[] =
    "html, body { margin: 0; height: 100%; font: 14px sans-serif; }\n"
    "body { display: flex; }\n"
    "#side { width: 320px; padding: 10px; box-sizing: border-box; "
    "border-right: 1px solid #ccc; overflow: auto; }\n"
    "#view { flex: 1; overflow: hidden; }\n"
    "#view svg { width: 100%; height: 100%; cursor: grab; user-select: none; "
    "}\n"
    "#side h1 { font-size: 15px; margin: 0 0 6px; }\n"
    "#side h2 { font-size: 16px; margin: 10px 0 4px; }\n"
    "#side input { width: 190px; }\n"
    "#rs-selftest { white-space: pre-wrap; }\n"
    "#rs-info, .note, #rs-msg { color: #555; font-size: 12px; }\n"
    ".bar { font-family: monospace; }\n"
    "#rs-detail table { border-collapse: collapse; margin-top: 6px; }\n"
    "#rs-detail th { text-align: left; padding-right: 10px; font-weight: "
    "normal; color: #555; }\n"
    ".legend span { display: inline-block; padding: 1px 5px; margin-right: "
    "4px; border: 1px solid #000; font-size: 12px; }\n"
    "svg.focus g.node { opacity: 0.35; }\n"
    "svg.focus g.node.sel, svg.focus g.node.closure, svg.focus g.node.star { "
    "opacity: 1; }\n"
    "g.node.sel rect { fill: #ffd54f; stroke-width: 2; }\n"
    "g.node.closure rect { fill: #bbdefb; }\n"
    "g.node.star rect { fill: #c8e6c9; }\n"
    "svg.focus path.edge { opacity: 0.25; }\n"
    "svg.focus path.edge.on { opacity: 1; stroke: #000; }\n"
    "g.node { cursor: pointer; }\n";

/* Split in pieces: C compilers need support only 4095 characters in a
   string literal. */
static const char *const page_js[] = {
    "(function () {\n"
    "  \"use strict\";\n"
    "  var D = JSON.parse(document.getElementById(\"rs-data\").textContent);\n"
    "  var svg = document.querySelector(\"#view svg\");\n"
    "  var n = D.strata.length, L = D.L;\n"
    "  var up = [], down = [], k, i;\n"
    "  for (k = 0; k < n; k++) { up.push([]); down.push([]); }\n"
    "  D.covers.forEach(function (c) { up[c[0]].push(c[1]); "
    "down[c[1]].push(c[0]); });\n"
    "  var nodes = [], edges = svg.querySelectorAll(\"path.edge\");\n"
    "  for (k = 0; k < n; k++) nodes.push(document.getElementById(\"S\" + "
    "k));\n"
    "\n"
    "  /* barcodes: the three printed forms, read into a canonical key */\n"
    "  function barText(b) {\n"
    "    if (!b.length) return \"-\";\n"
    "    return b.map(function (t) {\n"
    "      return (t[2] > 1 ? t[2] : \"\") + \"[\" + t[0] + \",\" + t[1] + "
    "\"]\";\n"
    "    }).join(\" + \");\n"
    "  }\n"
    "  function keyOf(b) {\n"
    "    var m = {};\n"
    "    b.forEach(function (t) { var s = t[0] + \"-\" + t[1]; m[s] = (m[s] || "
    "0) + t[2]; });\n"
    "    return Object.keys(m).sort().map(function (s) { return s + \"x\" + "
    "m[s]; }).join(\",\");\n"
    "  }\n"
    "  function parseBarcode(s) {\n"
    "    var b = [], re, m;\n"
    "    s = s.trim();\n"
    "    if (/^\\[\\s*[\\[\\]]/.test(s)) {\n"
    "      re = /\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\]/g;\n"
    "      while ((m = re.exec(s))) b.push([+m[1], +m[2], +m[3]]);\n"
    "    } else if (/^\\d*\\[/.test(s)) {\n"
    "      re = /(\\d*)\\[(\\d+),(\\d+)\\]/g;\n"
    "      while ((m = re.exec(s))) b.push([+m[2], +m[3], m[1] ? +m[1] : 1]);\n"
    "    } else {\n"
    "      re = /(\\d+)-(\\d+)(?:x(\\d+))?/g;\n"
    "      while ((m = re.exec(s))) b.push([+m[1], +m[2], m[3] ? +m[3] : 1]);\n"
    "    }\n"
    "    return b.length ? b : null;\n"
    "  }\n"
    "  var keys = D.strata.map(function (s) { return keyOf(s.barcode); });\n",
    "\n"
    "  /* pan and zoom on the viewBox */\n"
    "  var vb = svg.getAttribute(\"viewBox\").split(/\\s+/).map(Number), vb0 = "
    "vb.slice();\n"
    "  svg.removeAttribute(\"width\");\n"
    "  svg.removeAttribute(\"height\");\n"
    "  function setVB() { svg.setAttribute(\"viewBox\", vb.join(\" \")); }\n"
    "  /* a very wide diagram starts at full height, centred: pan sideways */\n"
    "  (function () {\n"
    "    var r = svg.getBoundingClientRect(), a = r.width / Math.max(r.height, "
    "1);\n"
    "    if (vb0[2] / vb0[3] > 3 * a) {\n"
    "      var w = vb0[3] * a;\n"
    "      vb = [vb0[0] + vb0[2] / 2 - w / 2, vb0[1], w, vb0[3]];\n"
    "      setVB();\n"
    "    }\n"
    "  })();\n"
    "  function toSvg(ev) {\n"
    "    var r = svg.getBoundingClientRect(), s = Math.max(vb[2] / r.width, "
    "vb[3] / r.height);\n"
    "    var ox = (r.width * s - vb[2]) / 2, oy = (r.height * s - vb[3]) / 2;\n"
    "    return [vb[0] - ox + (ev.clientX - r.left) * s, vb[1] - oy + "
    "(ev.clientY - r.top) * s, s];\n"
    "  }\n"
    "  svg.addEventListener(\"wheel\", function (ev) {\n"
    "    ev.preventDefault();\n"
    "    var p = toSvg(ev), f = ev.deltaY > 0 ? 1.2 : 1 / 1.2;\n"
    "    vb = [p[0] - (p[0] - vb[0]) * f, p[1] - (p[1] - vb[1]) * f, vb[2] * "
    "f, vb[3] * f];\n"
    "    setVB();\n"
    "  }, {passive: false});\n"
    "  var drag = null, moved = false;\n"
    "  svg.addEventListener(\"mousedown\", function (ev) { drag = toSvg(ev); "
    "moved = false; });\n"
    "  window.addEventListener(\"mousemove\", function (ev) {\n"
    "    if (!drag) return;\n"
    "    var p = toSvg(ev);\n"
    "    if (Math.abs(p[0] - drag[0]) + Math.abs(p[1] - drag[1]) > 2 * p[2]) "
    "moved = true;\n"
    "    vb[0] -= p[0] - drag[0];\n"
    "    vb[1] -= p[1] - drag[1];\n"
    "    setVB();\n"
    "  });\n"
    "  window.addEventListener(\"mouseup\", function () { drag = null; });\n"
    "  function zoomTo(k) {\n"
    "    var bb = nodes[k].getBBox(), w = Math.max(bb.width * 6, 400), h = w * "
    "vb[3] / vb[2];\n"
    "    vb = [bb.x + bb.width / 2 - w / 2, bb.y + bb.height / 2 - h / 2, w, "
    "h];\n"
    "    setVB();\n"
    "  }\n"
    "  document.getElementById(\"rs-fit\").onclick = function () { vb = "
    "vb0.slice(); setVB(); };\n"
    "\n"
    "  /* closure (below) and star (above) by the covers */\n"
    "  function reach(k, adj) {\n"
    "    var seen = new Uint8Array(n), st = [k], out = [], v;\n"
    "    seen[k] = 1;\n"
    "    while (st.length) {\n",
    "      v = st.pop();\n"
    "      adj[v].forEach(function (w) { if (!seen[w]) { seen[w] = 1; "
    "out.push(w); st.push(w); } });\n"
    "    }\n"
    "    return out;\n"
    "  }\n"
    "  function glyph(b) {\n"
    "    var gx = 22, gy = 7, rows = [], y, s, x0 = 6;\n"
    "    b.forEach(function (t) { for (var c = 0; c < (t[2] <= 4 ? t[2] : 1); "
    "c++) rows.push(t); });\n"
    "    var h = rows.length * gy + 20, w = L * gx + 40;\n"
    "    s = '<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"' + w + '\" "
    "height=\"' + h + '\">';\n"
    "    rows.forEach(function (t, r) {\n"
    "      y = 5 + r * gy;\n"
    "      if (t[0] === t[1]) s += '<circle cx=\"' + (x0 + t[0] * gx) + '\" "
    "cy=\"' + y + '\" r=\"2\"/>';\n"
    "      else s += '<line x1=\"' + (x0 + t[0] * gx) + '\" y1=\"' + y + '\" "
    "x2=\"' + (x0 + t[1] * gx) +\n"
    "        '\" y2=\"' + y + '\" stroke=\"#000\" stroke-width=\"2\"/>';\n"
    "      if (t[2] > 4) s += '<text x=\"' + (x0 + L * gx + 6) + '\" y=\"' + "
    "(y + 3) + '\" font-size=\"9\">\\u00d7' + t[2] + '</text>';\n"
    "    });\n"
    "    y = 5 + rows.length * gy;\n"
    "    s += '<line x1=\"' + x0 + '\" y1=\"' + y + '\" x2=\"' + (x0 + L * gx) "
    "+ '\" y2=\"' + y + '\" stroke=\"#888\"/>';\n"
    "    for (i = 0; i <= L; i++)\n"
    "      s += '<line x1=\"' + (x0 + i * gx) + '\" y1=\"' + (y - 2) + '\" "
    "x2=\"' + (x0 + i * gx) + '\" y2=\"' + (y + 2) +\n"
    "        '\" stroke=\"#888\"/><text x=\"' + (x0 + i * gx) + '\" y=\"' + (y "
    "+ 9) + '\" font-size=\"7\" text-anchor=\"middle\">' + i + '</text>';\n"
    "    return s + \"</svg>\";\n"
    "  }\n"
    "  var panel = document.getElementById(\"rs-detail\");\n"
    "  function esc(s) { return String(s).replace(/&/g, "
    "\"&amp;\").replace(/</g, \"&lt;\"); }\n"
    "  function select(k) {\n"
    "    var below = reach(k, down), above = reach(k, up), cls = new "
    "Array(n).fill(\"\");\n"
    "    below.forEach(function (v) { cls[v] = \" closure\"; });\n"
    "    above.forEach(function (v) { cls[v] = \" star\"; });\n"
    "    cls[k] = \" sel\";\n"
    "    svg.classList.add(\"focus\");\n"
    "    for (i = 0; i < n; i++) nodes[i].setAttribute(\"class\", \"node\" + "
    "cls[i]);\n"
    "    for (i = 0; i < edges.length; i++) {\n"
    "      var a = +edges[i].getAttribute(\"data-lower\"), c = "
    "+edges[i].getAttribute(\"data-upper\");\n"
    "      edges[i].setAttribute(\"class\", \"edge\" + ((cls[a] && cls[c]) ? "
    "\" on\" : \"\"));\n"
    "    }\n"
    "    var s = D.strata[k];\n"
    "    panel.innerHTML = \"<h2>S\" + k + \"</h2>\" +\n"
    "      \"<p class=bar>\" + esc(barText(s.barcode)) + \"</p>\" + "
    "glyph(s.barcode) +\n",
    "      \"<table><tr><th>rank list</th><td>(\" + s.ranks.map(function (t) { "
    "return t[2]; }).join(\",\") + \")</td></tr>\" +\n"
    "      \"<tr><th>dim</th><td>\" + s.dim + "
    "\"</td></tr><tr><th>codim</th><td>\" + s.codim + \"</td></tr>\" +\n"
    "      \"<tr><th>components</th><td>\" + s.components + \"</td></tr>\" +\n"
    "      \"<tr><th>closure</th><td>\" + below.length + \" strata "
    "below</td></tr>\" +\n"
    "      \"<tr><th>star</th><td>\" + above.length + \" strata "
    "above</td></tr></table>\" +\n"
    "      \"<p class=note>rank list order: \" + D.rank_order + \"</p>\";\n"
    "    panel.setAttribute(\"data-selected\", k);\n"
    "    panel.setAttribute(\"data-closure\", below.length);\n"
    "    panel.setAttribute(\"data-star\", above.length);\n"
    "  }\n"
    "  svg.addEventListener(\"click\", function (ev) {\n"
    "    if (moved) return;\n"
    "    var g = ev.target.closest ? ev.target.closest(\"g.node\") : null;\n"
    "    if (g) select(+g.id.slice(1));\n"
    "  });\n"
    "\n"
    "  /* search: S12 or 12 for an id, or a barcode in any printed form */\n"
    "  var q = document.getElementById(\"rs-q\"), msg = "
    "document.getElementById(\"rs-msg\");\n"
    "  function search() {\n"
    "    var s = q.value.trim(), m = /^S?(\\d+)$/i.exec(s), k = -1, b;\n"
    "    if (m && +m[1] < n) k = +m[1];\n"
    "    else if ((b = parseBarcode(s))) k = keys.indexOf(keyOf(b));\n"
    "    if (k < 0 && s) {\n"
    "      for (i = 0; i < n; i++) if (barText(D.strata[i].barcode).indexOf(s) "
    ">= 0) { k = i; break; }\n"
    "    }\n"
    "    msg.textContent = k < 0 ? (s ? \"no stratum matches\" : \"\") : "
    "\"\";\n"
    "    if (k >= 0) { select(k); zoomTo(k); }\n"
    "  }\n"
    "  document.getElementById(\"rs-go\").onclick = search;\n"
    "  q.addEventListener(\"keydown\", function (ev) { if (ev.key === "
    "\"Enter\") search(); });\n"
    "  document.getElementById(\"rs-info\").textContent = n + \" strata, \" + "
    "D.covers.length +\n"
    "    \" covers; page ready \" + Math.round(performance.now()) + \" ms "
    "after loading began\";\n"
    "\n"
    "  /* #selftest: checks the page against its data and writes the result "
    "*/\n"
    "  if (location.hash === \"#selftest\") {\n"
    "    var out = [], ok = true, fail = function (s) { ok = false; "
    "out.push(\"FAIL \" + s); };\n"
    "    if (svg.querySelectorAll(\"g.node\").length !== n) fail(\"nodes \" + "
    "svg.querySelectorAll(\"g.node\").length + \" != \" + n);\n"
    "    for (k = 0; k < n; k++) {\n"
    "      if (!nodes[k]) { fail(\"no node S\" + k); break; }\n"
    "      var ti = nodes[k].querySelector(\"title\").textContent;\n",
    "      if (ti.indexOf(\"S\" + k + \": \" + barText(D.strata[k].barcode)) "
    "!== 0) { fail(\"title of S\" + k + \": \" + ti); break; }\n"
    "    }\n"
    "    if (edges.length !== D.covers.length) fail(\"edges \" + edges.length "
    "+ \" != covers \" + D.covers.length);\n"
    "    var pick = Math.floor(n / 2), rect = "
    "nodes[pick].querySelector(\"rect\").getBoundingClientRect();\n"
    "    nodes[pick].querySelector(\"rect\").dispatchEvent(new "
    "MouseEvent(\"click\", {\n"
    "      bubbles: true, clientX: rect.left + 2, clientY: rect.top + 2}));\n"
    "    if (panel.getAttribute(\"data-selected\") !== String(pick)) "
    "fail(\"click did not select S\" + pick);\n"
    "    if (panel.textContent.indexOf(barText(D.strata[pick].barcode)) < 0) "
    "fail(\"panel lacks the barcode\");\n"
    "    /* closure and star by rank dominance, independently of the covers "
    "*/\n"
    "    var rk = function (v) { return D.strata[v].ranks.map(function (t) { "
    "return t[2]; }); };\n"
    "    var rp = rk(pick), nb = 0, na = 0;\n"
    "    for (k = 0; k < n; k++) {\n"
    "      if (k === pick) continue;\n"
    "      var r = rk(k), le = true, ge = true;\n"
    "      for (i = 0; i < r.length; i++) { if (r[i] > rp[i]) le = false; if "
    "(r[i] < rp[i]) ge = false; }\n"
    "      var c = nodes[k].getAttribute(\"class\");\n"
    "      if (le) { nb++; if (c !== \"node closure\") fail(\"S\" + k + \" "
    "should be in the closure\"); }\n"
    "      else if (ge) { na++; if (c !== \"node star\") fail(\"S\" + k + \" "
    "should be in the star\"); }\n"
    "      else if (c !== \"node\") fail(\"S\" + k + \" highlighted: \" + c);\n"
    "      if (!ok) break;\n"
    "    }\n"
    "    if (nodes[pick].getAttribute(\"class\") !== \"node sel\") "
    "fail(\"selected node not marked\");\n"
    "    q.value = barText(D.strata[n - 1].barcode).replace(/ /g, \"\");\n"
    "    search();\n"
    "    if (panel.getAttribute(\"data-selected\") !== String(n - 1)) "
    "fail(\"search by barcode\");\n"
    "    q.value = \"S0\"; search();\n"
    "    if (panel.getAttribute(\"data-selected\") !== \"0\") fail(\"search by "
    "id\");\n"
    "    var res = document.createElement(\"pre\");\n"
    "    res.id = \"rs-selftest\";\n"
    "    res.textContent = (ok ? \"SELFTEST PASS\" : \"SELFTEST FAIL\") + \" "
    "strata=\" + n + \" covers=\" +\n"
    "      D.covers.length + \" clicked=S\" + pick + \" closure=\" + nb + \" "
    "star=\" + na +\n"
    "      \" ms=\" + Math.round(performance.now()) + \"\\n\" + out.slice(0, "
    "5).join(\"\\n\");\n"
    "    document.getElementById(\"side\").appendChild(res);\n"
    "  }\n"
    "})();\n",
    NULL};

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        /* no "</" may appear inside a script element */
        if (*s == '<')
            fputs("\\u003c", f);
        else if (*s == '"' || *s == '\\')
            fprintf(f, "\\%c", *s);
        else
            fputc(*s, f);
    }
    fputc('"', f);
}

static void json_data(FILE *f, const rs_hasse_figure_t F)
{
    const rs_strata_struct *S = F->S;
    rs_barcode_t B;
    rs_ranks_t R;
    slong id, i, j, k, L = S->L;
    char head[64];
    rs_barcode_init(B, L);
    rs_ranks_init(R, L);
    fprintf(f, "{\"L\": %ld, \"rank_order\": ", (long)L);
    {
        /* (r_10, r_20, ...) as the tables print it */
        size_t cap = 16 * (size_t)(L * (L + 1) / 2 + 1), at = 0;
        char *t = flint_malloc(cap);
        at += snprintf(t + at, cap - at, "(");
        for (i = 0, k = 0; i < L; i++)
            for (j = i + 1; j <= L; j++)
                at +=
                    snprintf(t + at, cap - at, "%sr_%ld%s%ld", k++ ? ", " : "",
                             (long)j, L >= 10 ? "," : "", (long)i);
        snprintf(t + at, cap - at, ")");
        json_str(f, t);
        flint_free(t);
    }
    fputs(",\n\"strata\": [\n", f);
    for (id = 0; id < S->n; id++) {
        char *bar;
        slong dim = rs_strata_dim(S, id), c;
        rs_strata_get_barcode(B, S, id);
        rs_strata_get_ranks(R, S, id);
        bar = rs_barcode_get_str(B, RS_BARCODE_JSON);
        fprintf(f, "%s{\"barcode\": %s, \"ranks\": [", id ? ",\n" : "", bar);
        flint_free(bar);
        for (i = 0, k = 0; i < L; i++)
            for (j = i + 1; j <= L; j++)
                fprintf(f, "%s[%ld,%ld,%ld]", k++ ? "," : "", (long)i, (long)j,
                        (long)rs_ranks_get(R, i, j));
        c = rs_barcode_components_log2(B);
        if (c < 62)
            snprintf(head, sizeof head, "%ld", (long)(WORD(1) << c));
        else
            snprintf(head, sizeof head, "2^%ld", (long)c);
        fprintf(f,
                "], \"dim\": %ld, \"codim\": %ld, \"components\": ", (long)dim,
                (long)(S->N - dim));
        json_str(f, head);
        fputc('}', f);
    }
    fputs("],\n\"covers\": [", f);
    for (k = 0; k < F->C->n; k++)
        fprintf(f, "%s[%ld,%ld]", k ? "," : "", (long)F->C->pairs[2 * k],
                (long)F->C->pairs[2 * k + 1]);
    fputs("]}\n", f);
    rs_barcode_clear(B);
    rs_ranks_clear(R);
}

void rs_hasse_fprint_html(FILE *f, const rs_hasse_figure_t F)
{
    const rs_strata_struct *S = F->S;
    slong k;
    int i;
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
          "charset=\"utf-8\">\n<!--\n",
          f);
    rs_fig_header(f, F, "  ");
    fputs("-->\n<title>Hasse diagram, d = (", f);
    for (k = 0; k <= S->L; k++)
        fprintf(f, "%s%ld", k ? ", " : "", (long)S->d[k]);
    fprintf(f, "), r = %ld</title>\n<style>\n%s\n</style>\n</head>\n<body>\n",
            (long)S->r, page_css);
    fputs("<div id=\"side\">\n<h1>Strata of the fiber of a rank-", f);
    fprintf(f, "%ld matrix, d = (", (long)S->r);
    for (k = 0; k <= S->L; k++)
        fprintf(f, "%s%ld", k ? ", " : "", (long)S->d[k]);
    fputs(")</h1>\n<p id=\"rs-info\"></p>\n"
          "<p><input id=\"rs-q\" placeholder=\"S12 or a barcode\"> "
          "<button id=\"rs-go\">find</button> "
          "<button id=\"rs-fit\">fit</button></p>\n<p id=\"rs-msg\"></p>\n"
          "<p class=\"legend\"><span style=\"background:#ffd54f\">"
          "selected</span><span style=\"background:#bbdefb\">closure"
          "</span><span style=\"background:#c8e6c9\">star</span></p>\n"
          "<p class=\"note\">Drag to pan, wheel to zoom, click a stratum "
          "for its details.  Sk is stratum k of 'rankstrat strata'.</p>\n"
          "<div id=\"rs-detail\"></div>\n</div>\n<div id=\"view\">\n",
          f);
    rs_fig_svg(f, F, 0);
    fputs("</div>\n<script type=\"application/json\" id=\"rs-data\">\n", f);
    json_data(f, F);
    fputs("</script>\n<script>\n", f);
    for (i = 0; page_js[i] != NULL; i++)
        fputs(page_js[i], f);
    fputs("</script>\n</body>\n</html>\n", f);
}
