"""From values back to music for C5_W1A3: pitches, MIDI, sound, pictures.

`values_to_notes` is the tokeniser of `jazz_licks` run backwards: each
value says what kind of note to play over the chord of the moment, for
how long and how far from the previous note; the pitch is the nearest one
that fits (a seeded generator breaks ties). `generate_solo` asks a
trained inference model for values, segment by segment, and decodes them
over a chord progression. The rest renders the result without anything
outside the Python packages the course installs: a MIDI file (mido), a
WAV-ready waveform from a small additive synthesiser (NumPy only; no
sound fonts), and a piano-roll picture (matplotlib).
"""
import numpy as np

from . import jazz_licks as jl

RATE = 22050                  # samples per second of `synthesize`
BPM = 150                     # beats per minute
PRETRAINED = 'jazz_lstm.weights.h5'
COLOURS = {'C': '#1f77b4', 'S': '#2ca02c', 'A': '#d62728', 'B': '#9467bd'}


def parse(value):
    """'C,0.5,+1' -> ('C', 0.5, 1); 'R,1' -> ('R', 1.0, None)."""
    parts = value.split(',')
    length = float(parts[1])
    if abs(length - round(length * 3) / 3) < 2e-3:
        length = round(length * 3) / 3       # 0.333 -> 1/3 exactly
    return parts[0], length, (int(parts[2]) if len(parts) > 2 else None)


def timeline(chords):
    """(start beat, chord) of each chord, and the total number of beats."""
    starts = np.cumsum([0] + [c[2] for c in chords])
    return list(zip(starts[:-1], chords)), int(starts[-1])


def _chord_at(spans, t):
    index = max(i for i, (start, _) in enumerate(spans) if start <= t + 1e-9)
    return index, spans[index][1]


def _pick(kind, jump, prev, chord, rng):
    cands = jl._pitches(tuple(chord), kind)
    if len(cands) == 0:
        cands = jl._pitches(tuple(chord), 'C')
    if prev is None:
        prev = (jl.LOW + jl.HIGH) // 2
    sizes = np.array([int(jl._bucket(int(p - prev))) for p in cands])
    fits = cands[sizes == jump]
    if len(fits) == 0:
        fits = cands[sizes == -jump]           # bounce off the range's end
    if len(fits) == 0:
        fits = cands[np.argsort(np.abs(cands - prev))[:2]]
    near = fits[np.argsort(np.abs(fits - prev))[:2]]
    return int(near[rng.integers(len(near))])


def values_to_notes(values, chords, seed=0, previous=None, offset=0.0):
    """Decode values into notes over `chords`, stopping at their end.

    Args:
        values: list of value strings ('KIND,LENGTH,JUMP' or 'R,LENGTH').
        chords: list of chords (see `jazz_licks.progression`).
        seed: int, breaks ties between equally good pitches.
        previous: the pitch before the first value (None: mid-range).
        offset: beat at which the first value starts.

    Returns:
        notes: list of (onset, length, pitch or None, chord index), as
            `jazz_licks.make_solo` returns them.
    """
    rng = np.random.default_rng(seed)
    spans, total = timeline(chords)
    notes, t, prev = [], float(offset), previous
    for value in values:
        if t >= total - 1e-9:
            break
        kind, length, jump = parse(value)
        length = min(length, total - t)
        index, chord = _chord_at(spans, t)
        pitch = None if kind == 'R' else _pick(kind, jump, prev, chord, rng)
        notes.append((t, length, pitch, index))
        prev = pitch if pitch is not None else prev
        t += length
    return notes


def generate_solo(inference_model, indices_values, chords, sampler,
                  seed=0, bars_per_segment=4):
    """Improvise over `chords` with a trained inference model.

    For every segment of `bars_per_segment` bars the model starts from a
    different first value (drawn with `seed`) and zero states; `sampler`
    (your predict_and_sample) turns its outputs into value indices, which
    are decoded over the segment's chords.

    Returns:
        notes: list of (onset, length, pitch or None, chord index) over
            the whole progression.
        values: list of str, every value the model produced.
    """
    rng = np.random.default_rng(seed)
    n_values = inference_model.inputs[0].shape[-1]
    n_a = inference_model.inputs[1].shape[-1]
    spans, total = timeline(chords)
    notes, values, prev, beat = [], [], None, 0
    while beat < total:
        end = beat + 4 * bars_per_segment
        part = [(i, c) for i, (s, c) in enumerate(spans)
                if beat <= s < end]
        x0 = np.zeros((1, 1, n_values), dtype=np.float32)
        x0[0, 0, rng.integers(n_values)] = 1.0
        zeros = np.zeros((1, n_a), dtype=np.float32)
        _, indices = sampler(inference_model, x0, zeros, zeros)
        segment = [indices_values[int(i)] for i in np.ravel(indices)]
        values += segment
        decoded = values_to_notes(segment, [c for _, c in part],
                                  seed=int(rng.integers(1 << 30)),
                                  previous=prev, offset=0.0)
        first = part[0][0]
        notes += [(beat + t, d, p, first + c) for t, d, p, c in decoded]
        prev = next((p for _, _, p, _ in reversed(notes) if p is not None),
                    prev)
        beat = end
    return notes, values


def swing(t, ratio=2 / 3):
    """Play eighths long-short: an off-beat eighth (x.5) sounds at
    x + ratio. Times off the eighth grid (triplets) stay where they are."""
    t = np.asarray(t, dtype=float)
    frac = t - np.floor(t)
    return np.where(np.isclose(frac, 0.5), np.floor(t) + ratio, t)


