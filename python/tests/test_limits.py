"""The cost model of the command-line tool (--max-memory, --max-work) is
the library's, so the package refuses the same jobs before they start,
with the same estimate in the message (the options named as keywords)."""

import subprocess
import time

import pytest

import rankstrat
from rankstrat import InputError, LimitError
from conftest import cli_path

DEMO = "dims 2 3 2\nW1\n1 0\n0 0\n0 0\nW2\n1 0 0\n0 0 0\n"


def zero_layers(L):
    """L layers of width 0: a few bytes of text, L^2/2 partial products."""
    return "dims " + " ".join(["0"] * (L + 1)) + "\n" + "".join("W%d\n" % k for k in range(1, L + 1))


def cli_refusal(tmp_path, *args, net=None):
    if net is not None:
        f = tmp_path / "n.net"
        f.write_text(net)
        args = args + (str(f),)
    r = subprocess.run([cli_path()] + list(args), capture_output=True, text=True)
    assert r.returncode == 2 and r.stdout == ""
    prefix = "rankstrat %s: " % args[0]
    assert r.stderr.startswith(prefix)
    return r.stderr[len(prefix):].rstrip("\n")


def keywords(message):
    return message.replace("--max-work)", "max_work=)").replace("--max-memory)", "max_memory=)")


def test_analyze_of_4096_empty_layers_is_refused_as_the_cli_refuses_it(tmp_path):
    net = zero_layers(4096)
    start = time.monotonic()
    with pytest.raises(LimitError) as e:
        rankstrat.analyze(net)
    assert time.monotonic() - start < 30  # it ran 19 s before the refusal existed
    want = cli_refusal(tmp_path, "analyze", net=net)
    assert "work units for the rank list" in want
    assert str(e.value) == keywords(want)
    with pytest.raises(LimitError, match="for the rank lists"):
        rankstrat.move(net, random=1)


def test_verify_of_a_long_fiber_with_one_stratum_is_refused(tmp_path):
    dims = (1,) * 2002
    with pytest.raises(LimitError) as e:
        rankstrat.verify(dims, rank=1)
    want = cli_refusal(tmp_path, "verify", "--dims", ",".join(map(str, dims)), "--rank", "1")
    assert str(e.value) == keywords(want)


@pytest.mark.parametrize("call, job", [
    (lambda lim: rankstrat.analyze(DEMO, **lim), "the rank list"),
    (lambda lim: rankstrat.strata((3, 3, 3, 3), rank=1, **lim), "the strata and their covers"),
    (lambda lim: rankstrat.strata((3, 3, 3, 3), rank=1, covers=False, **lim), "the strata,"),
    (lambda lim: rankstrat.hasse((3, 3, 3, 3), rank=1, **lim), "the strata and their covers"),
    (lambda lim: rankstrat.verify((2, 3, 2), rank=1, **lim), "the checks of every stratum"),
    (lambda lim: rankstrat.canonical((2, 3, 2), "0-2,0-0,1-1x2,2-2", **lim), "the barcode and the network"),
    (lambda lim: rankstrat.move(DEMO, random=3, **lim), "the rank lists"),
])
def test_every_job_takes_both_limits(call, job):
    call({})  # within the defaults
    with pytest.raises(LimitError, match="of memory for %s.*max_memory=" % job):
        call({"max_memory": 1})
    with pytest.raises(LimitError, match="work units for %s.*max_work=" % job):
        call({"max_work": 1})
    with pytest.raises(InputError):
        call({"max_work": -1})


def test_the_bound_is_the_estimate():
    # raising the work bound far enough lets the refused job run: the limit,
    # not the job, refused it
    with pytest.raises(LimitError):
        rankstrat.analyze(zero_layers(300), max_work=1000)
    p = rankstrat.analyze(zero_layers(300), max_work=10**9)
    assert p.rank == 0
