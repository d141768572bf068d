"""The exceptions of the package, one per status of the library."""


class RankstratError(Exception):
    """Base class of every error the library reports."""

    status = None


class InputError(RankstratError, ValueError):
    """Bad input: the message names the argument (and the position)."""

    status = 1


class LimitError(RankstratError):
    """A resource limit refused the job (raise the limit or ask less)."""

    status = 2


class InternalError(RankstratError, RuntimeError):
    """An internal consistency check of the library failed (a bug)."""

    status = 3


_BY_STATUS = {1: InputError, 2: LimitError, 3: InternalError}


# the library's messages name the command-line options; here they are
# keyword arguments
_OPTIONS = (("--max-memory", "max_memory="), ("--max-work", "max_work="),
            ("--max-entries", "max_entries="))


def raise_for(status, message):
    if status == LimitError.status:
        for option, keyword in _OPTIONS:
            message = message.replace("(raise it with %s)" % option, "(raise it with %s)" % keyword)
    raise _BY_STATUS.get(status, InternalError)(message)