def _performed(notes):
    """(start s, end s, pitch) of the sounding notes, swung."""
    sec = 60.0 / BPM
    out = []
    for onset, length, pitch, _ in notes:
        if pitch is None:
            continue
        start, end = swing(onset), swing(onset + length)
        out.append((float(start) * sec, float(end) * sec, int(pitch)))
    return out


def _voicing(chord):
    """A left-hand chord: root in the bass, third and seventh above."""
    root, quality = chord[0], chord[1]
    tones = jl.CHORD_TONES[quality]
    bass = 36 + root
    return [bass, 48 + (root + tones[1]) % 12, 48 + (root + tones[3]) % 12]


def _comping(chords):
    """(start s, end s, pitch) of the chords, one hit per chord."""
    sec = 60.0 / BPM
    spans, _ = timeline(chords)
    return [(start * sec, (start + chord[2] - 0.1) * sec, p)
            for start, chord in spans for p in _voicing(chord)]


def write_midi(path, notes, chords, bpm=BPM):
    """Write the solo (track 1) and the chords (track 2) to a MIDI file.

    Args:
        path: file name, e.g. 'output/my_jazz_solo.mid' (folders made).
        notes: list of (onset, length, pitch or None, chord index).
        chords: the chords under them.
    """
    import os

    import mido
    folder = os.path.dirname(str(path))
    if folder:
        os.makedirs(folder, exist_ok=True)
    tpb = 480
    midi = mido.MidiFile(ticks_per_beat=tpb)
    scale = tpb * bpm / 60.0
    for channel, program, events, velocity in (
            (0, 66, _performed(notes), 96),          # tenor sax
            (1, 4, _comping(chords), 64)):           # electric piano
        track = mido.MidiTrack()
        midi.tracks.append(track)
        if channel == 0:
            track.append(mido.MetaMessage('set_tempo',
                                          tempo=mido.bpm2tempo(bpm)))
        track.append(mido.Message('program_change', channel=channel,
                                  program=program))
        timed = []
        for start, end, pitch in events:
            timed.append((round(start * scale), 1, pitch))
            timed.append((round(end * scale) - 1, 0, pitch))
        now = 0
        for tick, on, pitch in sorted(timed):
            kind = 'note_on' if on else 'note_off'
            track.append(mido.Message(kind, channel=channel, note=pitch,
                                      velocity=velocity if on else 0,
                                      time=max(0, tick - now)))
            now = max(now, tick)
    midi.save(str(path))
    return midi


def _tone(freq, length, rate, decay, partials):
    t = np.arange(int(length * rate)) / rate
    wave = sum(a * np.sin(2 * np.pi * k * freq * t) for k, a in partials)
    env = np.exp(-t * decay) * np.minimum(1.0, t / 0.01)
    fade = np.minimum(1.0, (t[-1] - t) / 0.03) if len(t) else t
    return wave * env * fade


def synthesize(notes, chords, rate=RATE):
    """A mono waveform of the solo over its chords, in [-1, 1].

    The melody is a bright additive tone that fades like a vibraphone,
    the chords a soft electric-piano-like tone, all swung at BPM.

    Returns:
        audio: float32 array of samples at `rate` per second.
    """
    parts = [(_performed(notes), 0.5, 2.5, ((1, 1.0), (2, 0.35), (3, 0.2),
                                            (4, 0.08))),
             (_comping(chords), 0.18, 1.2, ((1, 1.0), (2, 0.15)))]
    end = max([e for events, *_ in parts for _, e, _ in events] + [0.0])
    audio = np.zeros(int((end + 0.6) * rate), dtype=np.float64)
    for events, gain, decay, partials in parts:
        for start, stop, pitch in events:
            freq = 440.0 * 2 ** ((pitch - 69) / 12)
            tone = _tone(freq, stop - start + 0.25, rate, decay, partials)
            i = int(start * rate)
            audio[i:i + len(tone)] += gain * tone[:len(audio) - i]
    peak = np.abs(audio).max()
    return (audio / peak * 0.9 if peak > 0 else audio).astype(np.float32)


def piano_roll(notes, chords, ax=None, title='piano roll'):
    """Draw the notes as bars (time across, pitch up), coloured by the
    role of each note over its chord, with the chord names on top."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch
    if ax is None:
        _, ax = plt.subplots(figsize=(12, 3.6))
    spans, total = timeline(chords)
    for onset, length, pitch, c in notes:
        if pitch is None:
            continue
        kind = jl.classify(pitch, tuple(chords[c]))
        ax.broken_barh([(onset, length * 0.95)], (pitch - 0.4, 0.8),
                       color=COLOURS[kind])
    for start, chord in spans:
        ax.axvline(start, color='0.8', lw=0.8, zorder=0)
        ax.text(start + 0.1, jl.HIGH + 1.5, jl.chord_name(chord),
                fontsize=8)
    ax.set(xlim=(0, total), ylim=(jl.LOW - 2, jl.HIGH + 4),
           xlabel='beat', ylabel='MIDI pitch', title=title)
    ax.legend(handles=[Patch(color=v, label=jl.KINDS[k])
                       for k, v in COLOURS.items()], loc='upper left',
              bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return ax


def pretrained_path():
    """The committed weights of the course's trained jazz model."""
    from pathlib import Path
    return Path(__file__).resolve().parent / 'models' / PRETRAINED
