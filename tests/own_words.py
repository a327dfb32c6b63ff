"""Near-copies of the course's own sentences, found without storing them.

`../shared/seeds/course_objectives.md` quotes the original course's
objectives: they say what to teach, never how to say it. This module keeps
only *fingerprints* of those sentences (hashes of their consecutive word
pairs, ``tests/data/seed_fingerprints.json``), so the test can run on any
clone without the text, and measures how much of a notebook sentence's
word pairs one seed sentence shares.

Regenerate the fingerprints after the seeds change:

    python tests/own_words.py ../shared/seeds/course_objectives.md
"""
import hashlib
import json
import os
import re
import sys

FINGERPRINTS = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            'data', 'seed_fingerprints.json')
MIN_WORDS = 6          # shorter sentences are common phrases, not copies
LIMIT = 0.6            # share of word pairs that makes a near-copy


def words(text):
    """Lower-case words; links, hyphens and British spellings folded."""
    text = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', text).lower()
    text = re.sub(r'isation', 'ization', text.replace('-', ''))
    text = re.sub(r'ise\b', 'ize', text)
    return re.findall(r'[a-z0-9]+', text)


def pairs(ws):
    return {hashlib.sha256(f'{a} {b}'.encode()).hexdigest()[:10]
            for a, b in zip(ws, ws[1:])}


def sentences(markdown):
    """The sentences of a markdown text, headings left out (an assignment's
    title is its name), a bullet or paragraph broken over lines joined."""
    blocks, current = [], []
    for line in markdown.splitlines():
        starts = re.match(r'\s*(?:[-*+]|\d+[.)])\s', line)
        if not line.strip() or line.lstrip().startswith('#') or starts:
            blocks.append(' '.join(current))
            current = []
        if line.strip() and not line.lstrip().startswith('#'):
            current.append(line.strip())
    blocks.append(' '.join(current))
    for block in blocks:
        yield from re.split(r'(?<=[.!?;:])\s+', block)


def fingerprint(seed_text):
    return [sorted(pairs(words(s))) for s in sentences(seed_text)
            if len(words(s)) >= MIN_WORDS]


def near_copies(markdown, prints):
    """(share, sentence) for each sentence of `markdown` that shares at
    least LIMIT of its word pairs with one fingerprint."""
    found = []
    for sentence in sentences(markdown):
        ws = words(sentence)
        if len(ws) < MIN_WORDS:
            continue
        mine = pairs(ws)
        share = max(len(mine & set(p)) / min(len(mine), len(p))
                    for p in prints)
        if share >= LIMIT:
            found.append((round(share, 2), sentence))
    return found


def load():
    with open(FINGERPRINTS) as handle:
        return json.load(handle)


if __name__ == '__main__':
    with open(sys.argv[1]) as handle:
        prints = fingerprint(handle.read())
    with open(FINGERPRINTS, 'w') as handle:
        json.dump(prints, handle, separators=(',', ':'))
    print(f'{len(prints)} seed sentences fingerprinted into {FINGERPRINTS}')
