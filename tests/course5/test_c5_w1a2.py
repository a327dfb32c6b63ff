"""C5_W1A2 master notebook (Dinosaurus Island): runs top to bottom with
clean public checks within its budget, reaches what it states (the smoothed
loss below 19 after 22,001 iterations, at least half of 100 sampled names
ending like a genus, few copies), draws its plots, and validates quickly.
The names file is checked against its recorded digest and provenance."""
import hashlib

import pytest

from autograder import grade
from helpers import master
from notebook_runner import assert_public_checks_pass, execute, last_json
from shared_utils import assets, dinos

REPORT = '''
import json
print(json.dumps({**{k: float(v) for k, v in dino_results.items()},
                  "iterations": progress.iterations,
                  "losses": progress.losses,
                  "stages": [len(n) for n in progress.names],
                  "new_names": new_names, "clip_demo": clip_demo}))
'''


@pytest.fixture(scope='module')
def run():
    return execute('C5_W1A2', extra=REPORT)


def _outputs(nb):
    return [o for c in nb.cells if c.cell_type == 'code'
            for o in c.get('outputs', [])]


@pytest.mark.slow
def test_runs_top_to_bottom_within_budget_and_clean(run):
    """The issue's budget: 3 minutes on 2 cores (measured about 40 s)."""
    assert run.metadata['seconds'] < 180
    assert_public_checks_pass(run)
    outputs = _outputs(run)
    assert not [o for o in outputs if o.output_type == 'error']
    assert not [o.text for o in outputs
                if o.output_type == 'stream' and o.name == 'stderr']
    images = [o for o in outputs if 'image/png' in o.get('data', {})]
    assert len(images) >= 5   # data, clipping, clipped vs raw training,
    #                           loss curve, names table


@pytest.mark.slow
def test_training_reaches_the_stated_loss(run):
    """Smoothed loss reported every 2,000 iterations up to 22,000, falling
    from the uniform guess (about 45) to below 19, as the notebook says."""
    result = last_json(run)
    assert result['iterations'] == list(range(0, 22001, 2000))
    losses = result['losses']
    assert losses[0] > 40
    assert result['final_loss'] == losses[-1] < 19
    assert losses[-1] < losses[1] < losses[0]
    assert all(n == 7 for n in result['stages'])   # seeds 0-6 each time


@pytest.mark.slow
def test_clipping_keeps_wild_weights_in_check(run):
    """From wild weights, raw gradients throw a weight past 80 and leave
    the loss on other names near 49; clipped ones keep every weight below
    5 and reach about 43, as the notebook says."""
    demo = last_json(run)['clip_demo']
    raw, clipped = demo['raw gradients'], demo['clip(gradients, 5)']
    assert raw['largest weight'] > 80 and clipped['largest weight'] < 5, demo
    assert raw['loss on other names'] == pytest.approx(49, abs=1.5), demo
    assert clipped['loss on other names'] == pytest.approx(43, abs=1.5), demo
    assert clipped['loss on other names'] < raw['loss on other names'] - 4


@pytest.mark.slow
def test_sampled_names_look_like_dinosaurs(run):
    """At least half of 100 names end like a genus; few are copies of the
    list; they have name-like lengths and only letters."""
    result = last_json(run)
    assert result['genus_ending'] >= 0.5
    assert result['copied'] <= 0.2
    assert 6 <= result['median_length'] <= 18
    names = result['new_names']
    assert len(names) == 100 and len(set(names)) >= 90
    assert all(n.isalpha() for n in names)


def test_notebook_states_its_claims():
    text = '\n'.join(c.source for c in master('C5_W1A2').cells
                     if c.cell_type == 'markdown')
    for claim in ('22,001 iterations', '**below 19**', '**at least half**',
                  '`np.random.seed(seed)` **once**', 'np.random.seed(0)',
                  'fresh zero state', 'PROVENANCE', 'above **80**',
                  'near **49**', 'below **5**', 'about **43**'):
        assert claim in text, claim


def test_names_file_is_the_recorded_one():
    """dinos.txt: 1,536 names, 27 characters once lower-cased, digest as
    recorded; the asset check passes without the Debian word list."""
    text = dinos.load_text()
    assert hashlib.sha256(text.encode()).hexdigest() == dinos.SHA256
    names = text.splitlines()
    assert len(names) == dinos.TOTAL == len(set(names))
    assert sorted(set(text.lower())) == ['\n'] + list(
        'abcdefghijklmnopqrstuvwxyz')
    assert 'file SHA-256 matches' in assets.check('dinos_txt')
    # the real names come first, none of them a living animal
    real = [n.lower() for n in names[:244]]
    assert real == sorted(real)
    assert not set(real) & dinos.NOT_PREHISTORIC
    assert {'tyrannosaurus', 'triceratops', 'velociraptor', 'iguanodon',
            'archaeopteryx', 'stegosaurus'} <= set(real)


def test_combiner_is_seeded_and_avoids_real_names():
    made = dinos.combined_names(50, {'stegosaurus'}, seed=3)
    assert made == dinos.combined_names(50, {'stegosaurus'}, seed=3)
    assert made != dinos.combined_names(50, {'stegosaurus'}, seed=4)
    assert 'stegosaurus' not in made and len(set(made)) == 50
    assert dinos.join('iguano', 'odon') == 'iguanodon'
    assert dinos.join('tyranno', 'saurus') == 'tyrannosaurus'
    assert dinos.join('veloci', 'raptor') == 'velociraptor'


def test_reference_model_trains_deterministically_on_a_tiny_list():
    """Two runs of our model give the same weights; sampling leaves the
    training untouched (the same weights with dino_names 0 and 5)."""
    ns = grade.reference('C5_W1A2').ns
    chars = ['\n'] + list('abcde')
    c2i = {c: i for i, c in enumerate(chars)}
    i2c = {i: c for c, i in c2i.items()}
    data = ['abe', 'bead', 'dace', 'cab']
    p1, _ = ns['model'](data, i2c, c2i, 60, n_a=4, dino_names=0,
                        vocab_size=6)
    p2, last = ns['model'](data, i2c, c2i, 60, n_a=4, dino_names=5,
                           vocab_size=6)
    assert all((p1[k] == p2[k]).all() for k in p1)
    assert last.endswith('\n') and last[:1].isupper()


@pytest.mark.slow
def test_validate_mode_run_is_quick():
    nb = execute('C5_W1A2', env={'NBGRADER_EXECUTION': 'validate'})
    assert nb.metadata['seconds'] < 60
    assert_public_checks_pass(nb)
