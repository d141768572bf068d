"""Ctrl-C interrupts a long library call: KeyboardInterrupt is raised once
the library has stopped, and the process goes on normally."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))

LONG = textwrap.dedent(r"""
    import resource, signal, sys, time
    # a shell that starts a command in the background (CI scripts, nohup)
    # makes it ignore SIGINT, and Python then installs no handler: restore
    # Python's own, as an interactive session has it
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.path.insert(0, sys.argv[1])
    import rankstrat
    # should Ctrl-C go unseen, the listing would end in a refused allocation
    # (and this test would fail) rather than take the machine's memory
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    print("started", flush=True)
    t = time.time()
    try:
        CALL
        print("finished", flush=True)
    except rankstrat.LimitError:
        print("refused", flush=True)
    except KeyboardInterrupt as e:
        # "cancelled": the library saw the token and stopped the job
        print("interrupted:" + "".join(str(e).split()), flush=True)
    # the library is usable afterwards
    print(rankstrat.count((2, 3, 2), rank=1), flush=True)
""")


# Calls that take many seconds (measured: 5-10 s on 2 cores), one per kind of
# job that checks the token: the strata listing, verify between strata, the
# count's dynamic programme between levels.
CALLS = {
    # 10757867 strata; the cost model estimates more memory than the 4 GiB
    # address space above and would refuse the job before it starts
    "strata": "rankstrat.strata((6, 6, 6, 6, 6, 6, 6), rank=0, covers=False, max_strata=20000000, "
              "max_memory=2**40)",
    # 50006 checks
    "verify": "rankstrat.verify((3, 3, 3, 3, 3, 3), rank=0)",
    # a 31-layer programme over states of width 60
    "count": "rankstrat.count((60,) * 30, rank=0, max_work=10**10)",
}


@pytest.mark.parametrize("kind", sorted(CALLS))
def test_sigint_interrupts(kind):
    code = LONG.replace("CALL", CALLS[kind])
    p = subprocess.Popen([sys.executable, "-c", code, os.path.join(ROOT, "python")],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert p.stdout.readline() == "started\n"
    # let the enumeration start, then interrupt it
    import time

    time.sleep(1.0)
    p.send_signal(signal.SIGINT)
    try:
        # a guard against a hang (an unseen signal), not a time limit: the
        # enumeration alone would take minutes and then be refused
        out, err = p.communicate(timeout=600)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        raise AssertionError("SIGINT did not interrupt %s: %s%s" % (kind, out, err))
    assert p.returncode == 0, err
    assert out.split() == ["interrupted:rankstrat:cancelled", "4"], out + err
