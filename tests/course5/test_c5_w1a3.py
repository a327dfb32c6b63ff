"""C5_W1A3 master notebook (Improvise a Jazz Solo with an LSTM Network):
runs top to bottom with clean public checks, reaches the training loss it
states, generates values from the stated vocabulary in the stated shapes,
writes the MIDI file and plays audio; under nbgrader it skips training and
loads the committed model. Also: the jazz corpus and tokeniser behave as
the notebook says, and the public checks catch realistic bugs.
(Reference = full marks, stub = 0, mutants, equivalents: the generic
tests/autograder/test_grading.py, `-k C5_W1A3`.)"""
import os

import numpy as np
import pytest

from autograder import grade
from helpers import master
from notebook_runner import (assert_public_checks_pass, execute, last_json,
                             stderr_lines)
from shared_utils import jazz_audio, jazz_licks
from shared_utils.checks import CheckFailed
from shared_utils.checks import c5_w1a3 as checks

REPORT = '''
import json
print(json.dumps({"losses": [float(v) for v in losses],
                  "accuracy": train_accuracy, "n_values": int(n_values),
                  "results": list(results.shape),
                  "indices": list(indices.shape),
                  "in_vocabulary": all(v in vocabulary
                                       for v in generated_values),
                  "one_hot": bool(np.all(results.sum(-1) == 1)),
                  "solo_values": len(solo_values), "notes": len(solo),
                  "audio": int(audio.size),
                  "midi": os.path.getsize("output/my_jazz_solo.mid"),
                  "distance": {k: float(v) for k, v in distance.items()}}))
'''


os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')   # as `make test` sets


def _check_generation(result):
    assert result['n_values'] == 88, result
    assert result['results'] == [50, 88] and result['indices'] == [50, 1]
    assert result['in_vocabulary'] and result['one_hot'], result
    assert result['solo_values'] == 5 * 50, result   # 20 bars, 5 segments
    assert result['notes'] > 60, result
    assert result['audio'] > 20 * jazz_audio.RATE, result   # > 20 s
    assert result['midi'] > 500, result
    # stated: the solo's value mix 0.2-0.3 from the corpus's (total
    # variation; measured 0.23 trained here, 0.28 with the committed
    # model), random values about 0.53
    distance = result['distance']
    assert distance['solo'] < 0.35, result
    assert 0.45 < distance['random'] < 0.6, result


@pytest.fixture(scope='module')
def run():
    return execute('C5_W1A3', extra=REPORT)


@pytest.mark.slow
def test_runs_top_to_bottom_within_budget_and_reaches_the_stated_loss(run):
    """The notebook states: loss starts near 30 ln 88 = 134, is below 35
    after 100 epochs (measured about 25), about 80 % of the training steps
    predicted right; a full run takes about 2-3 minutes on 2 cores."""
    assert_public_checks_pass(run)
    assert stderr_lines(run) == []
    assert run.metadata['seconds'] < 420
    result = last_json(run)
    losses = result['losses']
    assert len(losses) == 100
    assert 125 < losses[0] < 140, losses[0]
    assert losses[-1] < 35, losses[-1]
    assert result['accuracy'] > 0.6, result
    _check_generation(result)
    audio = [o for c in run.cells if c.cell_type == 'code'
             for o in c.get('outputs', []) if 'text/html' in o.get('data', {})
             and '<audio' in o['data']['text/html']]
    assert len(audio) == 2   # the training phrase and the solo


@pytest.mark.slow
def test_graded_run_skips_training_and_loads_the_committed_model():
    nb = execute('C5_W1A3', extra=REPORT,
                 env={'NBGRADER_EXECUTION': 'validate'})
    assert_public_checks_pass(nb)
    assert stderr_lines(nb) == []
    assert nb.metadata['seconds'] < 180
    result = last_json(nb)
    assert result['losses'] == []
    assert result['accuracy'] > 0.7, result    # the committed model: 0.81
    _check_generation(result)


def test_notebook_states_its_claims():
    text = '\n'.join(c.source for c in master('C5_W1A3').cells
                     if c.cell_type == 'markdown')
    for claim in ('**88 different values**', '4,873', '(60, 30, 88)',
                  '(30, 60, 88)', '**below 35**', '30 \\ln 88', '`(50, 88)`',
                  '`(50, 1)`', '39{,}168', '5{,}720', 'course\'s own corpus '
                  'had 90', '**0.2 and 0.3**', 'about **0.53**'):
        assert claim in text, claim


