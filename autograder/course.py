"""Build a ready nbgrader course directory, and learner workspaces for it.

Layout made by :func:`build` (``root`` defaults to ``work/course``)::

    root/nbgrader_config.py    instructor config (plain nbgrader from here)
    root/source/<id>/          the master notebooks
    root/gradebook.db          SQLite gradebook with the assignments
    exchange/                  the local exchange (beside root by default)

From there the instructor uses plain nbgrader commands inside ``root``:
``nbgrader generate_assignment C1_W2A1``, ``release_assignment``,
``collect``, ``autograde``, ``generate_feedback``, ``release_feedback``,
``export``.
"""
import json
import os
import shutil

from . import curriculum

COURSE_ID = 'dls'
STUB = ('# YOUR CODE HERE\n'
        'raise NotImplementedError("Not implemented yet: replace this line '
        'with your code.")')

INSTRUCTOR_CONFIG = '''\
"""nbgrader configuration for this course (written by autograder.course)."""
import sys
sys.path.insert(0, {repo!r})   # lets nbgrader load the function grader

c = get_config()  # noqa: F821
c.CourseDirectory.root = {root!r}
c.CourseDirectory.course_id = {course_id!r}
c.Exchange.root = {exchange!r}
c.ClearSolutions.code_stub = {{'python': {stub!r}}}
# Autograde grades functions in sandboxes instead of running a kernel.
c.Autograde.autograde_preprocessors = [
    'autograder.nbgrader_plugin.GradeFunctions',
    'nbconvert.preprocessors.ClearMetadataPreprocessor',
    'nbgrader.preprocessors.LimitOutput',
    'nbgrader.preprocessors.SaveAutoGrades',
    'nbgrader.preprocessors.AssignLatePenalties',
    'nbgrader.preprocessors.CheckCellMetadata',
]
c.Autograde.sanitize_preprocessors = [
    'nbgrader.preprocessors.ClearOutput',
    'nbgrader.preprocessors.DeduplicateIds',
    'autograder.nbgrader_plugin.DropEmptyMetadata',   # nbgrader bug fix
    'nbgrader.preprocessors.OverwriteKernelspec',
    'nbgrader.preprocessors.OverwriteCells',
    'nbgrader.preprocessors.CheckCellMetadata',
]
c.Autograde.pre_convert_hook = 'autograder.nbgrader_plugin.check_submission'
# Collect follows no link, skips a broken submission with a message instead
# of failing, and refuses one whose OS owner is not the learner it names.
c.ExchangeFactory.collect = 'autograder.collect.SafeCollect'
c.OverwriteCells.add_missing_cells = True   # a deleted test cell comes back
# Validate (public checks) still runs a kernel: generous cell timeout, and
# TensorFlow's start-up lines kept off stderr.
c.Execute.timeout = 300
c.IgnorePattern.enabled = True
c.IgnorePattern.pattern = {ignore!r}
'''

LEARNER_CONFIG = '''\
"""nbgrader configuration for learner {student!r} (autograder.course)."""
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = {course_id!r}
c.CourseDirectory.student_id = {student!r}
c.Exchange.root = {exchange!r}
c.Exchange.cache = {cache!r}
c.Exchange.assignment_dir = {home!r}
c.Execute.timeout = 300
'''

IGNORE = 'UserWarning|absl::InitializeLog|cpu_feature_guard|oneDNN|TF_ENABLE'


def build(root, assignments=None, exchange=None, fresh=False):
    """Write the course directory and return its paths."""
    root = os.path.abspath(root)
    exchange = os.path.abspath(exchange or os.path.join(
        os.path.dirname(root), 'exchange'))
    if fresh:
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(exchange, ignore_errors=True)
    ids = list(assignments or curriculum.ASSIGNMENTS)
    os.makedirs(root, exist_ok=True)
    os.makedirs(exchange, exist_ok=True)
    os.chmod(exchange, 0o777)
    for assignment_id in ids:
        a = curriculum.get(assignment_id)
        dest = os.path.join(root, 'source', a.id)
        os.makedirs(dest, exist_ok=True)
        shutil.copy(a.master, os.path.join(dest, a.notebook))
    with open(os.path.join(root, 'nbgrader_config.py'), 'w') as handle:
        handle.write(INSTRUCTOR_CONFIG.format(
            repo=curriculum.REPO, root=root, course_id=COURSE_ID,
            exchange=exchange, stub=STUB, ignore=IGNORE))
    from nbgrader.api import Gradebook
    with Gradebook(f'sqlite:///{root}/gradebook.db', COURSE_ID) as gb:
        for assignment_id in ids:
            gb.update_or_create_assignment(assignment_id)
    return {'root': root, 'exchange': exchange, 'assignments': ids}


def learner(home, student, exchange):
    """A learner's workspace: nbgrader config and Jupyter settings."""
    home = os.path.abspath(home)
    jupyter = os.path.join(home, '.jupyter')
    os.makedirs(os.path.join(jupyter, 'labconfig'), exist_ok=True)
    with open(os.path.join(home, 'nbgrader_config.py'), 'w') as handle:
        handle.write(LEARNER_CONFIG.format(
            student=student, course_id=COURSE_ID,
            exchange=os.path.abspath(exchange),
            cache=os.path.join(home, '.nbgrader_cache'), home=home))
    # Learners see the assignment list and Validate, not instructor tools.
    disabled = {f'@jupyter/nbgrader:{p}': True
                for p in ('create-assignment', 'formgrader', 'course-list')}
    _write_json(os.path.join(jupyter, 'labconfig', 'page_config.json'),
                {'disabledExtensions': disabled})
    _write_json(os.path.join(jupyter, 'jupyter_server_config.json'), {
        'ServerApp': {'jpserver_extensions': {
            'nbgrader.server_extensions.formgrader': False,
            'nbgrader.server_extensions.course_list': False,
            # Validate without freezing JupyterLab (nbgrader's is blocking)
            'shared_utils.jupyter_ext': True}}})
    return {'home': home, 'jupyter_config_dir': jupyter, 'student': student}


def _write_json(path, data):
    with open(path, 'w') as handle:
        json.dump(data, handle, indent=2)
