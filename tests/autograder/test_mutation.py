"""Generated mutants: the generator, the equivalence test, and the target
that the hidden checks of courses 1–2 make >= 95 % of the non-equivalent
generated mutants of every graded function lose points (the table:
``python benchmarks/mutation_score.py``)."""
import collections
import time

import numpy as np
import pytest

from autograder import curriculum, grade, mutation
from autograder import mutation_score as ms

SOURCE = '''# GRADED FUNCTION: f

def f(x, w, flags):
    """Docstring: 1 + 2 must never be mutated."""
    scale = 3
    ### BEGIN SOLUTION
    z = np.sum(x * w, axis=0, keepdims=True)
    z = z + 1.5
    y = np.abs(z.T[1:])
    for i in range(1, 3):
        y = np.maximum(y - i, 0)
        flags[f'k{i}'] = i
    if y.size > 0 and flags:
        flags['seen'] = True
    print(f'y is {y + 1}')
    return y
    ### END SOLUTION
'''
EXPECTED = {
    'arith': 'x * w → x / w',
    'compare': 'y.size > 0 → y.size >= 0',
    'boolean': 'y.size > 0 and flags → y.size > 0 or flags',
    'axis': 'axis=0 → axis=1',
    'keepdims': 'keepdims=True → keepdims=False',
    'constant': '1.5 → 3.0',
    'drop_term': 'z + 1.5 → z',
    'negate': 'return y → return -y',
    'transpose': 'z.T → z',
    'slice': '1: → 2:',
    'range': 'range(1, 3) → range(1, 4)',
    'swap_args': 'np.maximum(y - i, 0) → np.maximum(0, y - i)',
    'function': 'np.maximum(y - i, 0) → np.minimum(y - i, 0)',
    'drop_call': 'np.abs(z.T[1:]) → z.T[1:]',
    'key_index': '{i} → {i + 1}',
    'return_local': 'y → z',
    'drop_stmt': "flags['seen'] = True → pass",
}
C12 = [a for a in sorted(curriculum.ASSIGNMENTS) if a[:2] in ('C1', 'C2')]
# every generated mutant: about 80 s for courses 1-2 on one core (a number,
# e.g. 50, would grade about that many per function, evenly spread)
AT_MOST = None


def _generated():
    return mutation.generate('f', SOURCE, {'np': np})


def test_generator_makes_mutants_of_every_kind():
    found = collections.defaultdict(set)
    for m in _generated():
        found[m.operator].add(m.description)
    for operator, description in EXPECTED.items():
        assert description in found[operator], (operator, found[operator])


def test_generator_is_deterministic_unique_and_stays_in_the_solution():
    first, second = _generated(), _generated()
    assert first == second
    sources = [m.source for m in first]
    assert len(set(sources)) == len(sources)
    lines = SOURCE.split('\n')
    begin = lines.index('    ### BEGIN SOLUTION') + 1
    end = lines.index('    ### END SOLUTION') + 1
    for m in first:
        assert begin < m.line < end, m
        assert 'scale = 3' in m.source and '1 + 2' in m.source, m
        assert "print(f'y is {y + 1}')" in m.source, m   # prints untouched
        compile(m.source, 'mutant', 'exec')


def test_seed_constants_are_their_own_operator():
    src = SOURCE.replace('    z = np.sum',
                         '    np.random.seed(3)\n    z = np.sum')
    seeds = [m.description for m in mutation.generate('f', src, {'np': np})
             if m.operator == 'seed']
    assert seeds == ['3 → 4', '3 → 2', '3 → 6']


def _calls(*arg_lists):
    state = np.random.get_state()
    return [(args, {}, state, {}) for args in arg_lists]


