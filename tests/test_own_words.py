"""No master notebook repeats, or nearly repeats, a sentence of the course
objectives in `../shared/seeds/` (they say what to teach, not how)."""
import os

import nbformat
import pytest

import own_words
from autograder import curriculum

SEEDS = os.path.join(curriculum.REPO, '..', 'shared', 'seeds',
                     'course_objectives.md')


def _texts(path):
    """Markdown cells as they are; code cells with comment marks removed."""
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == 'markdown':
            yield cell.source
        elif cell.cell_type == 'code':
            yield '\n'.join(line.strip().lstrip('#').strip()
                            for line in cell.source.splitlines())


@pytest.mark.parametrize('assignment', sorted(curriculum.ASSIGNMENTS))
def test_no_sentence_is_a_near_copy_of_a_course_objective(assignment):
    prints = own_words.load()
    found = [hit for text in _texts(curriculum.get(assignment).master)
             for hit in own_words.near_copies(text, prints)]
    assert not found, ('say these in our own words (share of word pairs '
                       f'taken from a course objective, sentence): {found}')


def test_the_checker_finds_a_reworded_copy_and_passes_our_own_words():
    seed = ('- Use random minibatches to accelerate convergence and improve '
            'optimization\n')
    prints = own_words.fingerprint(seed)
    assert own_words.near_copies(
        '- use random mini-batches to accelerate convergence and improve\n'
        '  optimisation;', prints)
    assert not own_words.near_copies(
        '- shuffle the data and cut it into mini-batches, so each step is '
        'cheap and the epochs count for more;', prints)


@pytest.mark.skipif(not os.path.exists(SEEDS),
                    reason='../shared/seeds is not beside this clone')
def test_fingerprints_match_the_seeds():
    with open(SEEDS) as handle:
        assert own_words.fingerprint(handle.read()) == own_words.load(), (
            'the seeds changed: run python tests/own_words.py '
            '../shared/seeds/course_objectives.md')
