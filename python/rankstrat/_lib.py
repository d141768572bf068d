"""Loading librankstrat and calling its document functions (rankstrat/doc.h).

Every call runs on one worker thread while the calling thread waits, so that
Ctrl-C is seen at once: the job's cancellation token (rs_progress_t) is set,
the library stops at its next check, and KeyboardInterrupt is raised once
the call has returned.  Jobs without a token run to their end first.
"""

import ctypes
import ctypes.util
import os
import queue
import threading

from ._errors import raise_for

RS_OK, RS_EINPUT, RS_ELIMIT, RS_EINTERNAL, RS_ECANCEL = 0, 1, 2, 3, 4
ERROR_MSG_LEN = 1024

slong = ctypes.c_long  # FLINT's slong: a C long on every platform FLINT 2.9 runs
ulong = ctypes.c_ulong


class Error(ctypes.Structure):
    """rs_error_struct."""

    _fields_ = [("status", ctypes.c_int), ("msg", ctypes.c_char * ERROR_MSG_LEN)]


class Progress(ctypes.Structure):
    """rs_progress_struct: no callback, only the cancel flag."""

    _fields_ = [
        ("fn", ctypes.c_void_p),
        ("data", ctypes.c_void_p),
        ("cancel", ctypes.c_int),
        ("every", slong),
    ]


class Limits(ctypes.Structure):
    """rs_cost_limits_t: max_memory (bytes) and max_work (work units);
    0 takes the default."""

    _fields_ = [("max_memory", ctypes.c_double), ("max_work", ctypes.c_double)]


def limits(max_memory=0, max_work=0):
    """The limits of one call, checked as the command-line tool checks its
    --max-memory and --max-work (0: the default)."""
    if max_memory < 0 or max_work < 0:
        from ._errors import InputError

        raise InputError("max_memory and max_work: expected numbers >= 0 (0: the default)")
    return ctypes.byref(Limits(float(max_memory), float(max_work)))


def _candidates():
    env = os.environ.get("RANKSTRAT_LIB")
    if env:
        yield env
        return
    here = os.path.dirname(os.path.abspath(__file__))
    # the build folder of the repository (python/rankstrat -> build/)
    yield os.path.join(here, os.pardir, os.pardir, "build", "librankstrat.so")
    # an installed package knows its PREFIX/lib (written by make install)
    try:
        from ._install import LIBDIR

        yield os.path.join(LIBDIR, "librankstrat.so.0")
    except ImportError:
        pass
    found = ctypes.util.find_library("rankstrat")
    if found:
        yield found
    yield "librankstrat.so.0"


def _load():
    tried = []
    for path in _candidates():
        try:
            return ctypes.CDLL(os.path.normpath(path) if os.sep in path else path)
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
    raise ImportError(
        "rankstrat: cannot load librankstrat.so; build it with `make` in the "
        "repository, or set RANKSTRAT_LIB to its path.  Tried: " + "; ".join(tried)
    )


lib = _load()

_P = ctypes.POINTER
_char_pp = _P(ctypes.c_void_p)
_str = ctypes.c_char_p
_size = ctypes.c_size_t
_err = _P(Error)

_SIGNATURES = {
    "rs_doc_analyze": [
        _char_pp, _str, _size, _str, ctypes.c_int, slong, _P(Limits), _P(Progress), _err
    ],
    "rs_doc_net": [_char_pp, _str, _size, _str, _err],
    "rs_doc_flow_dot": [_char_pp, _str, _size, _str, _err],
    "rs_doc_strata": [
        _char_pp, _str, slong, _str, _size, ctypes.c_int, slong, _P(Limits), _P(Progress),
        _err,
    ],
    "rs_doc_count": [_char_pp, _str, slong, _str, _size, _P(Limits), _P(Progress), _err],
    "rs_doc_canonical": [_char_pp, _str, _str, _str, _size, _P(Limits), _err],
    "rs_doc_move": [
        _char_pp, _str, _size, _str, ctypes.c_int, slong, _str, _size, _P(slong),
        _str, _P(Limits), _err,
    ],
    "rs_doc_verify": [
        _char_pp, _str, slong, _str, _size, ulong, slong, _P(Limits), _P(Progress), _err
    ],
}

for _name, _args in _SIGNATURES.items():
    _f = getattr(lib, _name)
    _f.argtypes = _args
    _f.restype = ctypes.c_int
lib.rs_doc_free.argtypes = [ctypes.c_void_p]
lib.rs_doc_free.restype = None


# ---- the worker thread ------------------------------------------------------

_jobs = queue.Queue()
_worker = None
_worker_lock = threading.Lock()


def _work():
    while True:
        func, args, box, done = _jobs.get()
        try:
            box["status"] = func(*args)
        except BaseException as e:  # ctypes errors: handed to the caller
            box["exception"] = e
        done.set()


def _submit(func, args):
    global _worker
    with _worker_lock:
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(target=_work, name="rankstrat", daemon=True)
            _worker.start()
    box, done = {}, threading.Event()
    _jobs.put((func, args, box, done))
    return box, done


def call(name, *args, token=None):
    """Calls rs_doc_NAME(&doc, *args, &err) and returns the document (str).

    Raises the exception of the library's status; KeyboardInterrupt if the
    user interrupted the call (after the library has returned)."""
    func = getattr(lib, name)
    doc = ctypes.c_void_p()
    err = Error()
    box, done = _submit(func, (ctypes.byref(doc),) + args + (ctypes.byref(err),))
    interrupted = False
    while True:
        try:
            if done.wait(0.05):
                break
        except KeyboardInterrupt:
            interrupted = True
            if token is not None:
                token.cancel = 1
    if "exception" in box:
        raise box["exception"]
    status = box["status"]
    text = None
    if doc.value:
        text = ctypes.string_at(doc.value).decode("utf-8")
        lib.rs_doc_free(doc)
    if status == RS_ECANCEL:
        raise KeyboardInterrupt("rankstrat: cancelled")
    if interrupted:  # the job had no token, or ended before it looked
        raise KeyboardInterrupt("rankstrat: interrupted after the call returned")
    if status != RS_OK:
        raise_for(status, err.msg.decode("utf-8", "replace"))
    return text


def cstr(s):
    """A Python str as a NUL-terminated C string (None stays NULL)."""
    if s is None:
        return None
    if "\0" in s:
        from ._errors import InputError

        raise InputError("expected text without NUL characters")
    return s.encode("utf-8")