def test_corpus_and_training_set_are_as_stated():
    values, phrases = jazz_licks.make_corpus()
    assert len(values) == 4873 and len(jazz_licks.vocabulary(values)) == 88
    X, Y, n_values, indices_values = jazz_licks.load_jazz()
    assert X.shape == (60, 30, 88) and Y.shape == (30, 60, 88)
    assert np.array_equal(Y[:-1], X[:, 1:].swapaxes(0, 1))
    assert np.all(X.sum(-1) == 1) and np.all(Y.sum(-1) == 1)
    assert sorted(indices_values) == list(range(88))
    # the phrase the notebook shows is the blues in F
    chords, _ = phrases[25]
    assert chords == jazz_licks.progression('blues', 5)
    # deterministic
    X2, Y2, _, _ = jazz_licks.load_jazz()
    assert np.array_equal(X, X2) and np.array_equal(Y, Y2)


def test_tokens_decode_back_to_notes_of_the_same_roles():
    """values_to_notes inverts the tokeniser's kinds and lengths over the
    same chords (the pitches themselves may differ)."""
    _, phrases = jazz_licks.make_corpus()
    for chords, notes in phrases[::17]:
        values = jazz_licks.tokenise(notes, chords)
        decoded = jazz_audio.values_to_notes(values, chords, seed=1)
        assert len(decoded) == len(notes)
        for (t, d, p, c), (t2, d2, p2, c2) in zip(notes, decoded):
            assert abs(t - t2) < 1e-6 and abs(d - d2) < 1e-6 and c == c2
            assert (p is None) == (p2 is None)
            if p is not None:
                assert jazz_licks.classify(p, chords[c]) == \
                    jazz_licks.classify(p2, chords[c])


def test_midi_and_audio_are_written(tmp_path):
    import mido
    chords = jazz_licks.progression('ii-V-I', 0)
    notes = jazz_licks.make_solo(chords, np.random.default_rng(0))
    path = tmp_path / 'solo.mid'
    jazz_audio.write_midi(path, notes, chords)
    midi = mido.MidiFile(path)
    ons = [m for m in midi.tracks[0] if m.type == 'note_on'
           and m.velocity > 0]
    assert len(ons) == sum(p is not None for _, _, p, _ in notes)
    assert abs(midi.length - 16 * 60 / jazz_audio.BPM) < 0.5
    audio = jazz_audio.synthesize(notes, chords)
    assert audio.dtype == np.float32 and np.abs(audio).max() <= 0.91
    assert 16 * 60 / jazz_audio.BPM < audio.size / jazz_audio.RATE < 8


def test_swing_moves_only_off_beat_eighths():
    assert np.allclose(jazz_audio.swing([0, 0.5, 1.5, 1 / 3, 2]),
                       [0, 2 / 3, 1 + 2 / 3, 1 / 3, 2])


def _broken(name, edits):
    ref = grade.reference('C5_W1A3')
    src = ref.sources[name]
    for old, new in edits.items():
        assert src.count(old) == 1, old
        src = src.replace(old, new)
    ns = dict(ref.ns)
    exec(compile(src, f'<broken {name}>', 'exec'), ns)
    return ns[name]


BUGS = [
    ('djmodel', {'Lambda(lambda z, t=t: z[:, t, :])(X)':
                 'Lambda(lambda z: z[:, t, :])(X)'}, 'bind it now'),
    ('djmodel', {'x = Lambda(lambda z, t=t: z[:, t, :])(X)':
                 'x = X[:, t, :]'}, 'wrap it in a Lambda layer'),
    ('djmodel', {'_, a, c = LSTM_cell(x,':
                 '_, a, c = LSTM(n_a, return_state=True)(x,'},
     'not new layers'),
    ('music_inference_model', {'x = RepeatVector(1)(x)':
                               'x = RepeatVector(1)(out)'},
     'probabilities are fed back'),
    ('music_inference_model', {'_, a, c = LSTM_cell(x, initial_state=[a, c])':
                               '_, a, c = LSTM_cell(x, initial_state=[a0, '
                               'c0])'}, 'starts from a0 and c0'),
    ('predict_and_sample', {'num_classes=np.shape(pred)[-1]': ''},
     'results has shape'),
    ('predict_and_sample', {'[x_initializer, a_initializer,':
                            '[x_initializer, c_initializer,',
                            '                                    '
                            'c_initializer]':
                            '                                    '
                            'a_initializer]'}, 'in that order'),
]


@pytest.mark.parametrize('name, edits, message', BUGS,
                         ids=[f'{n}-{i}' for i, (n, _e, _m)
                              in enumerate(BUGS)])
def test_public_checks_catch_realistic_bugs(name, edits, message):
    with pytest.raises(CheckFailed, match=message):
        getattr(checks, name)(_broken(name, edits))
