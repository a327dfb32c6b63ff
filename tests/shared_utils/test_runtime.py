"""shared_utils.runtime: grading mode, and demo cells of optional
exercises that wait until the learner has written them."""
import re

import pytest

from autograder import curriculum, notebook
from shared_utils import runtime

OPTIONAL = re.compile(r'^# OPTIONAL FUNCTION \(not graded\): (\w+)', re.M)


def test_pick_takes_the_fast_value_while_grading(monkeypatch):
    monkeypatch.delenv('NBGRADER_EXECUTION', raising=False)
    assert runtime.pick('full', 'fast') == 'full' and not runtime.grading()
    monkeypatch.setenv('NBGRADER_EXECUTION', 'validate')
    assert runtime.pick('full', 'fast') == 'fast' and runtime.grading()


def test_optional_skips_an_unwritten_function_and_says_what_to_write(capsys):
    ran = []
    with runtime.optional('neutralize', 'equalize'):
        ran.append('before')
        raise NotImplementedError()
    assert ran == ['before']
    out = capsys.readouterr().out
    assert out.startswith('Skipped:') and 'neutralize, equalize' in out


def test_optional_lets_other_errors_through(capsys):
    with pytest.raises(ValueError):
        with runtime.optional('neutralize'):
            raise ValueError('a real bug')
    with runtime.optional('neutralize'):
        pass
    assert capsys.readouterr().out == ''


def _calls(src, name):
    return re.search(rf'(?<![\w.]){name}\(', src) is not None


@pytest.mark.parametrize('assignment', sorted(curriculum.ASSIGNMENTS))
def test_cells_using_optional_exercises_survive_their_stubs(assignment):
    """'Run All' on a released notebook must not stop at a demo cell that
    calls an optional exercise the learner skipped."""
    nb = notebook.read(curriculum.get(assignment).master)
    sources = [notebook.source(c) for c in nb.cells if c.cell_type == 'code']
    optional = [m for s in sources for m in OPTIONAL.findall(s)]
    for src in sources:
        if OPTIONAL.search(src) or notebook.MARKER.search(src):
            continue        # an exercise may call another one
        for name in optional:
            if _calls(src, name) and not src.lstrip().startswith('checks.'):
                assert 'with optional(' in src or \
                    'except NotImplementedError' in src, (name, src[:200])
