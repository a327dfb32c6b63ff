"""C5_W2A1 master notebook (Operations on word vectors): runs top to
bottom with clean checks within its budget and shows what it states (the
GloVe cosines, the analogies it solves and misses, neutralising removes the
bias projection, equalising makes pairs symmetric); the optional debiasing
functions are checked but not graded, and their public checks catch
realistic bugs; the GloVe loader and asset."""
import numpy as np
import pytest

from autograder import grade
from helpers import master
from notebook_runner import (assert_optional_exercises_ungraded,
                             assert_public_checks_pass, execute, last_json)
from shared_utils import assets, glove
from shared_utils.checks import CheckFailed
from shared_utils.checks import c5_w2a1 as checks

GRADED = ['cosine_similarity', 'complete_analogy']
OPTIONAL = ['neutralize', 'equalize']
REPORT = '''
import json
print(json.dumps({
    "pairs": {k: float(v) for k, v in pair_cosines.items()},
    "headline": headline, "quiz": quiz, "solved": int(solved),
    "step_cosine": float(mean_step_cosine),
    "receptionist": {k: float(v) for k, v in receptionist.items()},
    "after": {k: float(v) for k, v in after.items()},
    "equalized": {k: {p: [float(x) for x in v] for p, v in d.items()}
                  for k, d in equalized.items()},
    "gap": [float(gap_before), float(gap_after)]}))
'''


@pytest.fixture(scope='module')
def run():
    return execute('C5_W2A1', extra=REPORT)


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
    for name in OPTIONAL:
        text = ''.join(o.get('text', '') for s, o in outputs
                       if s == f'checks.{name}({name})')
        assert 'all public checks passed' in text, name
    images = [o for _s, o in outputs if 'image/png' in o.get('data', {})]
    assert len(images) == 3     # PCA arrows, bias bars, bias plane


@pytest.mark.slow
def test_full_run_stays_within_the_budget(run):
    """The issue's budget on 2 cores: 3 minutes (about 25 s alone)."""
    assert run.metadata['seconds'] < 180


@pytest.mark.slow
def test_cosines_are_the_stated_ones(run):
    pairs = last_json(run)['pairs']
    assert pairs['father, mother'] == pytest.approx(0.890904, abs=1e-6)
    assert pairs['ball, crocodile'] == pytest.approx(0.274392, abs=1e-6)
    assert pairs['france - paris, rome - italy'] == pytest.approx(
        -0.675148, abs=1e-6)


@pytest.mark.slow
def test_analogies_solved_and_missed_as_stated(run):
    result = last_json(run)
    assert result['headline'] == {
        'italy -> italian :: spain': 'spanish',
        'india -> delhi :: japan': 'tokyo',
        'man -> woman :: boy': 'girl',
        'small -> smaller :: large': 'larger'}
    quiz = result['quiz']
    assert result['solved'] == 9
    for question, answer in (('king -> queen :: man', 'woman'),
                              ('actor -> actress :: waiter', 'waitress'),
                              ('one -> two :: three', 'four'),
                              ('big -> bigger :: small', 'larger')):
        assert quiz[question] == answer, question
    assert 0.6 < result['step_cosine'] < 0.7     # "about 0.66"


@pytest.mark.slow
def test_neutralize_removes_the_bias_projection(run):
    result = last_json(run)
    assert result['receptionist']['before'] == pytest.approx(0.28489,
                                                             abs=1e-5)
    assert abs(result['receptionist']['after']) < 1e-15
    assert max(abs(v) for v in result['after'].values()) < 1e-15


@pytest.mark.slow
def test_equalize_makes_pairs_symmetric(run):
    result = last_json(run)
    for pair, d in result['equalized'].items():
        assert d['after'][0] == pytest.approx(-d['after'][1], abs=1e-12)
        assert d['after'][0] < 0, pair        # the male word stays male
        assert d['norms'] == pytest.approx([1, 1], abs=1e-12)
    assert result['equalized']['man, woman']['after'][1] == pytest.approx(
        0.23871, abs=1e-5)
    assert result['gap'][0] > 0.1 and abs(result['gap'][1]) < 1e-12


