"""Jazz licks for C5_W1A3: a seeded generator and the tokeniser.

No jazz recording or transcription ships with the course, so this module
writes its own. `make_solo` improvises over chord progressions the way a
beginner's jazz method describes it: ii-V-I cadences in several keys and
12-bar blues; chord tones on the strong beats, scale tones and chromatic
approach notes (a half step below or above the next chord tone) in
between; blue notes (the minor third and flat fifth of the key) over the
blues; swing eighths, eighth-note triplets, quarter notes and rests.
Swing is how the eighths are *played* (long-short): the notes are written
on the straight grid and `swing` shifts them when the solo is rendered.

The tokeniser turns each note into a *value*, a string naming its role
over the chord, its written length and the size of the jump from the
previous note, e.g. 'C,0.5,+1' = a chord tone, an eighth note, a step up.
The vocabulary is the set of values the corpus uses (`N_VALUES` of them);
`jazz_audio.values_to_notes` turns values back into pitches over any chord
progression. `load_jazz` cuts the token stream into the course's shapes:
X (m, Tx, n_values) and Y (Ty, m, n_values), Y[t] being X[:, t + 1].
"""
from functools import lru_cache

import numpy as np

SEED = 7                      # the corpus
WINDOW_SEED = 8               # where the training windows start
M, TX = 60, 30                # the course's training set: 60 x 30 values
LOW, HIGH = 55, 86            # the solo's range: G3 .. D6 (MIDI numbers)

CHORD_TONES = {'maj7': (0, 4, 7, 11), '7': (0, 4, 7, 10),
               'm7': (0, 3, 7, 10), 'm7b5': (0, 3, 6, 10),
               'm6': (0, 3, 7, 9)}
SCALES = {'maj7': (0, 2, 4, 5, 7, 9, 11), '7': (0, 2, 4, 5, 7, 9, 10),
          'm7': (0, 2, 3, 5, 7, 9, 10), 'm7b5': (0, 1, 3, 5, 6, 8, 10),
          'm6': (0, 2, 3, 5, 7, 9, 11)}
BLUE = (3, 6)                 # minor third and flat fifth of the key
NAMES = ('C', 'Db', 'D', 'Eb', 'E', 'F', 'Gb', 'G', 'Ab', 'A', 'Bb', 'B')
KINDS = {'C': 'chord tone', 'S': 'scale tone', 'A': 'approach note',
         'B': 'blue note', 'R': 'rest'}

# Progressions in C as (degree in semitones, quality, beats).
PROGRESSIONS = {
    'ii-V-I': [(2, 'm7', 4), (7, '7', 4), (0, 'maj7', 8)],
    'fast ii-V-I': [(2, 'm7', 2), (7, '7', 2), (0, 'maj7', 4),
                    (2, 'm7', 2), (7, '7', 2), (0, 'maj7', 4)],
    'minor ii-V-i': [(2, 'm7b5', 4), (7, '7', 4), (0, 'm6', 8)],
    'turnaround': [(0, 'maj7', 2), (9, '7', 2), (2, 'm7', 2), (7, '7', 2),
                   (4, 'm7', 2), (9, '7', 2), (2, 'm7', 2), (7, '7', 2)],
    'blues': [(0, '7', 4), (5, '7', 4), (0, '7', 8), (5, '7', 8),
              (0, '7', 4), (9, '7', 4), (2, 'm7', 4), (7, '7', 4),
              (0, '7', 4), (7, '7', 4)],
}
KEYS = (0, 5, 10, 3, 7, 2)    # C, F, Bb, Eb, G, D
# Rhythm cells of one beat: written lengths; negative = a rest.
CELLS = ([0.5, 0.5], [0.5, 0.5], [0.5, 0.5], [0.5, 0.5], [1.0],
         [1 / 3, 1 / 3, 1 / 3], [-0.5, 0.5])
# Two-beat cells: a dotted quarter, a half note, a syncopation, a rest.
LONG_CELLS = ([1.5, 0.5], [2.0], [0.5, 1.0, 0.5], [-1.0, 0.5, 0.5],
              [-1.5, 0.5])


def chord_name(chord):
    """'Dm7' for the chord (2, 'm7', beats), 'G7' for (7, '7', beats)."""
    return NAMES[chord[0] % 12] + chord[1]


