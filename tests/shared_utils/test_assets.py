"""Tests of the asset registry and its command (shared_utils/assets*.py)."""
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import h5py
import numpy as np
import pytest

from autograder import curriculum
from shared_utils import assets, assets_catalog, assets_core, data, signs
from shared_utils.assets_train import file_sha256

REPO = Path(__file__).resolve().parents[2]
# Course 4-5 assignment ids of the curriculum spec's summary table.
C45 = ('C4_W1A1', 'C4_W1A2', 'C4_W2A1', 'C4_W2A2', 'C4_W3A1', 'C4_W3A2',
       'C4_W4A1', 'C4_W4A2', 'C5_W1A1', 'C5_W1A2', 'C5_W1A3', 'C5_W2A1',
       'C5_W2A2', 'C5_W3A1', 'C5_W3A2', 'C5_W4A1')
ISSUES = (assets_catalog.C4A, assets_catalog.C4B, assets_catalog.C5A,
          assets_catalog.C5B)
MODELS = [a.name for a in assets.ASSETS
          if a.kind == 'trained model' and a.status == 'ready']


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv('DLS_CACHE', str(tmp_path / 'cache'))
    return tmp_path / 'cache'


def cli(*argv):
    out = io.StringIO()
    code = assets.main(list(argv), out=out)
    return code, out.getvalue()


# ---------------------------------------------------------- the catalogue

def test_every_assignment_has_its_assets_or_says_it_needs_none():
    ids = set(curriculum.ASSIGNMENTS) | set(C45)
    used = {i for a in assets.ASSETS for i in a.assignments}
    for i in sorted(ids):
        assert (i in used) != (i in assets_catalog.NO_DATA), i
    assert all(assets_catalog.NO_DATA.values())
    unknown = {i for i in used if i not in ids and not i.startswith('lab:')}
    assert not unknown, unknown


def test_rows_are_complete_and_course_1_2_is_ready():
    assert len(assets.REGISTRY) == len(assets.ASSETS)   # unique names
    for a in assets.ASSETS:
        assert a.kind in assets_core.KINDS, a.name
        assert a.how and a.why and a.checksum and a.location, a.name
        assert a.size_mb > 0 and a.build_s >= 0, a.name
        if a.status == 'planned':
            assert a.issue in ISSUES, a.name
        else:
            assert a.issue == '' and a.recipe is not None, a.name
        if any(i.startswith(('C1', 'C2')) for i in a.assignments):
            assert a.status == 'ready', a.name


def test_first_use_builds_are_short_and_slow_ones_are_committed():
    """No notebook waits more than a minute on a first-use build: what
    takes longer is committed (or built only inside a model's build)."""
    for a in assets.ASSETS:
        if a.stored in ('cache', 'memory') and a.why != assets_catalog.INSIDE:
            assert a.build_s <= 60, a.name
        if a.kind == 'trained model':
            assert a.committed, a.name


def test_committed_growth_for_courses_4_5_within_budget():
    total = sum(a.size_mb for a in assets.ASSETS if a.committed
                and not any(i.startswith(('C1', 'C2'))
                            for i in a.assignments))
    assert assets.committed_mb() == pytest.approx(total)
    assert total <= assets_catalog.COMMITTED_BUDGET_MB
    for a in assets.ASSETS:       # committed files exist, sizes are true
        if a.committed and a.status == 'ready':
            size = (REPO / a.location).stat().st_size / 1e6
            assert size == pytest.approx(a.size_mb, rel=0.1, abs=0.01), a.name


# ----------------------------------------------- loaders go through it

def test_loaders_use_the_registry_and_keep_their_digests(cache):
    train, test = data.catvnoncat_paths()
    assert [train, test] == assets.get('catvnoncat').recipe.paths()
    assert list(signs.signs_paths()) == assets.get('signs').recipe.paths()
    x, y, tx, ty, classes = data.load_catvnoncat()
    assert data.digest(x) == data._CAT_SHA256['train_set_x']
    assert data.digest(ty.ravel()) == data._CAT_SHA256['test_set_y']
    assert y.shape == (1, 209) and classes.tolist() == [b'non-cat', b'cat']
    x, _, _, _, _ = signs.load_signs()
    assert data.digest(x) == signs._SIGNS_SHA256['train_set_x']