def test_notebook_states_its_claims():
    text = '\n'.join(c.source for c in master('C5_W2A1').cells
                     if c.cell_type == 'markdown')
    for claim in ('+0.8909', '+0.2744', '-0.6751', '*spanish*, *tokyo*, '
                  '*girl* and *larger*', 'Nine of the fourteen',
                  'about $0.66$', 'about $+0.285$', '$10^{-17}$'):
        assert claim in text, claim


@pytest.mark.slow
def test_validate_mode_run_is_quick():
    nb = execute('C5_W2A1', env={'NBGRADER_EXECUTION': 'validate'})
    assert nb.metadata['seconds'] < 120
    assert_public_checks_pass(nb)


def test_optional_functions_are_exercises_but_not_graded():
    assert_optional_exercises_ungraded('C5_W2A1', GRADED, OPTIONAL)


def _broken(name, edits):
    ref = grade.reference('C5_W2A1')
    src = ref.sources[name]
    for old, new in edits.items():
        assert src.count(old) == 1, old
        src = src.replace(old, new)
    ns = dict(ref.ns)
    exec(compile(src, f'<broken {name}>', 'exec'), ns)
    return ns[name]


BUGS = [
    ('neutralize', {'np.sum(g * g)': 'np.linalg.norm(g)'}),
    ('neutralize', {'np.sum(g * g)': '1'}),
    ('neutralize', {'e_debiased = e - e_biascomponent':
                    'e_debiased = e_biascomponent'}),
    ('neutralize', {'e_debiased = e - e_biascomponent':
                    'e -= e_biascomponent\n    e_debiased = e'}),
    ('equalize', {'scale = np.sqrt(np.abs(1 - np.sum(mu_orth * mu_orth)))':
                  'scale = 1'}),
    ('equalize', {'e_1 = mu_orth + scale': 'e_1 = mu + scale',
                  'e_2 = mu_orth + scale': 'e_2 = mu + scale'}),
    ('equalize', {'(e_w1B - mu_B) / np.linalg.norm(e_w1B - mu_B)':
                  '(e_w2B - mu_B) / np.linalg.norm(e_w2B - mu_B)'}),
    ('equalize', {' / np.linalg.norm(e_w1B - mu_B)': '',
                  ' / np.linalg.norm(e_w2B - mu_B)': ''}),
    ('equalize', {'mu_orth = mu - mu_B': 'mu_orth = mu'}),
]


@pytest.mark.parametrize('name, edits', BUGS,
                         ids=[f'{n}-{i}' for i, (n, _e) in enumerate(BUGS)])
def test_optional_public_checks_catch_realistic_bugs(name, edits):
    with pytest.raises(CheckFailed):
        getattr(checks, name)(_broken(name, edits))


def test_optional_public_checks_pass_on_the_reference():
    ref = grade.reference('C5_W2A1')
    for name in OPTIONAL:
        getattr(checks, name)(ref.ns[name])


def test_glove_loader_gives_the_known_vectors():
    words, word_to_vec_map = glove.read_glove_vecs()
    assert len(words) == 400_000 and 'coffee' in words
    e = word_to_vec_map['the']
    assert e.shape == (50,) and e.dtype == np.float64
    assert e[:4] == pytest.approx([0.418, 0.24968, -0.41242, 0.1217],
                                  abs=1e-6)
    w2i, i2w, w2v = glove.read_glove_indexed()
    assert w2i['the'] == 1 and i2w[1] == 'the' and len(w2i) == 400_000
    assert min(i2w) == 1 and max(i2w) == 400_000
    assert np.array_equal(w2v['coffee'], word_to_vec_map['coffee'])
    assert 'match their digests' in assets.check('glove_6b_50d')


def test_glove_loader_reads_a_text_file_too(tmp_path):
    """Another source slots in: a file in GloVe's text format."""
    path = tmp_path / 'tiny.txt'
    path.write_text('cat 1 0 0.5\ndog 0.5 1 0\n')
    words, w2v = glove.read_glove_vecs(str(path))
    assert words == {'cat', 'dog'}
    assert w2v['dog'] == pytest.approx([0.5, 1, 0])
    w2i, i2w, _ = glove.read_glove_indexed(str(path))
    assert w2i == {'cat': 1, 'dog': 2} and i2w == {1: 'cat', 2: 'dog'}