def progression(name, key):
    """The chords of a progression moved to `key` (0 = C, 5 = F ...).

    Returns:
        chords: list of (root pitch class, quality, beats); blues chords
            carry a fourth item, the key (blue notes are relative to it).
    """
    out = []
    for degree, quality, beats in PROGRESSIONS[name]:
        chord = ((degree + key) % 12, quality, beats)
        out.append(chord + (key,) if name == 'blues' else chord)
    return out


@lru_cache(maxsize=None)
def _pitches(chord, kind):
    """The MIDI pitches in range that have `kind` over `chord` (a tuple)."""
    root, quality = chord[0], chord[1]
    rel = np.arange(LOW, HIGH + 1)
    pcs = (rel - root) % 12
    tones = np.isin(pcs, CHORD_TONES[quality])
    scale = np.isin(pcs, SCALES[quality])
    if kind == 'C':
        return rel[tones]
    if kind == 'S':
        return rel[scale & ~tones]
    blue = np.isin((rel - chord[3]) % 12, BLUE) if len(chord) > 3 else \
        np.zeros(len(rel), bool)
    if kind == 'B':
        return rel[blue & ~scale & ~tones]
    return rel[~scale & ~blue]          # 'A': chromatic notes


def classify(pitch, chord):
    """The role of `pitch` over `chord`: 'C', 'S', 'B' or 'A'."""
    for kind in ('C', 'S', 'B'):
        if pitch in _pitches(chord, kind):
            return kind
    return 'A'


def _step(rng, pitch, chord, kind, direction):
    """The nearest pitch of `kind` in `direction` (1 up, -1 down), now and
    then a chord-tone leap; turns round at the ends of the range."""
    cands = _pitches(chord, kind)
    if len(cands) == 0:
        cands = _pitches(chord, 'C')
    ahead = cands[(cands - pitch) * direction > 0]
    if len(ahead) == 0:
        ahead = cands[(cands - pitch) * direction < 0]
    order = np.argsort(np.abs(ahead - pitch))
    skip = 1 if kind == 'C' and rng.random() < 0.3 else 0
    return int(ahead[order[min(skip, len(order) - 1)]])


def make_solo(chords, rng, start=None):
    """Improvise one phrase over `chords`.

    Args:
        chords: list of chords as `progression` returns them.
        rng: numpy Generator.
        start: MIDI pitch to start near (None: the middle of the range).

    Returns:
        notes: list of (onset in beats, written length in beats, MIDI
            pitch or None for a rest, index of the chord it sounds over).
    """
    pitch = start or (LOW + HIGH) // 2
    direction = 1 if rng.random() < 0.5 else -1
    notes, time = [], 0.0
    plan = []                         # (onset, length, chord index)
    for c, chord in enumerate(chords):
        beat = 0
        while beat < chord[2]:
            if chord[2] - beat >= 2 and rng.random() < 0.2:
                cell = LONG_CELLS[rng.integers(len(LONG_CELLS))]
            else:
                cell = CELLS[rng.integers(len(CELLS))]
            t = time + beat
            for length in cell:
                plan.append((t, length, c))
                t += abs(length)
            beat += round(sum(abs(x) for x in cell))
        time += chord[2]
    forced = None
    for i, (onset, length, c) in enumerate(plan):
        chord = chords[c]
        if length < 0:
            notes.append((onset, -length, None, c))
            continue
        if rng.random() < 0.25 or not LOW + 4 < pitch < HIGH - 4:
            direction = -1 if pitch > (LOW + HIGH) / 2 else 1
        if forced is not None:
            pitch, forced = forced, None
        else:
            on_beat = abs(onset - round(onset)) < 1e-9
            r = rng.random()
            if on_beat:
                kind = 'C' if r < 0.85 else 'S'
            elif len(chord) > 3 and r < 0.2:
                kind = 'B'
            else:
                kind = 'S' if r < 0.75 else 'C'
            pitch = _step(rng, pitch, chord, kind, direction)
            nxt = plan[i + 1] if i + 1 < len(plan) else None
            if (nxt and nxt[1] > 0 and abs(nxt[0] - round(nxt[0])) < 1e-9
                    and not on_beat and rng.random() < 0.4):
                target = _step(rng, pitch, chords[nxt[2]], 'C', direction)
                side = -1 if rng.random() < 0.65 else 1
                pitch, forced = target + side, target   # approach note
        notes.append((onset, length, pitch, c))
    return notes