def make_toy(name):
    """A test-only asset's maker: 4 seeded numbers per file."""
    seed = {'a.h5': 1, 'b.h5': 2}[name]
    return {'v': np.random.default_rng(seed).normal(size=4)}


def toy_asset():
    recipe = assets_core.CachedH5({'a.h5': ('v',), 'b.h5': ('v',)},
                                  f'{__name__}:make_toy',
                                  f'{__name__}:TOY_SHA256')
    return assets_core.Asset('toy', ('C1_W2A1',), 'dataset', 'test only', 0,
                             None, False, 'test', 0.01, 0.0, 'arrays', recipe)


TOY_SHA256 = {'v': data.digest(make_toy('a.h5')['v'])}   # a.h5 only


def test_a_new_data_set_is_one_row_not_new_code(cache, monkeypatch):
    """Registering a (test-only) asset is enough for loaders and the CLI."""
    monkeypatch.setitem(assets.REGISTRY, 'toy', toy_asset())
    path, arrays = assets.cached_h5('toy', 'a.h5')
    assert path == cache / 'a.h5' and path.exists()
    np.testing.assert_array_equal(arrays['v'], make_toy('a.h5')['v'])
    with pytest.raises(data.DataError, match='Freshly generated b.h5'):
        assets.cached_h5('toy', 'b.h5')      # its digest is not recorded
    assert not (cache / 'b.h5').exists()     # nothing unverified is kept


# ------------------------------------------------------------- the CLI

def test_list_shows_every_asset_with_status_and_cache_state(cache):
    code, out = cli('list')
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ['name', 'assignments', 'kind']
    for a in assets.ASSETS:
        row = next(line for line in lines if line.startswith(a.name + ' '))
        assert a.kind in row and f'{a.size_mb:g} MB' in row, row
        if a.status == 'planned':
            assert f'planned ({a.issue})' in row
    row = next(line for line in lines if line.startswith('catvnoncat '))
    assert row.split()[-1] == 'no'                   # empty cache
    assert f'of {assets_catalog.COMMITTED_BUDGET_MB} MB' in out


def test_build_then_check_every_ready_asset(cache):
    code, out = cli('build')
    assert code == 0, out
    for a in assets.ASSETS:
        line = next(x for x in out.splitlines() if x.startswith(a.name + ':'))
        if a.status == 'planned':
            assert f'planned ({a.issue}): skipped' in line
        else:
            assert 'FAILED' not in line, line
            assert ' s; a full build takes ~' in line, line
    assert f'build: {len(assets.ASSETS)} assets in ' in out
    assert ', 0 failed' in out
    assert sorted(p.name for p in cache.iterdir()) == sorted(
        ['test_catvnoncat.h5', 'train_catvnoncat.h5', 'test_signs.h5',
         'train_signs.h5', 'test_happy.h5', 'train_happy.h5', 'alpaca',
         'carla'])
    code, out = cli('list')
    assert next(x for x in out.splitlines()
                if x.startswith('signs ')).split()[-1] == 'yes'
    code, out = cli('check')
    assert code == 0, out
    assert 'catvnoncat: 2 cached files match their digests' in out
    assert 'vineyard: 4 arrays match their digests' in out
    assert 'nmt_dates_model: held-out exact_match 1.000' in out


def test_unknown_name_is_refused(cache):
    with pytest.raises(SystemExit):
        cli('build', '--budget', 'huge')
    assert cli('build', 'no_such_asset')[0] == 2


