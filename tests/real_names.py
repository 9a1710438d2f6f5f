"""People named in the published report the demo draws on. They must appear nowhere in Assure,
so not even this file names them: it keeps only a SHA-256 digest of each name, in lower case."""

import hashlib
import re

REAL_NAME_DIGESTS = frozenset(
    {
        "8b6b868f7bdfbe8e03571a6f60f4d87955345e7a5100c7fd9a746f7e4bab573a",
        "85bba70ad2ed35bb6c844dce3797042c895c48a2d400c2861f60461d336fc220",
        "e6d035b026170c61466a2ce1bbe55e6db8aaf09204c199182362fea9b4b0cca2",
        "a1efdd5ed4572b0d08ba833a7cf3ed01fdc29eddde44a59f1cac3c212c0a5e30",
        "953e98f8921da306f30e95e6150ea780f59613a733b860ef741b3659bdff2ae8",
    }
)
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-zA-Z'-]+(?:\s+[A-Z][a-zA-Z'-]+){1,2}\b")


def real_names_in(text: str) -> list[str]:
    """Every run of two or three capitalised words in ``text`` that is a real person's name."""
    found = []
    for match in _CAPITALISED_RUN.finditer(text):
        words = match.group(0).split()
        for size in (2, 3):
            for start in range(len(words) - size + 1):
                candidate = " ".join(words[start : start + size])
                if hashlib.sha256(candidate.lower().encode()).hexdigest() in REAL_NAME_DIGESTS:
                    found.append(candidate)
    return found
