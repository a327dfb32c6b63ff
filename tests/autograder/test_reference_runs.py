"""Our reference's run of a spec is kept on disk: a second grading process
reads it instead of running the reference again, and any change to what
the run depends on makes a new record."""
import types

import pytest

from autograder import grade, reference_runs

ID, NAME = 'C1_W2A1', 'sigmoid'


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty disk cache and no in-memory reference runs."""
    monkeypatch.setenv('DLS_CACHE', str(tmp_path))
    monkeypatch.delenv('DLS_REFERENCE_CACHE', raising=False)
    monkeypatch.setattr(grade, '_REFERENCE_RUNS', {})
    return tmp_path / 'reference_runs'


def _numbers(run):
    return run.total, run.checks_total, run.layouts


def test_second_process_reads_the_record_instead_of_running(fresh,
                                                            monkeypatch):
    ref = grade.reference(ID)
    first = _numbers(grade._reference_trial(ref, NAME))
    assert len(list(fresh.glob('*.json'))) == 1
    monkeypatch.setattr(grade, '_REFERENCE_RUNS', {})     # a new process

    def no_run(*args, **kwargs):
        raise AssertionError('the reference ran again')
    monkeypatch.setattr(grade, '_run_spec', no_run)
    assert _numbers(grade._reference_trial(ref, NAME)) == first


def test_a_record_holds_the_same_counts_and_layouts_as_a_run(fresh,
                                                            monkeypatch):
    ref = grade.reference('C2_W1A2')        # results with several parts
    runs = {name: _numbers(grade._reference_trial(ref, name))
            for name in ref.order}
    assert any(layout and layout[1] >= 2 for run in runs.values()
               for layout in run[2])
    monkeypatch.setattr(grade, '_REFERENCE_RUNS', {})
    monkeypatch.setattr(grade, '_run_spec', None)        # never runs
    for name, numbers in runs.items():
        assert _numbers(grade._reference_trial(ref, name)) == numbers


def test_the_key_changes_with_the_master_and_the_generator(tmp_path):
    ref = grade.reference(ID)
    a = reference_runs.key(ref.assignment, NAME, 'state 1')
    assert a == reference_runs.key(ref.assignment, NAME, 'state 1')
    assert a != reference_runs.key(ref.assignment, NAME, 'state 2')
    assert a != reference_runs.key(ref.assignment, 'softmax', 'state 1')
    master = tmp_path / 'master.ipynb'
    master.write_bytes(open(ref.assignment.master, 'rb').read() + b' ')
    edited = types.SimpleNamespace(id=ID, master=str(master))
    assert a != reference_runs.key(edited, NAME, 'state 1')


def test_a_damaged_record_is_ignored_and_rewritten(fresh, monkeypatch):
    ref = grade.reference(ID)
    first = _numbers(grade._reference_trial(ref, NAME))
    (path,) = fresh.glob('*.json')
    path.write_text('{"total": ')
    monkeypatch.setattr(grade, '_REFERENCE_RUNS', {})
    assert _numbers(grade._reference_trial(ref, NAME)) == first
    assert reference_runs.load(path.stem)[0] == first[0]


def test_switched_off_it_runs_the_reference_and_keeps_nothing(fresh,
                                                              monkeypatch):
    monkeypatch.setenv('DLS_REFERENCE_CACHE', 'off')
    ref = grade.reference(ID)
    assert grade._reference_trial(ref, NAME).total > 0
    assert not fresh.exists()