def test_module_runs_as_a_command(cache):
    planned = [a for a in assets.ASSETS if a.status == 'planned'][:1]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    res = subprocess.run([sys.executable, '-m', 'shared_utils.assets',
                          'build', 'moons', *(a.name for a in planned)],
                         cwd=REPO, env=env, capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, res.stderr
    assert 'moons: regenerated; 2 arrays match their digests' in res.stdout
    for a in planned:       # a planned asset is named, not built
        assert f'{a.name}: planned ({a.issue}): skipped' in res.stdout
    assert f'build: {1 + len(planned)} asset' in res.stdout


# --------------------------------------------------- damaged files

def test_corrupted_cached_file_is_detected_with_a_clear_message(cache):
    assert cli('build', 'catvnoncat')[0] == 0
    with h5py.File(cache / 'test_catvnoncat.h5', 'r+') as f:
        f['test_set_x'][3, 10, 10, 1] ^= 4
    with pytest.raises(data.DataError) as err:
        assets.check('catvnoncat')
    msg = str(err.value)
    assert 'test_catvnoncat.h5' in msg and 'test_set_x has sha256' in msg
    assert 'delete it' in msg
    code, out = cli('check', 'catvnoncat', 'moons')
    assert code == 1
    assert 'catvnoncat: FAILED' in out and '1 failed (catvnoncat)' in out


def test_damaged_committed_files_are_detected(tmp_path, monkeypatch):
    for a in ('vineyard', 'nmt_dates_model'):
        rel = assets.get(a).location
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / rel, tmp_path / rel)
    monkeypatch.setattr(assets_core, 'REPO', tmp_path)
    from scipy.io import loadmat, savemat
    mat = tmp_path / assets.get('vineyard').location
    d = loadmat(mat)
    d['yval'][0, 0] = 1 - d['yval'][0, 0]
    savemat(mat, {k: d[k] for k in ('X', 'y', 'Xval', 'yval')})
    with pytest.raises(data.DataError, match='yval has sha256.*git checkout'):
        assets.check('vineyard')
    weights = tmp_path / assets.get('nmt_dates_model').location
    with open(weights, 'r+b') as f:
        f.seek(5000)
        byte = f.read(1)
        f.seek(5000)
        f.write(bytes([byte[0] ^ 1]))
    with pytest.raises(data.DataError, match='damaged or was retrained'):
        assets.check('nmt_dates_model')
    weights.unlink()
    with pytest.raises(data.DataError, match='is missing'):
        assets.check('nmt_dates_model')


# ------------------------------------------------- trained models

@pytest.mark.slow
def test_every_model_trains_on_a_tiny_budget(cache):
    """The training scripts cannot rot: each ready model asset trains in
    seconds (in a subprocess: op determinism is process-wide) into the
    cache's tiny/ folder, loads into build_model() with the right
    structure, and leaves the committed weights alone."""
    assert MODELS, 'no model asset to train'
    before = {m: file_sha256(assets.get(m).recipe.path()) for m in MODELS}
    env = dict(os.environ, PYTHONPATH=str(REPO), TF_CPP_MIN_LOG_LEVEL='2')
    res = subprocess.run([sys.executable, '-m', 'shared_utils.assets',
                          'build', '--budget', 'tiny', *MODELS], cwd=REPO,
                         env=env, capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stdout + res.stderr[-3000:]
    for m in MODELS:
        recipe = assets.get(m).recipe
        assert (cache / 'tiny' / recipe.file).exists()
        assert f'{m}: trained (tiny): ' in res.stdout
        assert file_sha256(recipe.path()) == before[m]
    assert 'nmt_dates_model: trained (tiny): ' in res.stdout
    assert '52,960 parameters' in res.stdout


def test_readme_table_is_the_catalogue():
    """shared_utils/README.md's table is regenerated from the catalogue."""
    readme = (REPO / 'shared_utils' / 'README.md').read_text()
    code, out = cli('list', '--markdown')
    assert code == 0 and out.strip() == assets.markdown()
    assert assets.markdown() in readme, (
        'regenerate the table in shared_utils/README.md with '
        '`python -m shared_utils.assets list --markdown`')
    rows = assets.markdown().splitlines()[2:]
    totals = [float(r.split('|')[10]) for r in rows
              if r.split('|')[10].strip()]
    assert totals == sorted(totals)       # a running total
    assert totals[-1] == pytest.approx(assets.committed_mb(), abs=0.05)
