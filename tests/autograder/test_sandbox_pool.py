"""The next submission's sandbox starts (and imports) while this one is
graded: sandbox_pool.py."""
import numpy as np
import pytest

from autograder import sandbox_pool
from autograder.sandbox import Limits

PRELUDE = 'import numpy as np'


@pytest.fixture(autouse=True)
def _no_spare_left():
    sandbox_pool.close()
    yield
    sandbox_pool.close()


def _load_and_call(box, prelude=PRELUDE):
    reply = box.load('f', prelude, [], 'def f(x):\n    return np.sum(x)\n')
    assert reply['ok'] and reply['callable'], reply
    return box.call((np.arange(4.0),)).value


def test_each_submission_takes_the_child_the_one_before_started():
    limits = Limits(call_s=5)
    first = sandbox_pool.take(limits, PRELUDE)
    spare = next(iter(sandbox_pool._SPARE.values()))
    assert spare is not first and spare.proc.poll() is None
    assert _load_and_call(first) == 6.0
    first.close()
    second = sandbox_pool.take(limits, PRELUDE)
    assert second is spare                    # imported meanwhile
    assert _load_and_call(second) == 6.0      # its 'warm' reply is consumed
    assert len(sandbox_pool._SPARE) == 1
    second.close()


def test_another_assignment_closes_the_spare_and_close_ends_it():
    box = sandbox_pool.take(Limits(call_s=5), PRELUDE)
    old = next(iter(sandbox_pool._SPARE.values()))
    other = sandbox_pool.take(Limits(call_s=5), PRELUDE + '\nimport math')
    assert old.proc.poll() is not None        # closed: it was the wrong one
    new = next(iter(sandbox_pool._SPARE.values()))
    sandbox_pool.close()
    assert new.proc.poll() is not None and not sandbox_pool._SPARE
    for b in (box, other):
        b.close()


def test_a_dead_spare_is_replaced():
    limits = Limits(call_s=5)
    sandbox_pool.take(limits, PRELUDE).close()
    next(iter(sandbox_pool._SPARE.values())).kill()
    box = sandbox_pool.take(limits, PRELUDE)
    assert _load_and_call(box) == 6.0
    box.close()


def test_switched_off_no_spare_is_started(monkeypatch):
    monkeypatch.setenv('DLS_SPARE_SANDBOX', 'off')
    box = sandbox_pool.take(Limits(call_s=5), PRELUDE)
    assert not sandbox_pool._SPARE
    assert _load_and_call(box) == 6.0
    box.close()
