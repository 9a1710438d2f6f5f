"""Finding repeat referrals about the same person: exact and near matches of the restricted name
and date of birth, shown only to the designated officer with the grant.

An exact match has the same normalised name and the same date of birth. A near match has a
similar name (rapidfuzz's token-sort ratio at or above ``NEAR_NAME``, which forgives swapped,
misspelt or shortened names) with the same date of birth or none given, or the same name with a
date of birth that differs by a day and month swapped or a single digit."""

import re
import unicodedata


def name_key(given_names: str, family_name: str) -> str:
    """The name normalised for matching: accents removed, lower case, letters and spaces only."""
    text = f"{given_names} {family_name}"
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z ]+", " ", text.lower()).split())
