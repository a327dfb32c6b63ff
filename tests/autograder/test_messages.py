"""Learner mistakes that hidden checks must explain in plain words."""
from autograder import grade
from autograder.sandbox import Sandbox


def _grade(assignment_id, name, source):
    box = Sandbox()
    try:
        return grade.grade_function(grade.reference(assignment_id), name,
                                    [source], box)
    finally:
        box.close()


def test_notebook_global_inside_a_graded_function_is_named():
    """Does using a notebook variable say so, and score 0?"""
    result = _grade('C1_W2A2', 'propagate', (
        '# GRADED FUNCTION: propagate\n'
        'def propagate(w, b, X, Y):\n'
        '    m = train_x.shape[1]\n'
        '    A = sigmoid(w.T @ X + b)\n'
        '    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m\n'
        '    return {"dw": X @ (A - Y).T / m, "db": np.sum(A - Y) / m}, cost\n'
    ))
    assert result.score == 0
    assert "name 'train_x' is not defined" in result.report()
    assert 'not notebook variables' in result.report()


def test_hard_coded_size_fails_on_fresh_shapes_with_a_hint():
    """Does a size copied from the public check fail with a hint?"""
    result = _grade('C1_W2A2', 'initialize_with_zeros', (
        '# GRADED FUNCTION: initialize_with_zeros\n'
        'def initialize_with_zeros(dim):\n'
        '    return np.zeros((2, 1)), 0.0\n'))
    assert result.score < result.max_score
    assert 'expected shape' in result.report()
    assert 'hard-coding' in result.report()


def test_line_of_the_learners_cell_is_quoted_in_crash_messages():
    result = _grade('C1_W2A1', 'softmax', (
        '# GRADED FUNCTION: softmax\n'
        'def softmax(x):\n'
        '    e = np.exp(x)\n'
        '    return e / np.sum(e, axis=1)\n'))
    assert 'line 4 of your cell: return e / np.sum(e, axis=1)' in \
        result.report()


def test_cell_that_prints_at_import_is_still_graded():
    result = _grade('C1_W2A1', 'L1', (
        'print("debugging")\n'
        '# GRADED FUNCTION: L1\n'
        'def L1(yhat, y):\n'
        '    return np.sum(np.abs(y - yhat))\n'))
    assert result.score == result.max_score, result.report()


def test_a_result_of_an_unexpected_structure_loses_points_not_the_run():
    """A ragged or odd result must not stop grading (a message instead)."""
    result = _grade('C1_W4A1', 'linear_forward', (
        '# GRADED FUNCTION: linear_forward\n'
        'def linear_forward(A, W, b):\n'
        '    return [W @ A + b, [A, (W,)]], {"A": A}\n'))
    assert result.score < result.max_score
    assert result.messages, result.report()


def test_optimizer_state_whose_halves_are_one_object_loses_points():
    """v and s of Adam must be separate dicts, not one object twice."""
    ref = grade.reference('C2_W2A1')
    source = ref.sources['initialize_adam'].replace('v, s = {}, {}',
                                                    'v = s = {}')
    result = _grade('C2_W2A1', 'initialize_adam', source)
    assert result.score < result.max_score
    assert 'are one object' in result.report()


def test_gradient_check_is_tried_with_a_wrong_backward_pass():
    """A difference that is not relative passes with a correct gradient
    but must fail when the grader binds a wrong one."""
    ref = grade.reference('C2_W1A3')
    source = ref.sources['gradient_check'].replace(
        'difference = numerator / denominator', 'difference = numerator')
    result = _grade('C2_W1A3', 'gradient_check', source)
    assert result.score < result.max_score
    assert 'a wrong backward_propagation: difference' in result.report()
