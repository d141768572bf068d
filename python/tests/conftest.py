"""Shared fixtures: the command-line tool of the same build, to compare
the package's results with the CLI's JSON."""

import json
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, os.pardir, os.pardir))
sys.path.insert(0, os.path.join(ROOT, "python"))


def cli_path():
    path = os.environ.get("RANKSTRAT_CLI", os.path.join(ROOT, "build", "rankstrat"))
    if not os.path.exists(path):
        pytest.fail("the command-line tool %s is missing (run make)" % path)
    return path


class CLI:
    def run(self, *args, input=None):
        r = subprocess.run([cli_path()] + [str(a) for a in args], capture_output=True, input=input,
                           text=True, cwd=ROOT)
        assert r.returncode == 0, r.stderr
        return r.stdout

    def json(self, *args):
        return json.loads(self.run(*(args + ("--format", "json"))))


@pytest.fixture
def cli():
    return CLI()


@pytest.fixture
def root():
    return ROOT
