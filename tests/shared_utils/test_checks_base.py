"""The public-check toolkit: one line per function, and optional
exercises that may stay unwritten."""
import pytest

from shared_utils.checks._base import CheckFailed, check


def _stub(*args):
    raise NotImplementedError()


def test_a_graded_stub_fails_with_not_implemented():
    with pytest.raises(CheckFailed, match='not implemented yet'):
        with check('sigmoid') as c:
            c.call(_stub, 0.0)


def test_an_optional_stub_gets_a_note_and_run_all_goes_on(capsys):
    after = []
    with check('neutralize', optional=True) as c:
        c.call(_stub, 'word')
        after.append('checked')        # never reached
    assert after == []
    out = capsys.readouterr().out
    assert 'neutralize: optional and not written yet' in out
    assert 'passed' not in out


def test_an_optional_exercise_written_wrong_still_fails():
    with pytest.raises(CheckFailed, match='expected 1'):
        with check('neutralize', optional=True) as c:
            c.true(c.call(lambda: 2) == 1, 'expected 1')