def _bucket(jump):
    """The size of a jump in semitones as '-3' .. '+3' (0 = repeat,
    1 = a step of 1-2, 2 = a skip of 3-5, 3 = a leap of 6 or more)."""
    size = 0 if jump == 0 else 1 if abs(jump) <= 2 else \
        2 if abs(jump) <= 5 else 3
    return f'{"+" if jump > 0 else "-" if jump < 0 else ""}{size}'


def _length(length):
    return f'{length:.3f}'.rstrip('0').rstrip('.')


def tokenise(notes, chords, previous=None):
    """Turn the notes of `make_solo` into values.

    Args:
        notes: list of (onset, length, pitch or None, chord index).
        chords: the chords they were played over.
        previous: the pitch before the first note (None: the first note
            counts as a repeat).

    Returns:
        values: list of str, 'KIND,LENGTH,JUMP' for notes and
            'R,LENGTH' for rests.
    """
    values, last = [], previous
    for i, (_, length, pitch, c) in enumerate(notes):
        if pitch is None:
            values.append(f'R,{_length(length)}')
            continue
        kind = classify(pitch, chords[c])
        jump = 0 if last is None else pitch - last
        values.append(f'{kind},{_length(length)},{_bucket(jump)}')
        last = pitch
    return values


def make_corpus(seed=SEED, choruses=4):
    """The training corpus: every progression in every key, `choruses`
    times, each phrase followed by a one- or two-beat rest.

    Returns:
        values: list of str, the whole token stream (about 4,000 values).
        phrases: list of (chords, notes), the solos themselves.
    """
    rng = np.random.default_rng(seed)
    values, phrases, last = [], [], None
    for _ in range(choruses):
        for name in PROGRESSIONS:
            for key in KEYS:
                chords = progression(name, key)
                notes = make_solo(chords, rng, start=last)
                values += tokenise(notes, chords, previous=last)
                values.append(f'R,{1 + int(rng.integers(2))}')
                phrases.append((chords, notes))
                last = next((p for _, _, p, _ in reversed(notes)
                             if p is not None), last)
    return values, phrases


def vocabulary(values):
    """{value: index}, the values sorted (rests last)."""
    order = sorted(set(values), key=lambda v: (v[0] == 'R', v))
    return {v: i for i, v in enumerate(order)}


def windows(values, values_indices, m=M, Tx=TX, seed=WINDOW_SEED):
    """`m` windows of Tx + 1 consecutive values, as one-hot arrays.

    Returns:
        X: float32 (m, Tx, n_values), the inputs.
        Y: float32 (Tx, m, n_values), Y[t] = X[:, t + 1] (and the value
            after the window for t = Tx - 1): the next value at each step.
    """
    rng = np.random.default_rng(seed)
    ids = np.array([values_indices[v] for v in values])
    starts = rng.integers(0, len(ids) - Tx - 1, size=m)
    seq = np.stack([ids[s:s + Tx + 1] for s in starts])      # (m, Tx + 1)
    onehot = np.eye(len(values_indices), dtype=np.float32)[seq]
    return onehot[:, :Tx], np.ascontiguousarray(onehot[:, 1:].swapaxes(0, 1))


def load_jazz(m=M, Tx=TX):
    """The C5_W1A3 training data (deterministic: the same on every call).

    Returns:
        X: float32 (m, Tx, n_values); Y: float32 (Tx, m, n_values).
        n_values: int, the size of the vocabulary.
        indices_values: {index: value}, to turn predictions into values.
    """
    values, _ = make_corpus()
    values_indices = vocabulary(values)
    X, Y = windows(values, values_indices, m, Tx)
    return X, Y, len(values_indices), {i: v for v, i in
                                       values_indices.items()}


def jazz_arrays():
    """(X, Y, tokens) of `load_jazz`, for the asset checksums."""
    values, _ = make_corpus()
    values_indices = vocabulary(values)
    X, Y = windows(values, values_indices)
    return X, Y, np.array([values_indices[v] for v in values])
