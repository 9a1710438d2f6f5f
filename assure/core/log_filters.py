"""Filters that keep Assure's logs short and free of personal data."""

import logging


class RefusalsInOneLine(logging.Filter):
    """A refusal (403) is logged as its one line, "Forbidden (Permission denied): <path>",
    without the traceback of the PermissionDenied behind it. A refusal is expected, not a fault
    to debug, and the reason the refusing code gave may name a person or a record; the path
    does not (Assure keeps personal data out of addresses)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True
