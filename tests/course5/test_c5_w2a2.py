"""C5_W2A2 master notebook (Emojify): runs top to bottom with clean checks
and no stderr within its budget, reaches the accuracies it states (V1 by
averaging, V2 with two LSTMs on a frozen GloVe embedding), shows the model
summary it describes, validates quickly; the sentence data and its
helpers."""
import numpy as np
import pytest

from helpers import master
from notebook_runner import assert_public_checks_pass, execute, last_json
from shared_utils import assets, emo_utils

REPORT = '''
import json
print(json.dumps({"v1": [v1_train_acc, v1_test_acc],
                  "v2": [float(v2_train_acc), float(v2_test_acc)],
                  "params": {k: int(v) for k, v in v2_params.items()},
                  "maxLen": int(maxLen),
                  "v1_mine": predict(mine, None, W, b,
                                     word_to_vec_map)[:, 0].tolist(),
                  "v2_mine": np.argmax(model_v2.predict(mine_indices,
                                                        verbose=0),
                                       axis=1).tolist()}))
'''


@pytest.fixture(scope='module')
def run():
    return execute('C5_W2A2', extra=REPORT)


def _outputs(nb):
    return [(c.source, o) for c in nb.cells if c.cell_type == 'code'
            for o in c.get('outputs', [])]


@pytest.mark.slow
def test_runs_top_to_bottom_with_clean_checks_and_no_stderr(run):
    assert_public_checks_pass(run)
    outputs = _outputs(run)
    assert not [o for _s, o in outputs if o.output_type == 'error']
    assert not [o.text for _s, o in outputs
                if o.output_type == 'stream' and o.name == 'stderr']
    images = [o for _s, o in outputs if 'image/png' in o.get('data', {})]
    assert len(images) == 3     # two confusion matrices, the V2 curves


@pytest.mark.slow
def test_full_run_stays_within_the_budget(run):
    """The issue's budget on 2 cores: 4 minutes (about 1 minute alone)."""
    assert run.metadata['seconds'] < 240


@pytest.mark.slow
def test_accuracies_are_the_stated_ones(run):
    """V1 is plain NumPy with a fixed seed: exactly 0.915 / 0.84. V2 is
    seeded but TensorFlow may vary by a sentence or two: the notebook says
    'about 86 %', no worse than V1 (measured 0.86)."""
    result = last_json(run)
    assert result['v1'] == pytest.approx([0.915, 0.84])
    train, test = result['v2']
    assert train >= 0.95
    assert 0.82 <= test <= 0.92 and test >= result['v1'][1]
    assert result['maxLen'] == 9


@pytest.mark.slow
def test_lstm_reads_negations_the_average_misses(run):
    """The notebook states: the average gets "i am not happy at all" right
    (😞, label 3) but gives 😄 (2) to "she is not happy today", "we are not
    excited" and "this is not a good idea"; the LSTM gets those three
    right."""
    result = last_json(run)
    assert result['v1_mine'][:4] == [3, 2, 2, 2], result
    assert result['v2_mine'][1:4] == [3, 3, 3], result


@pytest.mark.slow
def test_model_summary_as_described(run):
    params = last_json(run)['params']
    assert params == {'total': 20_223_927, 'trainable': 223_877}


def test_notebook_states_its_claims():
    text = '\n'.join(c.source for c in master('C5_W2A2').cells
                     if c.cell_type == 'markdown')
    for claim in ('About 91.5 %', '84 % of the test', 'about 86 %',
                  '30 of the 50', 'she is not happy today',
                  '20,000,050', '20,223,927', '223,877', '91,648',
                  '131,584', '645', 'len(X)'):
        assert claim in text, claim


@pytest.mark.slow
def test_validate_mode_run_is_quick():
    nb = execute('C5_W2A2', env={'NBGRADER_EXECUTION': 'validate'})
    assert nb.metadata['seconds'] < 120
    assert_public_checks_pass(nb)


def test_sentences_are_balanced_and_in_glove():
    X, Y = emo_utils.read_csv('train')
    Xt, Yt = emo_utils.read_csv('test')
    assert len(X) == 200 and len(Xt) == 50
    assert np.bincount(Y).tolist() == [40] * 5
    assert np.bincount(Yt).tolist() == [10] * 5
    assert not set(X) & set(Xt)              # no test sentence is trained on
    from shared_utils import glove
    words = set(glove.load_matrix()[0])
    for sentence in np.concatenate([X, Xt]):
        assert sentence == sentence.lower().strip()
        assert all(w in words for w in sentence.split()), sentence
    assert 'SHA-256 matches' in assets.check('emoji_sentences')


def test_helpers():
    assert [emo_utils.label_to_emoji(k) for k in range(5)] == [
        '\u2764\ufe0f', '\u26be', '\U0001f604', '\U0001f61e', '\U0001f374']
    oh = emo_utils.convert_to_one_hot(np.array([3, 0]), C=5)
    assert oh.tolist() == [[0, 0, 0, 1, 0], [1, 0, 0, 0, 0]]
    assert emo_utils.softmax(np.array([1.0, 1.0])).tolist() == [0.5, 0.5]
    counts = emo_utils.confusion([0, 1, 1], [0, 1, 2], C=3)
    assert counts.tolist() == [[1, 0, 0], [0, 1, 1], [0, 0, 0]]
    vocab = {'a': np.array([1.0, 0.0]), 'b': np.array([0.0, 1.0])}
    W, b = np.eye(2), np.zeros(2)
    pred = emo_utils.predict(['a a', 'B', 'zzz'], None, W, b, vocab)
    assert pred.shape == (3, 1) and pred[:, 0].tolist() == [0, 1, 0]
    with pytest.raises(ValueError):
        emo_utils.read_csv('dev')