def test_behaviour_compares_results_types_and_arguments_after():
    calls = _calls((np.arange(3.0),), (np.array([np.nan, 1.0]),))

    def ref(x):
        return x * 2

    def in_place(x):
        x *= 2
        return x.copy()

    expected = ms.behaviour(ref, calls)
    assert not ms.differs(lambda x: 2 * x + 0.0, calls, expected)  # NaN too
    assert ms.differs(in_place, calls, expected)   # same result, x changed
    assert ms.differs(lambda x: (x * 2).astype(np.float32), calls, expected)
    assert ms.differs(lambda x: x * 2 + 1e-6, calls, expected)
    assert ms.differs(lambda x: list(x * 2), calls, expected)
    assert ms.differs(lambda x: 1 / 0, calls, expected)
    # loose: the same numbers in another numeric type
    labels = _calls((np.array([0.2, 0.7]),))
    floats = ms.behaviour(lambda a: (a > 0.5).astype(float), labels)
    assert ms.differs(lambda a: a > 0.5, labels, floats)
    assert not ms.differs(lambda a: a > 0.5, labels, floats, loose=True)
    assert ms.differs(lambda a: (a > 0.5)[None], labels, floats, loose=True)


def test_a_call_that_could_not_be_recorded_is_never_equivalent():
    assert ms.differs(lambda x: x, [None], [('not replayable',)])


def test_time_limit_stops_an_endless_loop():
    start = time.monotonic()
    with pytest.raises(ms.Timeout):
        with ms.guarded(0.3):
            while True:
                pass
    assert time.monotonic() - start < 5


def test_equivalent_killed_and_seed_mutants_of_real_functions():
    optimize = {o.mutant.description: o
                for o in ms.score_function('C1_W2A2', 'optimize').outcomes}
    # optimize never changes w in place, so the copy is not needed
    assert optimize['w = copy.deepcopy(w) → pass'].status == 'equivalent'
    assert optimize['range(num_iterations) → range(num_iterations - 1)'
                    ].status == 'killed'
    he = {o.mutant.description: o for o in ms.score_function(
        'C2_W1A1', 'initialize_parameters_he').outcomes}
    assert he['3 → 4'].status == 'equivalent'     # ANY_SEED, documented
    assert 'ANY_SEED' in he['3 → 4'].detail
    assert he['2 → 3'].status == 'killed'


def test_fixtures_a_spec_installs_for_one_call_are_made_afresh_in_replays():
    """train_step's spec installs a model, activations and an optimizer
    (built for the variable it first updates) for its one call; replays
    make them again from their sources. Before, every replay raised, our
    reference's too, so every mutant looked equivalent."""
    step = {o.mutant.description: o
            for o in ms.score_function('C4_W4A2', 'train_step').outcomes}
    assert step['return J → return -J'].status == 'killed'
    assert step['J → grad'].status == 'killed'
    # the content cost is symmetric in its two arguments: truly equivalent
    assert step['compute_content_cost(a_C, a_G) → compute_content_cost(a_G, '
                'a_C)'].status == 'equivalent'
    assert sum(o.status == 'equivalent' for o in step.values()) <= 2


def test_every_generated_mutant_of_the_reference_region_compiles():
    ref = grade.reference('C1_W2A1')
    for name in ref.order:
        for m in mutation.generate(name, ref.sources[name], ref.ns):
            compile(m.source, name, 'exec')


@pytest.mark.slow
@pytest.mark.parametrize('assignment_id', C12)
def test_hidden_checks_kill_95_percent_of_generated_mutants(assignment_id):
    """Do the hidden checks catch >= 95 % of the non-equivalent generated
    mutants of every graded function?"""
    ref = grade.reference(assignment_id)
    low = []
    for name in ref.order:
        r = ms.score_function(assignment_id, name, at_most=AT_MOST)
        assert r.generated >= 3, name
        bad = [f'[{o.mutant.operator}] line {o.mutant.line}: '
               f'{o.mutant.description} ({o.status}: {o.detail})'
               for o in r.survivors]
        if r.score < 0.95 or r.count('spec error'):
            low.append(f'{name}: {r.score:.1%}\n  ' + '\n  '.join(bad))
    assert not low, '\n'.join(low)
