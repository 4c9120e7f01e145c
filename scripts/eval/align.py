"""Maps a mention of Newsprism's normalised article text back onto the original text.

The job removes soft hyphens and zero-width characters and collapses spaces, so the surface is
searched in the original with those characters allowed between letters, and the occurrence nearest
to the expected position wins.
"""
import re

INVISIBLE = "[\u00ad\u200b-\u200f\u2060\ufeff]*"


def locate(surface, original, normalised_begin, normalised_length):
    """(begin, end) of `surface` in `original` nearest to where it sat in the normalised text, or None."""
    guess = int(normalised_begin * len(original) / max(normalised_length, 1))
    pattern = re.compile(INVISIBLE.join(r"\s+" if c.isspace() else re.escape(c) for c in surface))
    best = None
    for match in pattern.finditer(original):
        if best is None or abs(match.start() - guess) < abs(best.start() - guess):
            best = match
    return None if best is None else (best.start(), best.end())
